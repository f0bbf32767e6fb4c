import { API_KEY_SCOPES, isDomainError, parseApiKeyScopes } from '@uplift/domain';
import type { Command } from 'commander';
import { DatabaseUnavailable, withDatabase } from '../database';
import type { CliEnv } from '../env';
import { runCommand, UsageError } from '../io';

/** Who the audit log names for a key made from the shell: no person, the tool. */
const CLI_ACTOR = { id: null, email: 'uplift cli' };

/** Parses `ingest,read` into scopes; an unknown one is a usage error naming the allowed ones. */
export function parseScopes(raw: string) {
  try {
    return parseApiKeyScopes(raw);
  } catch (error) {
    if (isDomainError(error)) throw new UsageError([`uplift api-key: --scopes ${error.message}`]);
    throw error;
  }
}

export async function createApiKeyCommand(env: CliEnv, options: { workspace: string; scopes: string; name?: string }) {
  const scopes = parseScopes(options.scopes);
  const key = await withDatabase(env, async (db) => {
    const { findWorkspaceBySlug } = await import('@uplift/db');
    const { issueApiKey } = await import('@uplift/services');
    const workspace = await findWorkspaceBySlug(db, options.workspace);
    if (!workspace) throw new UsageError([`uplift api-key: no workspace "${options.workspace}"`]);
    const name = options.name ?? `cli ${new Date().toISOString().slice(0, 10)}`;
    return issueApiKey({ db }, { workspace, actor: CLI_ACTOR }, { name, scopes });
  }).catch((error) => {
    if (error instanceof DatabaseUnavailable) throw new UsageError([`uplift api-key: ${error.message}`]);
    throw error;
  });
  process.stdout.write(`${key.token}\n`);
  process.stderr.write(
    `API key "${key.name}" for workspace ${options.workspace}, scopes ${key.scopes.join(', ')}. It is shown only now: store it in a secret manager.\n`,
  );
}

export function registerApiKey(program: Command, env: CliEnv): void {
  const apiKey = program.command('api-key').description('Manage REST API keys of a workspace (talks to DATABASE_URL).');
  apiKey
    .command('create')
    .description('Create an API key and print it (once) on stdout.')
    .requiredOption('--workspace <slug>', 'workspace slug, e.g. demo')
    .requiredOption('--scopes <list>', `comma-separated: ${API_KEY_SCOPES.join(', ')}`)
    .option('--name <name>', 'a label shown in the UI')
    .action((options: { workspace: string; scopes: string; name?: string }) =>
      runCommand(() => createApiKeyCommand(env, options)),
    );
}
