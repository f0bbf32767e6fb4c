import type { Queue } from 'bullmq';
import { describe, expect, it } from 'vitest';
import type { Logger, ServiceDeps } from '../deps';
import { requestEvaluationOrWarn, scheduleEvaluationOrWarn, unscheduleEvaluationOrWarn } from './evaluation-jobs';

/** A queue whose Redis is down: every call fails the way ioredis does. */
const down = () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379'));
const brokenQueue = { upsertJobScheduler: down, removeJobScheduler: down, add: down } as unknown as Queue;

function depsWithLog() {
  const warnings: { message: string; fields?: Record<string, unknown> }[] = [];
  const log: Logger = {
    info: () => {},
    error: () => {},
    warn: (message, fields) => warnings.push({ message, fields }),
  };
  const deps = { db: {} as ServiceDeps['db'], queue: brokenQueue, clock: () => new Date(), log } satisfies ServiceDeps;
  return { deps, warnings };
}

describe('evaluation jobs while Redis is down', () => {
  it('do not fail the change; each says so in a warning naming the experiment and the repair', async () => {
    const { deps, warnings } = depsWithLog();
    await expect(scheduleEvaluationOrWarn(deps, 'e1', 5)).resolves.toBeUndefined();
    await expect(unscheduleEvaluationOrWarn(deps, 'e2')).resolves.toBeUndefined();
    await expect(requestEvaluationOrWarn(deps, 'e3')).resolves.toBeUndefined();
    expect(warnings.map((w) => w.message)).toEqual([
      'could not schedule the evaluation of experiment e1; the reconciler will repair it',
      'could not unschedule the evaluation of experiment e2; the reconciler will repair it',
      'could not request the evaluation of experiment e3; the reconciler will repair it',
    ]);
    expect(warnings[0]?.fields).toEqual({ experimentId: 'e1', error: 'connect ECONNREFUSED 127.0.0.1:6379' });
  });
});
