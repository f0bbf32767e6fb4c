import { scoreRoi, ZRoiInput } from '@uplift/domain';
import type { Command } from 'commander';
import { z } from 'zod';
import { exampleHelp, fieldsHelp } from '../input-help';
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

export const ROI_EXAMPLE = `[{ "id": "gift-email", "reachPerMonth": 20000, "baselineRate": 0.03, "expectedLift": 0.1,
   "valuePerConversion": 40, "confidence": 0.6, "cost": 5000 }]`;

const details = () => `
${fieldsHelp('a JSON array of ideas', ZRoiInput)}
  reachPerMonth: people reached a month; baselineRate: their conversion rate today; expectedLift: relative
  (0.1 = +10%); valuePerConversion: margin per conversion; confidence: the author's, 0–1; cost: of the test
  and the change; horizonMonths: months the gain counts. Other fields (an id, a title) pass through as they are.

${exampleHelp('roi', ROI_EXAMPLE)}

Result: the array, each item with expectedMonthlyGain, expectedGain, roi and paybackMonths added:
  expectedMonthlyGain = reachPerMonth · baselineRate · expectedLift · valuePerConversion · confidence;
  expectedGain = expectedMonthlyGain · horizonMonths; roi = (expectedGain − cost) / cost;
  paybackMonths = cost / expectedMonthlyGain (null when the gain is ≤ 0). See README, "ROI model".

Invalid input: exit code 2, nothing on stdout, one line per problem on stderr, "item N: field F: problem".`;

export function registerRoi(program: Command): void {
  program
    .command('roi')
    .description(
      'Score a JSON array of ROI inputs (file or stdin); writes the array with expectedMonthlyGain, expectedGain, roi and paybackMonths added.',
    )
    .argument('[file]', 'JSON file; reads stdin when omitted or "-"')
    .addHelpText('after', details)
    .option('--pretty', PRETTY_HELP)
    .action((file: string | undefined, flags: JsonFlags) => runCommand(() => roiCommand(file, flags)));
}
