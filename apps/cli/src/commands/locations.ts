import { analyzeLocationTest, ZLocationAnalysisInput } from '@uplift/domain';
import type { Command } from 'commander';
import { exampleHelp, fieldsHelp, weeklyRowsExample } from '../input-help';
import { type JsonFlags, PRETTY_HELP, parseRequests, readJson, runCommand, writeResults } from '../io';

export async function locationsAnalyzeCommand(file: string | undefined, { pretty }: JsonFlags = {}): Promise<void> {
  const { requests, single } = parseRequests(await readJson(file), ZLocationAnalysisInput);
  writeResults(requests, single, pretty, analyzeLocationTest);
}

export const LOCATIONS_EXAMPLE = `{ "treatment": ["T1", "T2"], "holdout": ["H1", "H2"], "start": "2025-03-17", "method": "did",
  "rows": [
${weeklyRowsExample(
  { T1: [100, 110, 120, 130], T2: [200, 190, 215, 225], H1: [100, 100, 104, 106], H2: [150, 170, 170, 166] },
  ['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24'],
)}] }`;

const details = () => `
${fieldsHelp('one request, or an array of them', ZLocationAnalysisInput)}
  rows are weekly sales per location; start is the first day of the treatment (earlier weeks are the
  pre-period). Defaults: plannedWeeks 8, method "auto", alpha 0.05, mde (the relative lift the power is for) 0.05.

${exampleHelp('locations analyze', LOCATIONS_EXAMPLE)}

Result (one object, or an array in request order):
  { method, estimate, relative, relativeSe, ci, pValue, power, look, plannedWeeks, boundary, z,
    decision: { outcome, reason }, warnings }
  look is the number of distinct post-period weeks in rows: every week so far has been a look. boundary is the
  critical |z| of this look in an O'Brien–Fleming-type Lan–DeMets design over plannedWeeks weekly looks (a look
  past the planned weeks is held to the last one), z the difference-in-differences' Welch t on the z scale.
  WIN / LOSS only when |z| reaches the boundary; INCONCLUSIVE at the last planned look; otherwise KEEP_RUNNING.
  ci and pValue are this look's fixed-horizon figures, for reading only: the decision uses the boundary.
  "auto" picks synthetic control below 5 treated locations (see README, "Synthetic control"): it decides at the
  last planned week only, by its placebo p-value against alpha, so it has z null and boundary null before then.

Invalid input: exit code 2, nothing on stdout, one line per problem on stderr,
  "request N: field: problem" (a lone request is request 0).`;

export function registerLocations(program: Command): Command {
  const locations = program
    .command('locations')
    .description('Location (store / region) tests: analyse weekly sales against a holdout.');
  locations
    .command('analyze')
    .description('Analyse location tests from weekly sales per location (JSON file or stdin), with weekly looks.')
    .argument('[file]', 'JSON file; reads stdin when omitted or "-"')
    .addHelpText('after', details)
    .option('--pretty', PRETTY_HELP)
    .action((file: string | undefined, flags: JsonFlags) => runCommand(() => locationsAnalyzeCommand(file, flags)));
  return locations;
}
