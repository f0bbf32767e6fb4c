import type { Db, Tx } from './client';

export interface TransactionOptions {
  isolationLevel?: 'RepeatableRead' | 'Serializable';
  timeout?: number;
  maxWait?: number;
}

/** The one way code outside packages/db opens a transaction: `fn` gets a client whose repositories share it. */
export function transaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T> {
  return db.$transaction(fn, options);
}
