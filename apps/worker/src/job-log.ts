export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A line sink that drops lines below `level`; each line starts with its level. */
export type LeveledLog = (level: LogLevel, line: string) => void;

export function leveledLog(level: LogLevel, sink: (line: string) => void): LeveledLog {
  const threshold = LOG_LEVELS.indexOf(level);
  return (at, line) => {
    if (LOG_LEVELS.indexOf(at) >= threshold) sink(`${at} ${line}`);
  };
}

/** What the log needs of a BullMQ job. */
export interface FinishedJob {
  name: string;
  id?: string | undefined;
  attemptsMade: number;
  opts: { attempts?: number | undefined };
  /** Set once the job has failed for good (no attempt left, or an unrecoverable error). */
  finishedOn?: number | undefined;
  processedOn?: number | undefined;
}

const minutes = (ms: number) =>
  ms < 60_000 ? `${Math.max(1, Math.round(ms / 1000))} s` : `${Math.round(ms / 60_000)} min`;

/**
 * The worker's job log: a routine completion is a debug line (the demo finished 64 jobs in 17 minutes); every
 * `summaryEveryMs` one info line counts the jobs done by name; a failure is always logged, as a warning while
 * attempts are left and as an error once the job has failed for good.
 */
export function jobLog(log: LeveledLog, options: { clock?: () => number; summaryEveryMs?: number } = {}) {
  const clock = options.clock ?? Date.now;
  const done = new Map<string, number>();
  let failed = 0;
  let since = clock();

  const summary = () => {
    const total = [...done.values()].reduce((a, b) => a + b, 0);
    if (total || failed) {
      const byName = [...done].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      const names = byName.map(([name, n]) => `${name} ${n}`).join(', ');
      const failures = failed ? `; ${failed} failed attempt${failed === 1 ? '' : 's'}` : '';
      log(
        'info',
        `worker: ${total} job${total === 1 ? '' : 's'} done in the last ${minutes(clock() - since)}${names ? ` (${names})` : ''}${failures}`,
      );
    }
    done.clear();
    failed = 0;
    since = clock();
  };
  const timer = setInterval(summary, options.summaryEveryMs ?? 10 * 60_000);
  timer.unref();

  return {
    completed(job: FinishedJob) {
      done.set(job.name, (done.get(job.name) ?? 0) + 1);
      const took = job.processedOn ? ` in ${clock() - job.processedOn} ms` : '';
      log('debug', `job ${job.name} ${job.id} done${took}`);
    },
    failed(job: FinishedJob | undefined, error: Error) {
      failed += 1;
      if (!job) return log('error', `a job failed: ${error.message}`);
      const attempts = job.opts.attempts ?? 1;
      if (job.finishedOn) log('error', `job ${job.name} ${job.id} failed: ${error.message}`);
      else
        log(
          'warn',
          `job ${job.name} ${job.id} failed (attempt ${job.attemptsMade} of ${attempts}; retrying): ${error.message}`,
        );
    },
    /** Writes the summary of what is not summarised yet (on close), and stops the timer. */
    close() {
      clearInterval(timer);
      summary();
    },
  };
}
