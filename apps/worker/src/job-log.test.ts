import { afterEach, describe, expect, it, vi } from 'vitest';
import { type FinishedJob, jobLog, leveledLog } from './job-log';

const job = (name: string, id: string, extra: Partial<FinishedJob> = {}): FinishedJob => ({
  name,
  id,
  attemptsMade: 1,
  opts: { attempts: 3 },
  ...extra,
});

function setup(level: 'debug' | 'info' | 'warn' | 'error' = 'info') {
  const lines: string[] = [];
  let now = 0;
  const clock = () => now;
  const log = jobLog(
    leveledLog(level, (l) => lines.push(l)),
    { clock, summaryEveryMs: 600_000 },
  );
  return { lines, log, advance: (ms: number) => (now += ms) };
}

afterEach(() => vi.useRealTimers());

describe('the worker job log', () => {
  it('at info, says nothing per routine job and sums them up every 10 minutes, busiest job first', () => {
    vi.useFakeTimers();
    const { lines, log, advance } = setup('info');
    for (let i = 0; i < 40; i++) log.completed(job('experiment.evaluate', `e${i}`));
    for (let i = 0; i < 24; i++) log.completed(job('backlog.reconcile', `b${i}`));
    expect(lines).toEqual([]);
    advance(600_000);
    vi.advanceTimersByTime(600_000);
    expect(lines).toEqual([
      'info worker: 64 jobs done in the last 10 min (experiment.evaluate 40, backlog.reconcile 24)',
    ]);
    // A quiet window writes nothing.
    advance(600_000);
    vi.advanceTimersByTime(600_000);
    expect(lines).toHaveLength(1);
    log.close();
  });

  it('at debug, writes each completion with its duration', () => {
    const { lines, log, advance } = setup('debug');
    advance(1_250);
    log.completed(job('webhook.deliver', 'w1', { processedOn: 1_000 }));
    expect(lines).toEqual(['debug job webhook.deliver w1 done in 250 ms']);
    log.close();
  });

  it('always writes failures: a warning while attempts are left, an error once the job failed for good', () => {
    const { lines, log, advance } = setup('warn');
    log.completed(job('experiment.evaluate', 'e1'));
    log.failed(job('webhook.deliver', 'w1', { attemptsMade: 1 }), new Error('503 from the receiver'));
    log.failed(job('webhook.deliver', 'w1', { attemptsMade: 3, finishedOn: 5 }), new Error('503 from the receiver'));
    log.failed(undefined, new Error('stalled too often'));
    expect(lines).toEqual([
      'warn job webhook.deliver w1 failed (attempt 1 of 3; retrying): 503 from the receiver',
      'error job webhook.deliver w1 failed: 503 from the receiver',
      'error a job failed: stalled too often',
    ]);
    advance(45_000);
    log.close(); // the summary is info: below warn, dropped
    expect(lines).toHaveLength(3);
  });

  it('sums up what is left when the worker closes, failed attempts included', () => {
    const { lines, log, advance } = setup('info');
    log.completed(job('experiment.evaluate', 'e1'));
    log.failed(job('webhook.deliver', 'w1'), new Error('timeout'));
    advance(45_000);
    log.close();
    expect(lines).toEqual([
      'warn job webhook.deliver w1 failed (attempt 1 of 3; retrying): timeout',
      'info worker: 1 job done in the last 45 s (experiment.evaluate 1); 1 failed attempt',
    ]);
  });
});
