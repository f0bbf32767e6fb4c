import { describe, expect, it } from 'vitest';
import { runCli } from './cli-harness';

describe('uplift api-key and split with no database server', { timeout: 60_000 }, () => {
  it.each([
    ['api-key', 'create', '--workspace', 'demo', '--scopes', 'read'],
    ['split', '--experiment', 'welcome-gift-email', 'recipients.csv'],
  ])('%s: says nothing answers there and how to start one, in one line', (...args) => {
    const run = runCli(args, '', { DATABASE_URL: 'postgresql://127.0.0.1:1/uplift' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `uplift ${args[0]}: no database server answers at 127.0.0.1:1: start PostgreSQL or run \`npm start\` (it starts an embedded one), or set DATABASE_URL to the one \`npm start\` printed\n`,
    );
  });
});
