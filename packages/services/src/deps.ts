import type { Db } from '@uplift/db';
import type { Queue } from 'bullmq';

/** Structured log lines; the apps hand in one that writes to stdout/stderr. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * What every use case is handed (cal.com's habit): the database handle its repositories work on, the job
 * queue, the clock and a logger. Use cases own their transaction boundary (`transaction` from @uplift/db)
 * and never touch Prisma themselves.
 */
export interface ServiceDeps {
  db: Db;
  queue: Queue;
  clock: () => Date;
  log: Logger;
}

/** Who acts: a signed-in person, or an API key (id `apikey:<id>`). */
export interface Actor {
  id: string;
  email: string;
}

const line = (level: string, message: string, fields?: Record<string, unknown>) =>
  fields && Object.keys(fields).length ? `${level} ${message} ${JSON.stringify(fields)}` : `${level} ${message}`;

export const consoleLogger: Logger = {
  info: (m, f) => console.log(line('info', m, f)),
  warn: (m, f) => console.warn(line('warn', m, f)),
  error: (m, f) => console.error(line('error', m, f)),
};

/** Deps with the real clock and the console logger unless given. */
export function createServiceDeps(parts: Pick<ServiceDeps, 'db' | 'queue'> & Partial<ServiceDeps>): ServiceDeps {
  return { clock: () => new Date(), log: consoleLogger, ...parts };
}
