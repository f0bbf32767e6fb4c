// Steps shared by `npm start` and `npm test`: dependencies, session secret, build.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { DATA_DIR, ROOT } from './services.mjs';

export function sh(command, args, env = process.env, what = `${command} ${args.join(' ')}`) {
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n✖ ${what} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

export function ensureDependencies() {
  if (existsSync(`${ROOT}node_modules/.package-lock.json`)) return;
  console.log('Installing dependencies (first run)…');
  const args = ['--no-audit', '--no-fund'];
  if (existsSync(`${ROOT}package-lock.json`)) {
    // `npm ci` refuses a lock file that lacks other platforms' optional packages, which registry mirrors
    // without them produce; `npm install` then installs the same locked versions.
    const ci = spawnSync('npm', ['ci', ...args], { cwd: ROOT, stdio: 'inherit' });
    if (ci.status === 0) return;
    console.log('npm ci refused the lock file; installing with npm install instead…');
  }
  sh('npm', ['install', ...args]);
}

/** SESSION_SECRET from the env, else one generated once into .data/ for local runs. */
export function sessionSecret() {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET;
  const file = `${DATA_DIR}/session-secret`;
  if (!existsSync(file)) {
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

export function build(env = process.env) {
  sh('npx', ['turbo', 'run', 'build', '--output-logs=errors-only'], { ...env, TURBO_TELEMETRY_DISABLED: '1' }, 'build');
}
