import { dirname } from 'node:path';
import { describeScope, isDomainError, isScoped, segmentAttributeOf } from '@uplift/domain';
import type { Command } from 'commander';
import { runCommand, UsageError } from '../io';
import {
  SplitError,
  type SplitProgress,
  type SplitResult,
  type SplitVariant,
  splitRecipients,
} from '../split/split-recipients';

/** Finds an experiment's seed, variants and scope (the database lookup, handed in so tests can use a fake). */
export type LoadExperiment = (
  key: string,
  workspace?: string,
) => Promise<{
  key: string;
  seed: string;
  variants: SplitVariant[];
  segmentAttribute?: string | null;
  scopeSegments?: string[];
  /** A winner send: its test share and, once decided, the remainder's variant and why. */
  winnerSend?: { testShare: number; winnerVariant: string | null; winnerReason: string | null } | null;
}>;

export interface SplitFlags {
  experiment?: string;
  workspace?: string;
  idColumn?: string;
  segmentColumn?: string;
  out?: string;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const usage = (message: string) => new UsageError([`uplift split: ${message.replace(/\s*\n\s*/g, ' ')}`]);

export async function splitCommand(file: string | undefined, flags: SplitFlags, load: LoadExperiment): Promise<void> {
  if (!flags.experiment) throw usage('--experiment KEY is required (the experiment whose assignment to apply).');
  if (!file || file === '-') throw usage('give the recipients CSV file: uplift split --experiment KEY FILE.csv');
  let experiment: Awaited<ReturnType<LoadExperiment>>;
  try {
    experiment = await load(flags.experiment, flags.workspace);
  } catch (error) {
    throw usage(error instanceof Error ? error.message : String(error));
  }
  const scope = {
    segmentAttribute: experiment.segmentAttribute ?? null,
    scopeSegments: experiment.scopeSegments ?? [],
  };
  if (isScoped(scope) && !flags.segmentColumn) {
    throw usage(
      `experiment ${experiment.key} reaches ${describeScope(scope)}: give --segment-column NAME, the column holding each recipient's ${segmentAttributeOf(scope)}.`,
    );
  }
  const progress = progressReporter(process.stderr);
  let result: SplitResult;
  try {
    result = await splitRecipients({
      input: file,
      idColumn: flags.idColumn,
      scope: isScoped(scope) ? { column: flags.segmentColumn as string, segments: scope.scopeSegments } : undefined,
      seed: experiment.seed,
      variants: experiment.variants,
      ...(experiment.winnerSend ? { winnerSend: experiment.winnerSend } : {}),
      outDir: flags.out ?? dirname(file),
      onProgress: progress.update,
    });
  } catch (error) {
    progress.abandon();
    if (error instanceof SplitError || isDomainError(error)) throw usage(error.message);
    throw error;
  }
  progress.finish();
  process.stdout.write(summary(result, experiment.key, describeScope(scope)));
  if (experiment.winnerSend) process.stdout.write(winnerSendNote(result, experiment.winnerSend));
}

/**
 * On a terminal, one line rewritten in place; into a log or pipe, a line a second at most (a short split prints
 * none), so CI logs are not flooded.
 */
function progressReporter(stream: NodeJS.WriteStream) {
  const tty = Boolean(stream.isTTY);
  let shown = false;
  let last = performance.now();
  const text = (p: SplitProgress) =>
    `split: ${fmt(p.rows)} rows (${p.totalBytes ? Math.floor((p.bytes / p.totalBytes) * 100) : 100}%)`;
  return {
    update(p: SplitProgress) {
      if (tty) {
        stream.write(`\r${text(p)}\x1b[K`);
        shown = true;
      } else if (performance.now() - last >= 1000) {
        last = performance.now();
        stream.write(`${text(p)}\n`);
      }
    },
    finish() {
      if (tty && shown) stream.write('\n');
    },
    abandon() {
      if (tty && shown) stream.write('\r\x1b[K');
    },
  };
}

/** `control    12,345 rows  -> path`, one line per file, then the skipped rows with the first few lines. */
function summary(result: SplitResult, experimentKey: string, scope: string | null): string {
  const counts = [...result.files.map((f) => fmt(f.rows)), fmt(result.skippedCount), fmt(result.leftOut)];
  const keyWidth = Math.max((scope ? 'left out' : 'skipped').length, ...result.files.map((f) => f.variant.length));
  const countWidth = Math.max(...counts.map((c) => c.length));
  const row = (label: string, n: number, count: string) =>
    `${label.padEnd(keyWidth)}  ${count.padStart(countWidth)} ${n === 1 ? 'row ' : 'rows'}`;
  const lines = [`${fmt(result.rows)} rows split by "${result.idColumn}" for experiment ${experimentKey}`];
  for (const [i, f] of result.files.entries())
    lines.push(`${row(f.variant, f.rows, counts[i] as string)}  -> ${f.path}`);
  const shown = result.skipped.slice(0, 3).map((s) => `line ${s.line}: ${s.reason}`);
  if (result.skippedCount > shown.length) shown.push('…');
  const details = shown.length ? `  (${shown.join('; ')})` : '';
  lines.push(`${row('skipped', result.skippedCount, fmt(result.skippedCount))}${details}`.trimEnd());
  if (scope) lines.push(`${row('left out', result.leftOut, fmt(result.leftOut))}  (outside the scope: ${scope})`);
  return `${lines.join('\n')}\n`;
}

/** What a winner send's split did with the remainder: waiting for the decision, or its file with the winner. */
function winnerSendNote(result: SplitResult, send: NonNullable<Awaited<ReturnType<LoadExperiment>>['winnerSend']>) {
  if (!send.winnerVariant) {
    return `waiting  ${fmt(result.waiting)} ${result.waiting === 1 ? 'row ' : 'rows'}  (the remainder: run uplift split again after the decision for its file with the winner)\n`;
  }
  return `the remainder gets "${send.winnerVariant}": ${send.winnerReason ?? ''}\n`.replace(/: \n$/, '\n');
}

const DETAILS = `
Each recipient goes to the variant the experiment assigns its id (the same hash as everywhere else), so a
recipient's email variant matches what they see on the site. Writes <file>.<variant>.csv per variant, header
and all columns kept. Rows with an empty id are skipped and counted. An experiment scoped to some segments (a
promotion approved for those only) needs --segment-column: rows of other segments are left out and counted.
A winner send (an email test on a share of the list) writes the test's files; its remainder waits until the
decision, and a split after it also writes <file>.remainder.csv, every row of which gets the winner.

Errors (unknown experiment or column, unreadable file, bad CSV): exit code 2, one line on stderr,
"uplift split: <problem>".`;

export function registerSplit(program: Command, loadExperiment: LoadExperiment): void {
  program
    .command('split')
    .description("Split a recipients CSV into one file per variant of an experiment, by each recipient's id.")
    .argument('[file]', 'recipients CSV, comma-separated, with a header row')
    .option('--experiment <key>', 'the experiment (required)')
    .option('--workspace <slug>', "the experiment's workspace")
    .option('--id-column <name>', 'column with the recipient id (default: email, id, user_id, … else the first)')
    .option('--segment-column <name>', "column with the recipient's segment (required for a scoped experiment)")
    .option('--out <dir>', "folder for the files (default: the input file's folder)")
    .addHelpText('after', DETAILS)
    .action((file: string | undefined, flags: SplitFlags) =>
      runCommand(() => splitCommand(file, flags, loadExperiment)),
    );
}
