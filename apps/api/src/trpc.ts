import { initTRPC, TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { findMembership } from '@uplift/db';
import { type Action, assertCan, type DomainErrorCode, isDomainError, type Role } from '@uplift/domain';
import { ZodError } from 'zod';
import type { Context } from './context';
import { transformer } from './transformer';

const STATUS: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_INPUT: 'BAD_REQUEST',
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  CONFLICT: 'CONFLICT',
  ILLEGAL_TRANSITION: 'CONFLICT',
};

const fieldErrorsOf = (cause: unknown) =>
  cause instanceof ZodError
    ? cause.issues.map((i) => ({ field: i.path.join('.'), message: i.message }))
    : isDomainError(cause) && cause.field
      ? [{ field: cause.field, message: cause.message }]
      : undefined;

/** `baselineRate: must be < 1; cost: is required` — a sentence that names each field and what to fix. */
const zodMessage = (error: ZodError) =>
  error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');

/** Over HTTP the context also carries the request's id (app.ts), which an internal error's answer quotes. */
const t = initTRPC.context<Context & { requestId?: string }>().create({
  transformer,
  errorFormatter({ shape, error, ctx }) {
    const data = { ...shape.data, fieldErrors: fieldErrorsOf(error.cause), stack: undefined };
    if (error.code !== 'INTERNAL_SERVER_ERROR') return { ...shape, data };
    // Prisma and SQL messages stay in the log (app.ts onError, under the same id), never with the client.
    const requestId = ctx?.requestId ?? 'unknown';
    return {
      ...shape,
      message: `Something went wrong on our side; quote request id ${requestId}.`,
      data: { ...data, requestId },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** The domain throws typed errors; only here do they become tRPC (and so HTTP) statuses. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (isDomainError(cause)) throw new TRPCError({ code: STATUS[cause.code], message: cause.message, cause });
    if (cause instanceof ZodError) throw new TRPCError({ code: 'BAD_REQUEST', message: zodMessage(cause), cause });
  }
  return result;
});

export const publicProcedure = t.procedure.use(domainErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first.' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/**
 * Every workspace procedure names the one action it performs; membership and the permission table decide.
 * What the resolver gets is already scoped: `ctx.workspace` is the caller's, never one named in the input.
 */
export const workspaceProcedure = (action: Action) =>
  authedProcedure.use(async ({ ctx, next }) => {
    if (!ctx.workspaceSlug) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: 'Choose a workspace (x-workspace header).' });
    }
    const membership = await findMembership(ctx.deps.db, ctx.user.id, ctx.workspaceSlug);
    // A refusal is logged (not audited): who tried what where, for a security reviewer reading the logs.
    const refused = (role: Role | null) =>
      ctx.deps.log.warn('permission refused', {
        userId: ctx.user.id,
        email: ctx.user.email,
        workspace: ctx.workspaceSlug,
        action,
        role,
      });
    if (!membership) {
      refused(null);
      throw new TRPCError({ code: 'FORBIDDEN', message: `You are not a member of workspace "${ctx.workspaceSlug}".` });
    }
    const role = membership.role as Role;
    try {
      assertCan(role, action);
    } catch (error) {
      refused(role);
      throw new TRPCError({ code: 'FORBIDDEN', message: (error as Error).message });
    }
    return next({ ctx: { ...ctx, workspace: membership.workspace, role, actor: ctx.user } });
  });
