// A private PgBouncer in transaction mode in front of the test database, as hosted Postgres's pooled endpoints
// are: a client's transactions go to whichever server connection is free. Debian's pgbouncer (.ci/run installs it).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '@uplift/db';
import { freePort, stopProcesses, until } from './processes';

const BINARIES = ['pgbouncer', '/usr/sbin/pgbouncer'];

/**
 * Starts PgBouncer (pool_mode = transaction, `serverConnections` server connections) before the database of
 * `databaseUrl`; answers a URL through it, with `pgbouncer=true`, the same without (`plain`), and how to stop it.
 */
export async function startPgBouncer(databaseUrl: string, serverConnections: number) {
  const binary = BINARIES.find((b) => spawnSync(b, ['--version']).status === 0);
  if (!binary) throw new Error('pgbouncer is not installed: `apt-get install pgbouncer` (.ci/run installs it)');
  const target = new URL(databaseUrl);
  const user = decodeURIComponent(target.username || process.env.PGUSER || process.env.USER || 'postgres');
  const host = target.hostname === 'localhost' ? '127.0.0.1' : target.hostname.replace(/^\[|\]$/g, '');
  const database = decodeURIComponent(target.pathname.slice(1));
  const password = target.password ? ` password=${decodeURIComponent(target.password)}` : '';
  const port = await freePort();
  // Readable by the user it runs as: PgBouncer refuses to run as root, so under root it runs as nobody.
  const dir = mkdtempSync(join(tmpdir(), 'uplift-pgbouncer-'));
  chmodSync(dir, 0o755);
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text, { mode: 0o644 });
    return join(dir, name);
  };
  const users = file('users.txt', `"${user}" ""\n`);
  const ini = file(
    'pgbouncer.ini',
    `[databases]
${database} = host=${host} port=${target.port || 5432} dbname=${database} user=${user}${password}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = trust
auth_file = ${users}
pool_mode = transaction
default_pool_size = ${serverConnections}
max_client_conn = 100
logfile =
pidfile =
`,
  );
  const root = process.getuid?.() === 0;
  const child: ChildProcess = spawn(binary, [...(root ? ['-u', 'nobody'] : []), ini], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  // `plain`: the same without the parameter, as a user who did not know of it would connect.
  const plain = `postgresql://${encodeURIComponent(user)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  const url = `${plain}?pgbouncer=true`;
  const stop = async () => {
    await stopProcesses([child]);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await until('pgbouncer to accept connections', async () => {
      if (child.exitCode !== null) throw new Error(`pgbouncer exited with ${child.exitCode}`);
      const db = createDb(plain, 1);
      try {
        return await db.$queryRaw`SELECT 1`.then(
          () => true,
          () => false,
        );
      } finally {
        await db.$disconnect();
      }
    });
  } catch (error) {
    await stop();
    throw new Error(`pgbouncer did not start (${(error as Error).message}): ${log.trim().slice(-500)}`);
  }
  return { url, plain, stop };
}
