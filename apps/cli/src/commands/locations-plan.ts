import { planLocations, ZLocationPlanInput } from '@uplift/domain';
import type { Command } from 'commander';
import { type JsonFlags, PRETTY_HELP, parseRequests, readJson, runCommand, writeResults } from '../io';

export async function locationsPlanCommand(file: string | undefined, { pretty }: JsonFlags = {}): Promise<void> {
  const { requests, single } = parseRequests(await readJson(file), ZLocationPlanInput);
  writeResults(requests, single, pretty, (request) => planLocations(request));
}

const DETAILS = `
Request (one object, or an array of them), historical weekly sales from before any test:
  { rows: [{ location, week: "YYYY-MM-DD", sales }], candidates? = every location, treatment?,
    treatmentSize? = treatment's size or 2, testWeeks? = 8, alpha? = 0.05, power? = 0.8,
    seed? = 1, maxCandidates? = 20 (≤ 500), windows? = 4 (≤ 52) }
  candidates may be treated; every other location only serves as a holdout. Give treatment to get the
  minimum detectable lift of that set; candidate sets of treatmentSize are always ranked.

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
    .addHelpText('after', DETAILS)
    .option('--pretty', PRETTY_HELP)
    .action((file: string | undefined, flags: JsonFlags) => runCommand(() => locationsPlanCommand(file, flags)));
}
