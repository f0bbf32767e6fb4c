import { createReadStream, type WriteStream } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { basename } from 'node:path';
import { Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { assignVariant, bucketOf, cumulativeWeights, winnerSendSlot } from '@uplift/domain';
import { CsvError, parse } from 'csv-parse';
import { CsvLines } from './csv-line';
import { discard, findIdColumn, inspectInput, isSystemError, type Output, outputFiles } from './split-files';
import { SplitError, type SplitOptions, type SplitResult } from './split-types';

export * from './split-types';

const MAX_LISTED = 100;
const FLUSH_CHARS = 1 << 16; // rows are batched into strings of ~64 KB per file before each stream write
const PROGRESS_MS = 100;

/**
 * Streams a recipients CSV into one CSV per variant, each row in the file of
 * `assignVariant(seed, id, cumulativeWeights(weights))` — the same assignment the experiment makes everywhere else.
 * Ids are hashed exactly as written (no trimming or lower-casing), so an id matches its assignment elsewhere only
 * when spelt the same. Rows keep all their columns; fields are re-quoted only where CSV needs it.
 */
export async function splitRecipients(o: SplitOptions): Promise<SplitResult> {
  const bounds = cumulativeWeights(o.variants.map((v) => v.weight));
  const name = basename(o.input);
  const outputs = outputFiles(o);
  const { totalBytes, bom } = await inspectInput(o.input);

  const source = createReadStream(o.input, { highWaterMark: 1 << 20 });
  // relax_column_count: a short or long row is still a recipient; relax_quotes: `Bob "Bobby" Smith` is a name.
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true });
  let header: string[] | undefined;
  let starting: Promise<void> | undefined; // opening the outputs, which a parse error can overtake
  let idColumn = '';
  let idIndex = 0;
  let segmentIndex = -1;
  let leftOut = 0;
  let waiting = 0;
  const csv = new CsvLines();
  let rows = 0;
  let skippedCount = 0;
  const skipped: SplitResult['skipped'] = [];
  let line = 1; // where the next record starts
  let lastProgress = performance.now();
  const progress = () => o.onProgress?.({ rows, bytes: source.bytesRead, totalBytes });

  const start = async (record: string[]) => {
    header = record;
    if (record.length === 1 && /[;\t]/.test(record[0] as string)) {
      throw new SplitError(`${name} looks separated by semicolons or tabs; save it as comma-separated CSV.`);
    }
    ({ idColumn, idIndex } = findIdColumn(record, o.idColumn, name));
    if (o.scope) segmentIndex = findIdColumn(record, o.scope.column, name).idIndex;
    const detected = parser.options.record_delimiter[0];
    if (detected) csv.eol = detected.toString();
    const headerLine = (bom ? '\uFEFF' : '') + csv.line(record);
    line += csv.breaks;
    await mkdir(o.outDir, { recursive: true });
    for (const out of outputs) {
      out.file = await open(out.path, 'w');
      out.stream = out.file.createWriteStream({ highWaterMark: 1 << 20 });
      out.stream.on('error', (error) => sink.destroy(error));
      out.pending = headerLine;
    }
  };

  // A winner send: the test by bucket / testShare, the remainder to the last output once decided (-1 before).
  const place = (id: string) => {
    if (!o.winnerSend) return assignVariant(o.seed, id, bounds);
    const slot = winnerSendSlot(bucketOf(o.seed, id), o.winnerSend.testShare, bounds);
    if (slot.inTest) return slot.index;
    return o.winnerSend.winnerVariant ? o.variants.length : -1;
  };

  const take = (record: string[], done: (error?: Error | null) => void) => {
    const at = line++;
    if (record.length === 1 && record[0] === '') return done(); // a blank line
    if (header === undefined) {
      starting = start(record);
      return void starting.then(() => done(), done);
    }
    const text = csv.line(record);
    line += csv.breaks;
    rows++;
    if ((rows & 4095) === 0 && o.onProgress && performance.now() - lastProgress >= PROGRESS_MS) {
      lastProgress = performance.now();
      progress();
    }
    const id = record[idIndex];
    if (id === undefined || id.trim() === '') {
      if (skippedCount++ < MAX_LISTED) {
        const reason =
          id === undefined
            ? `no ${idColumn} (the row has only ${record.length} field${record.length === 1 ? '' : 's'})`
            : `empty ${idColumn}`;
        skipped.push({ line: at, reason });
      }
      return done();
    }
    // A scoped experiment reaches its segments only: a recipient of another segment gets the default mailing.
    if (o.scope && !o.scope.segments.includes(record[segmentIndex] ?? '')) {
      leftOut++;
      return done();
    }
    const out = outputs[place(id)] as Output | undefined;
    if (!out) {
      waiting++; // a winner send's remainder before the decision: no file until the winner is known
      return done();
    }
    out.rows++;
    out.pending += text;
    if (out.pending.length < FLUSH_CHARS) return done();
    const stream = out.stream as WriteStream;
    const ready = stream.write(out.pending);
    out.pending = '';
    if (ready) done();
    else stream.once('drain', () => done());
  };

  const sink = new Writable({
    objectMode: true,
    highWaterMark: 256,
    write(record: string[], _encoding, done) {
      try {
        take(record, done);
      } catch (error) {
        done(error as Error); // a throwing onProgress, say: fail the pipeline rather than the process
      }
    },
    final(done) {
      if (header === undefined)
        return done(new SplitError(`${name} is empty: it needs a header row, then one row per recipient.`));
      for (const out of outputs) out.stream?.end(out.pending);
      Promise.all(outputs.map((out) => finished(out.stream as WriteStream))).then(() => done(), done);
    },
  });

  try {
    await pipeline(source, parser, sink);
  } catch (error) {
    // Let a half-done opening of the outputs settle before discarding them; its failure, if any, is `error`.
    if (starting) await Promise.allSettled([starting]);
    await Promise.all(outputs.map(discard));
    if (error instanceof CsvError) throw new SplitError(`${name}: ${error.message}`, { cause: error });
    if (isSystemError(error)) throw new SplitError(error.message, { cause: error });
    throw error;
  }
  progress();
  return {
    idColumn,
    rows,
    skippedCount,
    skipped,
    leftOut,
    waiting,
    files: outputs.map((out) => ({ variant: out.key, path: out.path, rows: out.rows })),
  };
}
