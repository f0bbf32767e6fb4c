// Finds or starts what Uplift needs besides Node: PostgreSQL and Redis. Shared by `npm start` and `npm test`.
// Rules (README "Configuration"): an explicit DATABASE_URL / REDIS_URL must answer; the defaults fall back to an
// embedded PGlite (served over the Postgres protocol so api and worker share it) and a local redis-server.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { userInfo } from 'node:os';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DATA_DIR = `${ROOT}.data`;
export const DEFAULT_DATABASE_URL = 'postgresql://localhost:5432/uplift';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
export const EMBEDDED_PG_PORT = 54329;

const requireFromDb = createRequire(`${ROOT}packages/db/package.json`);

export class ServiceError extends Error {}

/** Like libpq, a URL without a user means the OS user (node-postgres alone would need $USER). */
export function withDefaultUser(url) {
  const u = new URL(url);
  if (!u.username) u.username = process.env.PGUSER ?? process.env.USER ?? userInfo().username;
  return u.toString();
}

/** True when a Postgres server answers at `url` (connecting to its `postgres` database). */
export async function postgresAnswers(url) {
  const pg = requireFromDb('pg');
  const admin = new URL(withDefaultUser(url));
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Sends PING and waits for +PONG. */
export function redisAnswers(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname || '127.0.0.1', port: Number(port || 6379) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => done(d.toString().startsWith('+PONG') || d.toString().startsWith('-NOAUTH')));
  });
}

const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

async function waitFor(check, what, ms = 30_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new ServiceError(`${what} did not come up within ${ms / 1000} s`);
}

/**
 * Returns { databaseUrl, redisUrl, children, notes }: children are processes we started (stop them on exit).
 */
export async function ensureServices({
  log = console.log,
  embeddedDir = `${DATA_DIR}/pglite`,
  embeddedPort = EMBEDDED_PG_PORT,
} = {}) {
  const children = [];
  const notes = [];
  let databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    if (!(await postgresAnswers(databaseUrl))) {
      throw new ServiceError(
        `No PostgreSQL answers at DATABASE_URL=${redact(databaseUrl)}: start it, or unset DATABASE_URL to use the embedded database.`,
      );
    }
  } else if (await postgresAnswers(DEFAULT_DATABASE_URL)) {
    databaseUrl = DEFAULT_DATABASE_URL;
  } else {
    mkdirSync(embeddedDir, { recursive: true });
    log(
      `No PostgreSQL at ${DEFAULT_DATABASE_URL}: starting the embedded PGlite database in ${embeddedDir} (port ${embeddedPort}).`,
    );
    const child = spawn(process.execPath, [`${ROOT}scripts/embedded-postgres.mjs`], {
      cwd: ROOT,
      env: { ...process.env, EMBEDDED_PG_PORT: String(embeddedPort), EMBEDDED_PG_DIR: embeddedDir },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push({ name: 'postgres', child });
    databaseUrl = `postgresql://postgres@127.0.0.1:${embeddedPort}/postgres`;
    await waitFor(
      () => {
        if (child.exitCode !== null) {
          throw new ServiceError(`The embedded PGlite database stopped at start (is port ${embeddedPort} taken?).`);
        }
        return postgresAnswers(databaseUrl);
      },
      'The embedded PGlite database',
      120_000,
    );
    notes.push(`database: embedded PGlite in ${embeddedDir}`);
  }

  let redisUrl = process.env.REDIS_URL;
  if (redisUrl) {
    if (!(await redisAnswers(redisUrl))) {
      throw new ServiceError(
        `No Redis answers at REDIS_URL=${redact(redisUrl)}: start it, or unset REDIS_URL to use a local redis-server.`,
      );
    }
  } else if (await redisAnswers(DEFAULT_REDIS_URL)) {
    redisUrl = DEFAULT_REDIS_URL;
  } else if (onPath('redis-server')) {
    mkdirSync(`${DATA_DIR}/redis`, { recursive: true });
    log('No Redis at redis://127.0.0.1:6379: starting redis-server with its data in .data/redis.');
    const child = spawn(
      'redis-server',
      ['--port', '6379', '--bind', '127.0.0.1', '--dir', `${DATA_DIR}/redis`, '--save', '60 1', '--appendonly', 'no'],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    children.push({ name: 'redis', child });
    redisUrl = DEFAULT_REDIS_URL;
    await waitFor(() => redisAnswers(redisUrl), 'redis-server');
    notes.push('redis: local redis-server, data in .data/redis');
  } else {
    throw new ServiceError(
      'No Redis at redis://127.0.0.1:6379 and no redis-server on PATH: install Redis 7 (e.g. `apt-get install redis-server`) or set REDIS_URL.',
    );
  }
  return {
    databaseUrl,
    redisUrl,
    children,
    notes,
    embedded: !process.env.DATABASE_URL && databaseUrl !== DEFAULT_DATABASE_URL,
  };
}

export function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/** Stops children in reverse start order, waiting up to `ms` for each before SIGKILL. */
export async function stopAll(children, ms = 10_000) {
  // Supervised apps (supervise.mjs) are not restarted from here on, even if Ctrl-C reached them first.
  for (const app of children) app.stop?.();
  for (const { child } of [...children].reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((r) => child.once('exit', r));
    child.stopping = true;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    await exited;
    clearTimeout(timer);
  }
}
