import { PLAUSIBLE_LIFT, plan, ZPlanRequest } from '@uplift/domain';
import type { Command } from 'commander';
import { parseRequests, readJson, runCommand, writeResults } from '../io';

export async function planCommand(file: string | undefined): Promise<void> {
  const { requests, single } = parseRequests(await readJson(file), ZPlanRequest);
  // Legal but rarely meant (10 is +1000%, not +10%): answered, with a warning on stderr.
  requests.forEach((r, i) => {
    if (r.lift !== undefined && r.lift > PLAUSIBLE_LIFT) {
      process.stderr.write(
        `warning: request ${i}: lift: ${r.lift} is a relative lift of +${Math.round(r.lift * 100)}% (0.1 is +10%); planned as given\n`,
      );
    }
  });
  writeResults(requests.map(plan), single);
}

const DETAILS = `
Request (one object, or an array of them):
  { metric: "binomial"|"mean", baseline, variance? (mean metrics only), lift?, alpha? = 0.05,
    power? = 0.8, variations? = 2, totalUsers?, usersPerDay? }
  Give lift to get the sample size, or totalUsers to get the power (at lift, if given) and the MDE.

Result: { usersPerVariation, totalUsers, power, mde, days? }
  power is null without a lift; mde is the smallest relative lift detectable at the target power
  (null when none is); days only with usersPerDay.

Invalid input: exit code 2, nothing on stdout, one line per problem on stderr,
  "request N: field: problem" (a lone request is request 0).`;

export function registerPlan(program: Command): void {
  program
    .command('plan')
    .description('Size an experiment, or give the power and MDE of a given size (JSON file or stdin).')
    .argument('[file]', 'JSON file; reads stdin when omitted or "-"')
    .addHelpText('after', DETAILS)
    .action((file?: string) => runCommand(() => planCommand(file)));
}
