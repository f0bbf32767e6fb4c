import { PLAUSIBLE_LIFT, plan, ZPlanRequest } from '@uplift/domain';
import type { Command } from 'commander';
import { exampleHelp, fieldsHelp } from '../input-help';
import { type JsonFlags, PRETTY_HELP, parseRequests, readJson, runCommand, writeResults } from '../io';

export async function planCommand(file: string | undefined, { pretty }: JsonFlags = {}): Promise<void> {
  const { requests, single } = parseRequests(await readJson(file), ZPlanRequest);
  // Legal but rarely meant: a lift of 10 is +1,000%, not +10%. Answered all the same.
  requests.forEach(({ lift }, i) => {
    if (lift !== undefined && lift > PLAUSIBLE_LIFT) {
      const percent = Math.round(lift * 100).toLocaleString('en-US');
      process.stderr.write(
        `uplift plan: warning: request ${i}: lift ${lift} is +${percent}%; lifts are relative (0.1 = +10%)\n`,
      );
    }
  });
  writeResults(requests, single, pretty, plan);
}

export const PLAN_EXAMPLE = '{ "metric": "binomial", "baseline": 0.05, "lift": 0.1, "usersPerDay": 2000 }';

const details = () => `
${fieldsHelp('one request, or an array of them', ZPlanRequest)}
  baseline is a conversion rate (binomial) or the mean per user (mean, which also needs variance); lift is
  relative (0.1 = +10%). Give lift to get the sample size, or totalUsers to get the power (at lift, if given)
  and the MDE. alpha defaults to 0.05, power to 0.8, variations to 2.

${exampleHelp('plan', PLAN_EXAMPLE)}

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
    .addHelpText('after', details)
    .option('--pretty', PRETTY_HELP)
    .action((file: string | undefined, flags: JsonFlags) => runCommand(() => planCommand(file, flags)));
}
