import type { Db } from '@uplift/db';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

export interface Deps {
  db: Db;
  redis: Redis;
  queue: Queue;
  queuePrefix: string;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

export interface Context {
  deps: Deps;
  user: SessionUser | null;
  /** The workspace the caller acts in, from the `x-workspace` header (slug). */
  workspaceSlug: string | null;
}

/** The request-free part of the context: tests build it directly and call procedures with no HTTP. */
export function createContextInner(opts: Context): Context {
  return opts;
}
