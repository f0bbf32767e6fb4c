import { randomUUID } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '@uplift/db';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-harness';

// The commands that talk to the database say which one is missing and what creates it, instead of
// "cannot reach the database at … ()".
if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set');
const named = (name: string) => {
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = `/${name}`;
  return url.toString();
};
const missing = `uplift_missing_${randomUUID().slice(0, 8)}`;
const empty = named(`uplift_empty_${randomUUID().slice(0, 8)}`);
afterAll(() => dropDatabase(empty));

const commands = [
  ['api-key', 'create', '--workspace', 'demo', '--scopes', 'read'],
  ['split', '--experiment', 'welcome-gift-email', 'recipients.csv'],
];

describe('uplift api-key and split without their database', { timeout: 60_000 }, () => {
  it.each(commands)('%s: names the missing database and the command that creates it', (...args) => {
    const run = runCli(args, '', { DATABASE_URL: named(missing) });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^uplift ${args[0]}: the database "${missing}" does not exist on [\\w.-]+:\\d+: run \`npm run db:migrate\` to create it \\(or \`npm start\``,
        ),
      ),
    ]);
  });

  it.each(commands)('%s: says an existing database has no tables yet and how to migrate it', async (...args) => {
    await ensureDatabase(empty);
    const run = runCli(args, '', { DATABASE_URL: empty });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^uplift [\w-]+: the database "uplift_empty_\w+" on [\w.-]+:\d+ has no Uplift tables yet: run `npm run db:migrate`/,
    );
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
