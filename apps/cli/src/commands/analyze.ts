import { type AnalyzeRequest, analyze, isAnalyzeRequest } from '@uplift/domain/engine';
import type { Command } from 'commander';
import {
  helpMayShow,
  type JsonFlags,
  PRETTY_HELP,
  parseJson,
  parseRequests,
  readSource,
  runCommand,
  sourceName,
  writeResults,
} from '../io';
import { streamed } from './analyze-stream';

export { isPlainAnalyze } from './analyze-stream';

export async function analyzeCommand(file: string | undefined, { pretty }: JsonFlags = {}): Promise<void> {
  const bytes = await readSource(file);
  if (await streamed(bytes, pretty)) return;
  const { requests, single } = await analyzeRequests(parseJson(bytes.toString('utf8'), sourceName(file)));
  writeResults(requests, single, pretty, analyze);
}

/**
 * The requests of a file, checked without zod (and without copying them) when every one is valid; otherwise
 * the schema — loaded only then — checks them all, so its messages are the ones shown.
 */
async function analyzeRequests(value: unknown): Promise<{ requests: AnalyzeRequest[]; single: boolean }> {
  const single = !Array.isArray(value);
  const items: unknown[] = single ? [value] : value;
  if (items.every(isAnalyzeRequest)) return { requests: items, single };
  const { ZAnalyzeRequest } = await import('@uplift/domain');
  return parseRequests(value, ZAnalyzeRequest);
}

export async function registerAnalyze(program: Command): Promise<void> {
  const command = program
    .command('analyze')
    .description('Analyse A/B experiments from per-variant sufficient statistics (JSON file or stdin).')
    .argument('[file]', 'JSON file; reads stdin when omitted or "-"')
    .option('--pretty', PRETTY_HELP)
    .action((file: string | undefined, flags: JsonFlags) => runCommand(() => analyzeCommand(file, flags)));
  if (helpMayShow()) command.addHelpText('after', (await import('./analyze-help')).analyzeDetails);
}

export const runPlainAnalyze = (plain: { file: string | undefined; pretty: boolean }) =>
  runCommand(() => analyzeCommand(plain.file, { pretty: plain.pretty }));
