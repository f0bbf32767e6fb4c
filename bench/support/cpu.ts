// Where a benchmark's CPU goes, from the operating system's own accounting (Linux /proc): the time each process
// spent running, user and system, read before and after a run. On 2 cores the api, Postgres and the bench's
// clients share the same processors, so "events/s" alone cannot say which of them to make cheaper (issue 15).
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks a second in /proc/<pid>/stat (USER_HZ: 100 on every Linux Node supports). */
const TICKS = 100;

/** User + system seconds of one process so far, or 0 when it is gone or not readable. */
function seconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The name in parentheses may hold spaces: the fields after it are counted from its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS; // utime, stime: fields 14 and 15 of stat
  } catch {
    return 0;
  }
}

/** Every Postgres server process on this machine (its backends, WAL writer, checkpointer, autovacuum…). */
function postgresPids(): number[] {
  try {
    return readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number)
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
        } catch {
          return false;
        }
      });
  } catch {
    return [];
  }
}

export interface CpuSplit {
  api: number;
  postgres: number;
  bench: number;
}

/**
 * Starts counting the CPU of the api processes `apiPids`, of Postgres and of this process; the function returned
 * gives the seconds each spent since, or null where /proc cannot be read (not Linux). A Postgres process that
 * starts and ends within the run (an autovacuum worker) is missed; the figures are a floor for Postgres.
 */
export function cpuSince(apiPids: number[]): () => CpuSplit | null {
  const postgres = new Map(postgresPids().map((pid) => [pid, seconds(pid)]));
  const api = apiPids.map(seconds);
  const bench = process.cpuUsage();
  return () => {
    if (!postgres.size) return null;
    let pg = 0;
    for (const pid of postgresPids()) pg += seconds(pid) - (postgres.get(pid) ?? 0);
    const used = process.cpuUsage(bench);
    return {
      api: apiPids.reduce((sum, pid, i) => sum + seconds(pid) - (api[i] as number), 0),
      postgres: pg,
      bench: (used.user + used.system) / 1e6,
    };
  };
}

/** "api 18.2 µs, Postgres 25.1 µs, the bench's clients 4.0 µs of CPU an event" for `count` events. */
export const perEvent = (split: CpuSplit, count: number) => {
  const us = (s: number) => `${((s / count) * 1e6).toFixed(1)} µs`;
  return `api ${us(split.api)}, Postgres ${us(split.postgres)}, the bench's clients ${us(split.bench)} of CPU an event`;
};
