import { decideRequest, ZDecideRequest } from '@uplift/domain';
import type { Command } from 'commander';
import { type JsonFlags, PRETTY_HELP, parseRequests, readJson, runCommand, writeResults } from '../io';

export async function decideCommand(file: string | undefined, { pretty }: JsonFlags = {}): Promise<void> {
  const { requests, single } = parseRequests(await readJson(file), ZDecideRequest);
  writeResults(requests, single, pretty, decideRequest);
}

const DETAILS = `
Input (one object, or an array of them):
  { request: <what "uplift analyze" takes>, plannedUsers: integer ≥ 2,
    settings?: { engine?: "frequentist"|"bayesian", sequential?: N* | null, winChance?: 0.95,
                 maxRisk?: 0.0025, lossChance?: 0.05, alpha?: the request's alpha, else 0.05,
                 minLift?: the minimum worthwhile lift (0.05 = 5%) or null },
    guardrails?: [{ name, harmful: "up"|"down", request }] }
  settings.engine and settings.sequential, where given, override those of the request and of every guardrail's
  request. harmful is the direction that is bad news ("up" for unsubscribes).

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
    .addHelpText('after', DETAILS)
    .option('--pretty', PRETTY_HELP)
    .action((file: string | undefined, flags: JsonFlags) => runCommand(() => decideCommand(file, flags)));
}
