import { Command } from 'commander';
import { registerAnalyze } from './commands/analyze';
import { registerApiKey } from './commands/api-key';
import { registerLocationsPlan } from './commands/locations-plan';
import { registerPlan } from './commands/plan';
import { registerRoi } from './commands/roi';
import { registerSplit } from './commands/split';
import { experimentLoader } from './database';
import { parseCliEnv } from './env';

const env = parseCliEnv();
const program = new Command()
  .name('uplift')
  .description(
    'Uplift from the shell: score hypotheses, analyse and plan experiments, split recipients, manage API keys.',
  )
  .showHelpAfterError();

registerRoi(program);
registerAnalyze(program);
registerPlan(program);
registerApiKey(program, env);
registerSplit(program, experimentLoader(env));
registerLocationsPlan(
  program.command('locations').description('Plan and analyse tests whose units are stores or regions.'),
);

await program.parseAsync(process.argv);
