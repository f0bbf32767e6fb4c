import { type ApiKeyScope, findApiKey, touchApiKey } from '@uplift/db';
import type { MiddlewareHandler } from 'hono';
import type { RestEnv } from './env';
import { HttpError } from './errors';

const CHALLENGE = { 'www-authenticate': 'Bearer realm="uplift"' };

/**
 * Authenticates `Authorization: Bearer <key>` (401 with a challenge otherwise) and requires one of `scopes`
 * (403 naming them). Sets `c.var.key` and `c.var.scope`, the actor the use cases record.
 */
export const apiKey =
  (...scopes: ApiKeyScope[]): MiddlewareHandler<RestEnv> =>
  async (c, next) => {
    const deps = c.var.deps;
    const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
    if (!match) throw new HttpError(401, 'Send an API key: "Authorization: Bearer <key>".', undefined, CHALLENGE);
    const key = await findApiKey(deps.db, match[1] as string);
    if (!key) throw new HttpError(401, 'Unknown or revoked API key.', undefined, CHALLENGE);
    // Last-used time is a courtesy for admins: a failed touch must not fail the request, but it is logged.
    touchApiKey(deps.db, key.id).catch((error) =>
      deps.log.warn('rest: could not record the API key as used', { keyId: key.id, error: String(error) }),
    );
    if (!scopes.some((s) => key.scopes.includes(s))) {
      deps.log.warn('api key scope refused', {
        keyId: key.id,
        keyPrefix: key.prefix,
        workspaceId: key.workspaceId,
        route: `${c.req.method} ${c.req.path}`,
        required: scopes,
        scopes: key.scopes,
      });
      throw new HttpError(
        403,
        `This API key lacks the "${scopes.join('" or "')}" scope (it has: ${key.scopes.join(', ') || 'none'}).`,
      );
    }
    c.set('key', key);
    c.set('scope', {
      workspace: key.workspace,
      actor: { id: `apikey:${key.id}`, email: `api key ${key.prefix}… (${key.name})` },
    });
    await next();
  };
