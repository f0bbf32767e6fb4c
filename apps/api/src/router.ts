import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { Context } from './context';
import { experimentRouter } from './routers/experiment';
import { hypothesisRouter } from './routers/hypothesis';
import { insightsRouter } from './routers/insights';
import { apiKeyRouter, notificationRouter, webhookRouter } from './routers/integrations';
import { invitationRouter } from './routers/invitation';
import { ladderRouter } from './routers/ladder';
import { learningRouter } from './routers/learning';
import { memberRouter } from './routers/member';
import { roadmapRouter } from './routers/roadmap';
import { auditRouter, meRouter, workspaceRouter } from './routers/workspace';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  me: meRouter,
  workspace: workspaceRouter,
  member: memberRouter,
  invitation: invitationRouter,
  hypothesis: hypothesisRouter,
  audit: auditRouter,
  experiment: experimentRouter,
  notification: notificationRouter,
  apiKey: apiKeyRouter,
  webhook: webhookRouter,
  ladder: ladderRouter,
  insights: insightsRouter,
  learning: learningRouter,
  roadmap: roadmapRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** Calls procedures in-process with a given context: what integration tests use instead of HTTP. */
export const createCaller = (ctx: Context) => createCallerFactory(appRouter)(ctx);
