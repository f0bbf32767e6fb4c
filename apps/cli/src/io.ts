import { readFile } from 'node:fs/promises';
import type { z } from 'zod';

/** Reads a file, or standard input when no file (or `-`) is given. */
export async function readInput(file: string | undefined): Promise<string> {
  if (file && file !== '-') return readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A CLI usage error: printed to stderr one line per problem, exit code 2, nothing on stdout. */
export class UsageError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError([`${source}: not valid JSON (${(error as Error).message})`]);
  }
}

/** One line per zod issue: `item 3: field baselineRate: must be < 1`. */
export function issueLines(error: z.ZodError, prefix = ''): string[] {
  return error.issues.map((issue) => {
    const [index, ...rest] = issue.path;
    const where = typeof index === 'number' ? `item ${index}` : 'input';
    const field = rest.length ? `: field ${rest.join('.')}` : '';
    return `${prefix}${where}${field}: ${issue.message}`;
  });
}

export async function runCommand(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof UsageError) {
      for (const line of error.lines) process.stderr.write(`${line}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
}

/** Reads and parses JSON from a file or stdin; an unreadable file or bad JSON is a usage error (exit 2). */
export async function readJson(file: string | undefined): Promise<unknown> {
  const source = file && file !== '-' ? file : 'stdin';
  let text: string;
  try {
    text = await readInput(file);
  } catch (error) {
    throw new UsageError([`${source}: cannot read (${(error as Error).message})`]);
  }
  return parseJson(text, source);
}

/**
 * One request or an array of them, each validated alone so a bad one names its index: a lone object is
 * `request 0`. Problems are one line each, `request 2: variants.1.sum: cannot exceed users`.
 */
export function parseRequests<T extends z.ZodType>(
  value: unknown,
  schema: T,
): { requests: z.output<T>[]; single: boolean } {
  const single = !Array.isArray(value);
  const items: unknown[] = single ? [value] : value;
  const requests: z.output<T>[] = [];
  const lines: string[] = [];
  items.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) requests.push(parsed.data);
    else {
      for (const issue of parsed.error.issues) {
        const field = issue.path.length ? `${issue.path.join('.')}: ` : '';
        lines.push(`request ${index}: ${field}${issue.message}`);
      }
    }
  });
  if (lines.length) throw new UsageError(lines);
  return { requests, single };
}

/** Writes one result for a lone request, or the array in request order. */
export function writeResults(results: unknown[], single: boolean): void {
  process.stdout.write(`${JSON.stringify(single ? results[0] : results, null, 2)}\n`);
}
