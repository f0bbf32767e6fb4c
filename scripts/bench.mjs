// `npm run bench`: builds, prepares a throwaway database on the same services `npm start` uses, runs every
// benchmark in bench/ and prints its figures. Numbers only — nothing here passes or fails on timing.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { build, ensureDependencies, sh } from './lib/prepare.mjs';

ensureDependencies();
const { ensureServices, stopAll, ROOT } = await import('./lib/services.mjs');
const only = process.argv[2];
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1' };
build(env);
const tmp = mkdtempSync(`${tmpdir()}/uplift-bench-`);
const services = await ensureServices({ embeddedDir: `${tmp}/pglite`, embeddedPort: 54349 });
const url = new URL(services.databaseUrl);
if (!services.embedded) url.pathname = `/uplift_bench_${randomBytes(4).toString('hex')}`;
const benchEnv = { ...env, DATABASE_URL: url.toString(), REDIS_URL: services.redisUrl, UPLIFT_SEED: 'false' };
let code = 0;
try {
  sh(process.execPath, ['apps/api/dist/prepare.js'], benchEnv, 'migrations');
  for (const file of readdirSync(`${ROOT}bench`)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    if (only && !file.startsWith(only)) continue;
    console.log(`\n━━ bench/${file} ━━`);
    sh('npx', ['tsx', `bench/${file}`], benchEnv, `bench/${file}`);
  }
} catch (error) {
  console.error(error);
  code = 1;
} finally {
  if (!services.embedded) {
    const { dropDatabase } = await import(`${ROOT}apps/api/dist/prepare-info.js`);
    await dropDatabase(benchEnv.DATABASE_URL).catch(() => {});
  }
  await stopAll(services.children);
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
