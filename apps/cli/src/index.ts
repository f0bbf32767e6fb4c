import { Command } from 'commander';
import { registerAnalyze } from './commands/analyze';
import { registerPlan } from './commands/plan';
import { registerRoi } from './commands/roi';

const program = new Command()
  .name('uplift')
  .description('Uplift from the shell: score hypotheses, analyse and plan experiments.')
  .showHelpAfterError();

registerRoi(program);
registerAnalyze(program);
registerPlan(program);

await program.parseAsync(process.argv);
