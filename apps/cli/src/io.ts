import { readFileSync } from 'node:fs';
import type { z } from 'zod';

/**
 * The bytes of a file, or of standard input when no file (or `-`) is given. A file is read at once: the command
 * waits for it anyway, and one read beats the promise API's chunked reads through the thread pool.
 */
export async function readBytes(file: string | undefined): Promise<Buffer> {
  if (file && file !== '-') return readFileSync(file);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Reads a file, or standard input when no file (or `-`) is given. */
export async function readInput(file: string | undefined): Promise<string> {
  return (await readBytes(file)).toString('utf8');
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

/** What error lines call the input: the file's name, or `stdin`. */
export const sourceName = (file: string | undefined) => (file && file !== '-' ? file : 'stdin');

/** readBytes, with an unreadable file as a usage error (exit 2). */
export async function readSource(file: string | undefined): Promise<Buffer> {
  try {
    return await readBytes(file);
  } catch (error) {
    throw new UsageError([`${sourceName(file)}: cannot read (${(error as Error).message})`]);
  }
}

/** Reads and parses JSON from a file or stdin; an unreadable file or bad JSON is a usage error (exit 2). */
export async function readJson(file: string | undefined): Promise<unknown> {
  return parseJson((await readSource(file)).toString('utf8'), sourceName(file));
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

/** Every JSON-writing command's `--pretty` flag. */
/** Whether this run may print a command's help (`--help`, `-h`, `help <command>`). */
export const helpMayShow = (argv = process.argv.slice(2)) =>
  argv.some((arg) => arg === '--help' || arg === '-h' || arg === 'help');

export interface JsonFlags {
  pretty?: boolean;
}
export const PRETTY_HELP = 'indent the JSON output (by default it is compact, on one line)';

const json = (value: unknown, pretty: boolean | undefined) =>
  (pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)) ?? 'null';

/** One JSON value on stdout: compact unless `pretty`. */
export function writeJson(value: unknown, pretty?: boolean): void {
  process.stdout.write(`${json(value, pretty)}\n`);
}

/** Above this many characters the output so far goes to stdout, so memory stays flat on big files. */
const FLUSH_AT = 1 << 16;

/**
 * A JSON array written as its items come, never held whole: the text is what JSON.stringify of the whole array
 * would give, compact or (`pretty`) indented by two spaces. `write` takes the text (stdout by default) and says,
 * as stdout.write does, whether more may follow now; `first` is the index of the first item added, for a part
 * of an array whose earlier items another writer wrote (see analyze-stream.ts).
 */
export class JsonArrayWriter {
  private chunk = '';
  private count: number;

  constructor(
    private readonly pretty: boolean | undefined,
    private readonly write: (text: string) => boolean = (text) => process.stdout.write(text),
    first = 0,
  ) {
    this.count = first;
  }

  /** False when stdout holds back what was written (a pipe whose reader lags): wait for 'drain' before more. */
  add(value: unknown): boolean {
    this.chunk += this.count++ === 0 ? (this.pretty ? '[\n  ' : '[') : this.pretty ? ',\n  ' : ',';
    const text = json(value, this.pretty);
    // JSON escapes newlines inside strings, so every newline here is indentation.
    this.chunk += this.pretty ? text.replaceAll('\n', '\n  ') : text;
    return this.chunk.length < FLUSH_AT || this.flush();
  }

  /** Writes what is held, without ending the array. */
  flush(): boolean {
    const flushed = this.chunk === '' || this.write(this.chunk);
    this.chunk = '';
    return flushed;
  }

  end(): void {
    this.write(this.count === 0 ? '[]\n' : `${this.chunk}${this.pretty ? '\n]\n' : ']\n'}`);
    this.chunk = '';
  }
}

/** The result of a lone request, or the array of results in request order, each computed as it is written. */
export function writeResults<T>(
  items: readonly T[],
  single: boolean,
  pretty: boolean | undefined,
  result: (item: T) => unknown,
): void {
  if (single) {
    writeJson(result(items[0] as T), pretty);
    return;
  }
  const writer = new JsonArrayWriter(pretty);
  for (const item of items) writer.add(result(item));
  writer.end();
}
