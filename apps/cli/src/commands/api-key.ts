import type { Command } from 'commander';
import { withDatabase } from '../database';
import { runCommand, UsageError } from '../io';

const SCOPES = ['ingest', 'read', 'write'] as const;

/** Parses `ingest,read` into scopes; an unknown one is a usage error naming the allowed ones. */
export function parseScopes(raw: string): (typeof SCOPES)[number][] {
  const scopes = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (!scopes.length || bad.length) {
    throw new UsageError([
      `uplift api-key: --scopes ${bad.length ? `has unknown scope(s) ${bad.join(', ')}` : 'is empty'}; choose from ${SCOPES.join(', ')}`,
    ]);
  }
  return scopes as (typeof SCOPES)[number][];
}

export async function createApiKeyCommand(options: { workspace: string; scopes: string; name?: string }) {
  const scopes = parseScopes(options.scopes);
  const { createApiKey } = await import('@uplift/db');
  const key = await withDatabase(async (db) => {
    const workspace = await db.workspace.findUnique({ where: { slug: options.workspace } });
    if (!workspace) throw new UsageError([`uplift api-key: no workspace "${options.workspace}"`]);
    return db.$transaction(async (tx) => {
      const created = await createApiKey(tx, {
        workspaceId: workspace.id,
        name: options.name ?? `cli ${new Date().toISOString().slice(0, 10)}`,
        scopes,
        createdBy: 'cli',
      });
      await tx.auditEvent.create({
        data: {
          workspaceId: workspace.id,
          actorEmail: 'uplift cli',
          entityType: 'apiKey',
          entityId: created.id,
          action: 'apiKey.create',
          after: { name: created.name, prefix: created.prefix, scopes: created.scopes },
        },
      });
      return created;
    });
  });
  process.stdout.write(`${key.token}\n`);
  process.stderr.write(
    `API key "${key.name}" for workspace ${options.workspace}, scopes ${key.scopes.join(', ')}. It is shown only now: store it in a secret manager.\n`,
  );
}

export function registerApiKey(program: Command): void {
  const apiKey = program.command('api-key').description('Manage REST API keys of a workspace (talks to DATABASE_URL).');
  apiKey
    .command('create')
    .description('Create an API key and print it (once) on stdout.')
    .requiredOption('--workspace <slug>', 'workspace slug, e.g. demo')
    .requiredOption('--scopes <list>', `comma-separated: ${SCOPES.join(', ')}`)
    .option('--name <name>', 'a label shown in the UI')
    .action((options: { workspace: string; scopes: string; name?: string }) =>
      runCommand(() => createApiKeyCommand(options)),
    );
}
