// Where a benchmark's CPU goes, from the operating system's own accounting (Linux /proc): the time each process
// spent running, user and system, read before and after a run. On 2 cores the api, Postgres and the bench's
// clients share the same processors, so "events/s" alone cannot say which of them to make cheaper (issue 15).
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks a second in /proc/<pid>/stat (USER_HZ: 100 on every Linux Node supports). */
const TICKS = 100;

interface Times {
  user: number;
  system: number;
  /** Minor page faults: first touches of memory pages, about 10 µs each on the development VM (README). */
  faults: number;
}

/** User and system (kernel) seconds of one process so far, or 0 when it is gone or not readable. */
function times(pid: number): Times {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The name in parentheses may hold spaces: the fields after it are counted from its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime, stime: fields 14, 15; minflt: field 10
    return { user: Number(fields[11]) / TICKS, system: Number(fields[12]) / TICKS, faults: Number(fields[7]) };
  } catch {
    return { user: 0, system: 0, faults: 0 };
  }
}

const since = (now: Times, before: Times | undefined): Times => ({
  user: now.user - (before?.user ?? 0),
  system: now.system - (before?.system ?? 0),
  faults: now.faults - (before?.faults ?? 0),
});
const plus = (a: Times, b: Times): Times => ({
  user: a.user + b.user,
  system: a.system + b.system,
  faults: a.faults + b.faults,
});
const NONE: Times = { user: 0, system: 0, faults: 0 };

/** Every Postgres server process on this machine (its backends, WAL writer, checkpointer, autovacuum…). */
export function postgresPids(): number[] {
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
  api: Times;
  postgres: Times;
  bench: Times;
}

/**
 * Starts counting the CPU of the api processes `apiPids`, of Postgres and of this process; the function returned
 * gives the seconds each spent since, or null where /proc cannot be read (not Linux). A Postgres process that
 * starts and ends within the run (an autovacuum worker) is missed; the figures are a floor for Postgres.
 */
export function cpuSince(apiPids: number[]): () => CpuSplit | null {
  const postgres = new Map(postgresPids().map((pid) => [pid, times(pid)]));
  const api = apiPids.map(times);
  const bench = process.cpuUsage();
  const benchFaults = process.resourceUsage().minorPageFault;
  return () => {
    if (!postgres.size) return null;
    const pg = postgresPids().reduce((sum, pid) => plus(sum, since(times(pid), postgres.get(pid))), NONE);
    const used = process.cpuUsage(bench);
    return {
      api: apiPids.reduce((sum, pid, i) => plus(sum, since(times(pid), api[i])), NONE),
      postgres: pg,
      bench: {
        user: used.user / 1e6,
        system: used.system / 1e6,
        faults: process.resourceUsage().minorPageFault - benchFaults,
      },
    };
  };
}

/**
 * "api 18.2 µs (kernel 4.1, 0.030 page faults), Postgres 25.1 µs (kernel 6.0, 0.070 page faults), … of CPU an
 * event" for `count` events: the kernel's share is mostly the sockets between them (on one machine, sending over
 * loopback runs the receiver's side of TCP too) and the WAL's writes; page faults an event, because a first touch
 * of a page cost about 10 µs on the development VM (a Postgres backend touching shared buffers new to it).
 */
export const perEvent = (split: CpuSplit, count: number) => {
  const us = (s: number) => ((s / count) * 1e6).toFixed(1);
  const of = (t: Times) =>
    `${us(t.user + t.system)} µs (kernel ${us(t.system)}, ${(t.faults / count).toFixed(3)} page faults)`;
  return `api ${of(split.api)}, Postgres ${of(split.postgres)}, the bench's clients ${of(split.bench)} of CPU an event`;
};
