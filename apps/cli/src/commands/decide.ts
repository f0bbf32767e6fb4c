import { decideRequest, ZDecideRequest } from '@uplift/domain';
import type { Command } from 'commander';
import { exampleHelp, fieldsHelp } from '../input-help';
import { type JsonFlags, PRETTY_HELP, parseRequests, readJson, runCommand, writeResults } from '../io';

export async function decideCommand(file: string | undefined, { pretty }: JsonFlags = {}): Promise<void> {
  const { requests, single } = parseRequests(await readJson(file), ZDecideRequest);
  writeResults(requests, single, pretty, decideRequest);
}

export const DECIDE_EXAMPLE = `{ "plannedUsers": 20000,
  "request": { "metric": "binomial",
    "variants": [{ "key": "control", "users": 5000, "sum": 250 }, { "key": "promo", "users": 5000, "sum": 330 }] } }`;

const REQUEST = 'what "uplift analyze" reads (uplift analyze --help)';
const details = () => `
${fieldsHelp('one object, or an array of them', ZDecideRequest, { request: REQUEST, 'guardrails[].request': REQUEST })}
  settings default to winChance 0.95, maxRisk 0.0025, lossChance 0.05, alpha the request's (else 0.05);
  minLift is the minimum worthwhile lift (0.05 = 5%) or null. settings.engine and settings.sequential,
  where given, override those of the request and of every guardrail's request. harmful is the direction
  that is bad news ("up" for unsubscribes).

${exampleHelp('decide', DECIDE_EXAMPLE)}

Output (one object, or an array in input order): { outcome, reason, winner }
  outcome is NO_DATA | SRM_HALT | KEEP_RUNNING | WIN | LOSS | INCONCLUSIVE: the decision the worker takes for
  these inputs. A Bayesian WIN or LOSS before plannedUsers also needs the always-valid confidence sequence of
  the same data (settings' alpha, tuned at plannedUsers) to exclude 0 (README, "Decision rules"). A
  sequential test with minLift stops INCONCLUSIVE once every confidence sequence lies inside ± minLift.

Invalid input: exit code 2, nothing on stdout, one line per problem on stderr,
  "request N: field: problem" (a lone input is request 0).`;

export function registerDecide(program: Command): void {
  program
    .command('decide')
    .description("Replay the worker's decision (WIN, LOSS, INCONCLUSIVE, …) for analysis inputs (JSON file or stdin).")
    .argument('[file]', 'JSON file; reads stdin when omitted or "-"')
    .addHelpText('after', details)
    .option('--pretty', PRETTY_HELP)
    .action((file: string | undefined, flags: JsonFlags) => runCommand(() => decideCommand(file, flags)));
}
