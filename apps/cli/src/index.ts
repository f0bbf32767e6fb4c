import { Command } from 'commander';
import cliPackage from '../package.json' with { type: 'json' };
import { registerAnalyze } from './commands/analyze';
import { registerApiKey } from './commands/api-key';
import { registerDecide } from './commands/decide';
import { registerInsights } from './commands/insights';
import { registerLocations } from './commands/locations';
import { registerLocationsPlan } from './commands/locations-plan';
import { registerPlan } from './commands/plan';
import { registerRoadmap } from './commands/roadmap';
import { registerRoi } from './commands/roi';
import { registerSplit } from './commands/split';
import { experimentLoader } from './database';
import { parseCliEnv } from './env';

const env = parseCliEnv();
const program = new Command()
  .name('uplift')
  .description(
    'Uplift from the shell: score hypotheses, analyse, decide and plan experiments and location tests, calibrate from completed ones, plan the test roadmap, split recipients, manage API keys.',
  )
  .version(cliPackage.version, '-V, --version', 'print the version')
  .showHelpAfterError();

registerRoi(program);
registerAnalyze(program);
registerDecide(program);
registerPlan(program);
registerInsights(program);
registerRoadmap(program);
registerLocationsPlan(registerLocations(program));
registerApiKey(program, env);
registerSplit(program, experimentLoader(env));

await program.parseAsync(process.argv);
