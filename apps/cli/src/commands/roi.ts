import { scoreRoi, ZRoiInput } from '@uplift/domain';
import type { Command } from 'commander';
import { z } from 'zod';
import {
  issueLines,
  type JsonFlags,
  PRETTY_HELP,
  parseJson,
  readInput,
  runCommand,
  UsageError,
  writeJson,
} from '../io';

// Extra fields on an item (an id, a title) pass through untouched so a spreadsheet export keeps its columns.
const ZRoiRows = z.array(ZRoiInput.loose(), { error: 'expected a JSON array of ROI inputs' });

export async function roiCommand(file: string | undefined, { pretty }: JsonFlags = {}): Promise<void> {
  const text = await readInput(file);
  const parsed = ZRoiRows.safeParse(parseJson(text, file ?? 'stdin'));
  if (!parsed.success) throw new UsageError(issueLines(parsed.error));
  const scored = parsed.data.map((row) => ({ ...row, ...scoreRoi(row) }));
  writeJson(scored, pretty);
}

export function registerRoi(program: Command): void {
  program
    .command('roi')
    .description(
      'Score a JSON array of ROI inputs (file or stdin); writes the array with expectedMonthlyGain, expectedGain, roi and paybackMonths added.',
    )
    .argument('[file]', 'JSON file; reads stdin when omitted or "-"')
    .option('--pretty', PRETTY_HELP)
    .action((file: string | undefined, flags: JsonFlags) => runCommand(() => roiCommand(file, flags)));
}
