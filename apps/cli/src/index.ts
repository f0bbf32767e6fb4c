import { Command } from 'commander';
import cliPackage from '../package.json' with { type: 'json' };
import type { CliEnv } from './env';

// `uplift analyze many.json | head`: the reader closing the pipe early is not a failure of the command. Stop
// quietly with 0, as `seq 1e9 | head` does in a shell; any other write error still ends the CLI loudly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const program = new Command()
  .name('uplift')
  .description(
    'Uplift from the shell: score hypotheses, analyse, decide and plan experiments and location tests, calibrate from completed ones, plan the test roadmap, split recipients, manage API keys.',
  )
  .version(cliPackage.version, '-V, --version', 'print the version')
  .showHelpAfterError();

// The environment is parsed (and a bad one refused) by the commands that read it, the database's.
let env: CliEnv | undefined;
const cliEnv = async () => {
  env ??= (await import('./env')).parseCliEnv();
  return env;
};

/**
 * Each command's module, loaded only when that command runs: what a command imports is most of the CLI's
 * start-up, and `uplift analyze` needs neither zod nor the rest of the domain. Help, no command or an
 * unknown one loads them all, in this order, so every command is listed.
 */
const COMMANDS: Record<string, (program: Command) => Promise<unknown>> = {
  roi: async (p) => (await import('./commands/roi')).registerRoi(p),
  analyze: async (p) => (await import('./commands/analyze')).registerAnalyze(p),
  decide: async (p) => (await import('./commands/decide')).registerDecide(p),
  plan: async (p) => (await import('./commands/plan')).registerPlan(p),
  insights: async (p) => (await import('./commands/insights')).registerInsights(p),
  roadmap: async (p) => (await import('./commands/roadmap')).registerRoadmap(p),
  locations: async (p) => {
    const [{ registerLocations }, { registerLocationsPlan }] = await Promise.all([
      import('./commands/locations'),
      import('./commands/locations-plan'),
    ]);
    registerLocationsPlan(registerLocations(p));
  },
  'api-key': async (p) => (await import('./commands/api-key')).registerApiKey(p, await cliEnv()),
  split: async (p) => {
    const [{ registerSplit }, { experimentLoader }] = await Promise.all([
      import('./commands/split'),
      import('./database'),
    ]);
    registerSplit(p, experimentLoader(await cliEnv()));
  },
};

const name = process.argv[2] ?? '';
const asked = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
for (const register of asked ? [asked] : Object.values(COMMANDS)) await register(program);

await program.parseAsync(process.argv);
