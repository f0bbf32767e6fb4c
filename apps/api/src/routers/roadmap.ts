import { getRoadmap, roadmapInput } from '@uplift/services';
import { router, workspaceProcedure } from '../trpc';

export const roadmapRouter = router({
  /** What the roadmap page schedules in the browser (domain scheduleRoadmap), with titles and keys to show. */
  input: workspaceProcedure('hypothesis.read').query(({ ctx }) => roadmapInput(ctx.deps, ctx.workspace)),
  /** The plan the worker stored (roadmap.recompute) and each planned idea's start week; null until the first one. */
  get: workspaceProcedure('hypothesis.read').query(({ ctx }) => getRoadmap(ctx.deps, ctx.workspace.id)),
});
