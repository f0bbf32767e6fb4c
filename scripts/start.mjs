// `npm start`: install if needed, find or start Postgres and Redis, build, migrate, seed the demo workspace,
// then run api, worker and web together. Ctrl-C stops everything cleanly.
import { build, ensureDependencies, sessionSecret, sh } from './lib/prepare.mjs';

ensureDependencies();
const { ensureServices, ServiceError, stopAll, redact } = await import('./lib/services.mjs');
const { startApps } = await import('./lib/stack.mjs');

const children = [];
let stopping = false;
const shutdown = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping api, worker and web…');
  await stopAll(children);
  process.exit(code);
};
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

try {
  const services = await ensureServices();
  children.push(...services.children);
  const apiPort = process.env.API_PORT ?? '3000';
  const webPort = process.env.WEB_PORT ?? '5173';
  const env = {
    ...process.env,
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    SESSION_SECRET: sessionSecret(),
    API_PORT: apiPort,
    WEB_PORT: webPort,
    API_URL: `http://localhost:${apiPort}`,
    WEB_URL: process.env.WEB_URL ?? `http://localhost:${webPort}`,
    NODE_ENV: process.env.NODE_ENV ?? 'production',
  };
  console.log('Building…');
  build(env);
  sh(process.execPath, ['apps/api/dist/prepare.js'], env, 'migrations and seed');
  const apps = await startApps(env);
  children.push(...apps);
  const { DEMO_USERS, DEMO_PASSWORD } = await import('../apps/api/dist/prepare-info.js');
  const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
  console.log(`
  Uplift is running.

    Open        ${env.WEB_URL}
    API         ${env.API_URL}  (health: ${env.API_URL}/healthz)
    Database    ${redact(env.DATABASE_URL)}${services.notes.length ? `\n    Notes       ${services.notes.join('; ')}` : ''}

  Demo logins (workspace "demo", password ${DEMO_PASSWORD}):
${DEMO_USERS.map((u) => `    ${u.email.padEnd(width)}  ${u.role}`).join('\n')}

  Ctrl-C stops everything.
`);
} catch (error) {
  console.error(`\n✖ ${error instanceof ServiceError ? error.message : (error.stack ?? error)}`);
  await shutdown(1);
}
