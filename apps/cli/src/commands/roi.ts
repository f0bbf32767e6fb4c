import { scoreRoi, ZRoiInput } from '@uplift/domain';
import type { Command } from 'commander';
import { z } from 'zod';
import { issueLines, parseJson, readInput, runCommand, UsageError } from '../io';

// Extra fields on an item (an id, a title) pass through untouched so a spreadsheet export keeps its columns.
const ZRoiRows = z.array(ZRoiInput.loose(), { error: 'expected a JSON array of ROI inputs' });

export async function roiCommand(file: string | undefined): Promise<void> {
  const text = await readInput(file);
  const parsed = ZRoiRows.safeParse(parseJson(text, file ?? 'stdin'));
  if (!parsed.success) throw new UsageError(issueLines(parsed.error));
  const scored = parsed.data.map((row) => ({ ...row, ...scoreRoi(row) }));
  process.stdout.write(`${JSON.stringify(scored, null, 2)}\n`);
}

export function registerRoi(program: Command): void {
  program
    .command('roi')
    .description(
      'Score a JSON array of ROI inputs (file or stdin); writes the array with expectedMonthlyGain, expectedGain, roi and paybackMonths added.',
    )
    .argument('[file]', 'JSON file; reads stdin when omitted or "-"')
    .action((file?: string) => runCommand(() => roiCommand(file)));
}
