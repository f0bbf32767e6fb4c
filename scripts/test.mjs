// `npm test`: lint, typecheck, unit tests, build, integration tests against real Postgres and Redis (a
// throwaway database, dropped at the end), and browser tests in Chromium against the app started the way
// `npm start` starts it. Same service defaults and fallbacks as `npm start`.
// `node scripts/test.mjs --only int` (or lint, typecheck, unit, browser) runs one tier; test files after `--`
// narrow it (`--only int -- apps/api/src/roadmap.int.test.ts`). TEST_API_PORT and TEST_WEB_PORT move the browser
// tier's stack off 3310/5183, so two checkouts can run it side by side.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { build, ensureDependencies, sh } from './lib/prepare.mjs';

/** A failed step inside the run: reported like a service error, after the cleanup. */
class StepFailed extends Error {}

ensureDependencies();
const { ensureServices, ServiceError, stopAll, ROOT } = await import('./lib/services.mjs');
const { startApps } = await import('./lib/stack.mjs');

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const wants = (tier) => !only || only === tier;
const dashDash = process.argv.indexOf('--');
const files = dashDash === -1 ? [] : process.argv.slice(dashDash + 1);
const apiPort = process.env.TEST_API_PORT ?? '3310';
const webPort = process.env.TEST_WEB_PORT ?? '5183';
const step = (title) => console.log(`\n━━ ${title} ━━`);
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', CI: process.env.CI ?? '' };

if (wants('lint')) {
  step('lint (biome)');
  sh('npx', ['biome', 'check', '.'], env, 'lint');
}
if (wants('typecheck')) {
  step('typecheck');
  sh('npx', ['turbo', 'run', 'typecheck', '--output-logs=errors-only'], env, 'typecheck');
  // The browser tests and the benchmarks are no workspace package: checked here, as strictly as the packages.
  for (const dir of ['e2e', 'bench']) sh('npx', ['tsc', '--noEmit', '-p', dir], env, `typecheck ${dir}`);
}
if (wants('unit')) {
  step('unit tests');
  sh('npx', ['vitest', 'run', '--project', 'unit', ...files], env, 'unit tests');
}
if (!wants('int') && !wants('browser')) process.exit(0);

if (wants('browser')) ensureChromium();
step('build');
build(env);

const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const tmp = mkdtempSync(`${tmpdir()}/uplift-test-`);
const children = [];
let databaseUrl;
let redisUrl;
let exitCode = 0;
// Interrupted: still drop the throwaway database and stop what we started (nothing left listening).
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => cleanup().finally(() => process.exit(130)));
}
try {
  step('services');
  const services = await ensureServices({ embeddedDir: `${tmp}/pglite`, embeddedPort: 54339 });
  children.push(...services.children);
  // A throwaway database per run; the embedded fallback is already throwaway (a temporary directory).
  databaseUrl = services.embedded ? services.databaseUrl : withDatabase(services.databaseUrl, `uplift_test_${runId}`);
  redisUrl = services.redisUrl;
  const testEnv = {
    ...env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: services.redisUrl,
    QUEUE_PREFIX: `uplift-test-${runId}`,
    UPLIFT_TEST_RUN: runId,
    SESSION_SECRET: randomBytes(32).toString('hex'),
  };
  console.log(`throwaway database: ${databaseUrl.replace(/\/\/[^@]*@/, '//')}`);
  run(process.execPath, ['apps/api/dist/prepare.js'], { ...testEnv, UPLIFT_SEED: 'false' }, 'migrations');

  if (wants('int')) {
    step('integration tests (Postgres + Redis)');
    run('npx', ['vitest', 'run', '--project', 'int', ...files], testEnv, 'integration tests');
  }
  if (wants('browser')) {
    step('browser tests (Chromium)');
    run(process.execPath, ['apps/api/dist/prepare.js'], testEnv, 'seed');
    const stackEnv = {
      ...testEnv,
      API_PORT: apiPort,
      WEB_PORT: webPort,
      API_URL: `http://localhost:${apiPort}`,
      WEB_URL: `http://localhost:${webPort}`,
      NODE_ENV: 'production',
      // The tests sign in as several users within a minute, all from 127.0.0.1, and as the same user more often
      // than the per-account limit allows in 15 minutes.
      AUTH_SIGN_IN_LIMIT: '1000',
      AUTH_ACCOUNT_SIGN_IN_LIMIT: '1000',
    };
    const apps = await startApps(stackEnv, { quiet: true });
    children.push(...apps);
    try {
      run(
        'npx',
        ['vitest', 'run', '--project', 'browser', ...files],
        { ...stackEnv, E2E_BASE_URL: stackEnv.WEB_URL },
        'browser tests',
      );
    } finally {
      await stopAll(apps);
    }
  }
} catch (error) {
  const known = error instanceof ServiceError || error instanceof StepFailed;
  console.error(`\n✖ ${known ? error.message : (error.stack ?? error)}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);

async function cleanup() {
  await dropRedisKeys(`uplift-test-${runId}*`).catch((e) => console.error(`could not clean Redis: ${e.message}`));
  if (databaseUrl && !databaseUrl.endsWith('/postgres')) {
    const { dropDatabase } = await import(`${ROOT}apps/api/dist/prepare-info.js`).catch(() => ({}));
    await dropDatabase?.(databaseUrl).catch((e) => console.error(`could not drop ${databaseUrl}: ${e.message}`));
  }
  await stopAll(children);
  rmSync(tmp, { recursive: true, force: true });
}

/** The run's BullMQ keys (queue, schedules, heartbeat) go with it, as its database does. */
async function dropRedisKeys(pattern) {
  if (!redisUrl) return;
  const { Redis } = createRequire(`${ROOT}packages/jobs/package.json`)('ioredis');
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Like `sh`, but a failure throws, so the run still drops its database and stops what it started. */
function run(command, args, env, what) {
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: 'inherit' });
  if (result.status !== 0) throw new StepFailed(`${what} failed (exit ${result.status ?? result.signal}).`);
}

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Browser tests need Debian's Chromium: install it when we can (root + apt-get), else say how. */
function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  const root = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!root || !hasApt) {
    console.error(
      "✖ Browser tests need /usr/bin/chromium: install Debian's package with `sudo apt-get install -y chromium`.",
    );
    process.exit(1);
  }
  step('installing chromium (apt-get)');
  sh(
    'sh',
    ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'],
    env,
    'apt-get install chromium',
  );
}
