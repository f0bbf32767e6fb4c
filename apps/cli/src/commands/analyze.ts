import { type AnalyzeRequest, analyze, isAnalyzeRequest } from '@uplift/domain/engine';
import type { Command } from 'commander';
import { helpMayShow, type JsonFlags, PRETTY_HELP, parseRequests, readJson, runCommand, writeResults } from '../io';

export async function analyzeCommand(file: string | undefined, { pretty }: JsonFlags = {}): Promise<void> {
  const { requests, single } = await analyzeRequests(await readJson(file));
  writeResults(requests, single, pretty, analyze);
}

/**
 * The requests of a file, checked without zod (and without copying them) when every one is valid, which is
 * the hot path; otherwise the schema — loaded only then — checks them all, so its messages are the ones shown.
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
