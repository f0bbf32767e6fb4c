import { planLocations, ZLocationPlanInput } from '@uplift/domain';
import type { Command } from 'commander';
import { exampleHelp, fieldsHelp, weeklyRowsExample } from '../input-help';
import { type JsonFlags, PRETTY_HELP, parseRequests, readJson, runCommand, writeResults } from '../io';

export async function locationsPlanCommand(file: string | undefined, { pretty }: JsonFlags = {}): Promise<void> {
  const { requests, single } = parseRequests(await readJson(file), ZLocationPlanInput);
  writeResults(requests, single, pretty, (request) => planLocations(request));
}

export const LOCATIONS_PLAN_EXAMPLE = `{ "treatment": ["A"], "testWeeks": 1, "windows": 1,
  "rows": [
${weeklyRowsExample({ A: [100, 104, 98, 110], B: [200, 210, 196, 220], C: [150, 152, 149, 160], D: [80, 85, 79, 88] }, [
  '2025-01-06',
  '2025-01-13',
  '2025-01-20',
  '2025-01-27',
])}] }`;

const details = () => `
${fieldsHelp('one request, or an array of them', ZLocationPlanInput)}
  rows are historical weekly sales from before any test. Defaults: candidates every location, treatmentSize
  the treatment's size or 2, testWeeks 8, alpha 0.05, power 0.8, seed 1, maxCandidates 20, windows 4.
  candidates may be treated; every other location only serves as a holdout. Give treatment to get the
  minimum detectable lift of that set; candidate sets of treatmentSize are always ranked.

${exampleHelp('locations plan', LOCATIONS_PLAN_EXAMPLE)}

Result: { proposed, ranked: [{ treatment, mde, powerCurve: [{ effect, power }], preRmspe, falseDetections }],
  searched, possible, exhaustive, seed, testWeeks, windows, alpha, power, treatmentSize, excluded, warnings }
  mde is the smallest relative lift (0.01 steps, up to 0.5) a synthetic-control test of testWeeks weeks
  detects (placebo p ≤ alpha) in at least power of the last windows historical test windows; null when none.
  falseDetections is the share of windows reaching p ≤ alpha with no lift (a drifting fit); sets are ranked
  by it, then by mde, then by pre-period fit. With more possible sets than maxCandidates, a seeded
  random sample of them is evaluated (same seed, same answer).

Invalid input: exit code 2, nothing on stdout, one line per problem on stderr,
  "request N: field: problem" (a lone request is request 0).`;

/** Registers `plan` under the `locations` command group. */
export function registerLocationsPlan(locations: Command): void {
  locations
    .command('plan')
    .description('Plan a synthetic-control location test: the MDE of a treatment set and the best sets to treat.')
    .argument('[file]', 'JSON file; reads stdin when omitted or "-"')
    .addHelpText('after', details)
    .option('--pretty', PRETTY_HELP)
    .action((file: string | undefined, flags: JsonFlags) => runCommand(() => locationsPlanCommand(file, flags)));
}
