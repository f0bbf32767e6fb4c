import type { WriteStream } from 'node:fs';
import { type FileHandle, open, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { SplitError, type SplitOptions } from './split-types';

/** The output of a decided winner send's remainder (every row of it gets the winner). */
export const REMAINDER = 'remainder';

const ID_HEADER = /^(email|e-mail|id|user_?id|customer_?id|recipient|unit)$/i;

export interface Output {
  key: string;
  path: string;
  rows: number;
  pending: string;
  file?: FileHandle;
  stream?: WriteStream;
}

export function findIdColumn(header: string[], wanted: string | undefined, name: string) {
  if (wanted === undefined) {
    const found = header.findIndex((h) => ID_HEADER.test(h.trim()));
    const idIndex = Math.max(found, 0);
    return { idIndex, idColumn: header[idIndex] as string };
  }
  let idIndex = header.indexOf(wanted);
  if (idIndex < 0) idIndex = header.findIndex((h) => h.trim().toLowerCase() === wanted.trim().toLowerCase());
  if (idIndex < 0) {
    const columns = header.map((h) => JSON.stringify(h)).join(', ');
    throw new SplitError(`${name} has no column "${wanted}"; its columns are ${columns}.`);
  }
  return { idIndex, idColumn: header[idIndex] as string };
}

/**
 * `<input name without .csv>.<variant key>.csv` in outDir, and a decided winner send's `….remainder.csv` last;
 * keys that would escape the folder or collide are refused.
 */
export function outputFiles(o: SplitOptions): Output[] {
  const stem = basename(o.input).replace(/\.csv$/i, '');
  const seen = new Set<string>();
  const keys = o.variants.map((v) => ({ key: v.key }));
  if (o.winnerSend?.winnerVariant) keys.push({ key: REMAINDER });
  return keys.map(({ key }) => {
    if (!key || /[/\\\0]/.test(key) || key === '.' || key === '..') {
      throw new SplitError(`Variant key ${JSON.stringify(key)} cannot be used in a file name.`);
    }
    if (seen.has(key)) throw new SplitError(`Variant key "${key}" appears twice; keys must be unique.`);
    seen.add(key);
    return { key, path: join(o.outDir, `${stem}.${key}.csv`), rows: 0, pending: '' };
  });
}

export async function inspectInput(input: string): Promise<{ totalBytes: number; bom: boolean }> {
  let file: FileHandle | undefined;
  try {
    file = await open(input, 'r');
    const info = await file.stat();
    if (!info.isFile()) throw new SplitError(`${input} is not a file.`);
    const head = Buffer.alloc(3);
    const { bytesRead } = await file.read(head, 0, 3, 0);
    return { totalBytes: info.size, bom: bytesRead === 3 && head.equals(Buffer.from([0xef, 0xbb, 0xbf])) };
  } catch (error) {
    if (!isSystemError(error)) throw error;
    const why = error.code === 'ENOENT' ? 'no such file' : error.code === 'EISDIR' ? 'it is a folder' : error.message;
    throw new SplitError(`Cannot read ${input}: ${why}.`, { cause: error });
  } finally {
    await file?.close();
  }
}

/** A failed split leaves no half-written files behind. */
export async function discard(out: Output): Promise<void> {
  if (out.stream && !out.stream.closed) {
    const closed = new Promise<void>((resolve) => out.stream?.once('close', () => resolve()));
    out.stream.destroy();
    await closed;
  } else if (!out.stream) await out.file?.close();
  if (out.file) await rm(out.path, { force: true });
}

export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && 'syscall' in error;
}
