import { analyzeLocationTest, ZLocationAnalysisInput } from '@uplift/domain';
import type { Command } from 'commander';
import { type JsonFlags, PRETTY_HELP, parseRequests, readJson, runCommand, writeResults } from '../io';

export async function locationsAnalyzeCommand(file: string | undefined, { pretty }: JsonFlags = {}): Promise<void> {
  const { requests, single } = parseRequests(await readJson(file), ZLocationAnalysisInput);
  writeResults(requests, single, pretty, analyzeLocationTest);
}

const DETAILS = `
Request (one object, or an array of them):
  { rows: [{ location, week: "YYYY-MM-DD", sales }, ...], treatment: [location, ...], holdout: [location, ...],
    start: "YYYY-MM-DD" (first day of the treatment; earlier weeks are the pre-period),
    plannedWeeks?: 1–104 = 8, method?: "did"|"synthetic"|"auto" = "auto", alpha?: (0, 0.5] = 0.05,
    mde?: relative lift the power is for = 0.05 }

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
    .addHelpText('after', DETAILS)
    .option('--pretty', PRETTY_HELP)
    .action((file: string | undefined, flags: JsonFlags) => runCommand(() => locationsAnalyzeCommand(file, flags)));
  return locations;
}
