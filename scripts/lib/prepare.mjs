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

/** Installs dependencies on the first run (no node_modules yet). */
export function ensureDependencies() {
  if (existsSync(`${ROOT}node_modules/.package-lock.json`)) return;
  console.log('Installing dependencies (first run)…');
  installDependencies();
}

/**
 * Installs the locked versions without touching tracked files. `npm ci` refuses a lock file it cannot fully
 * resolve (say, another platform's optional package that this machine's registry mirror lacks); the lock stays
 * whole for the platforms that have it, and `npm install --no-save` installs the same locked versions here
 * without rewriting it. npm ci's wall of errors is shown only if the fallback fails too.
 */
export function installDependencies() {
  const args = ['--no-audit', '--no-fund'];
  const lockFile = `${ROOT}package-lock.json`;
  if (!existsSync(lockFile)) return sh('npm', ['install', ...args]);
  const ci = spawnSync('npm', ['ci', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (ci.status === 0) {
    process.stdout.write(ci.stdout);
    return;
  }
  const ciOutput = `${ci.stdout ?? ''}${ci.stderr ?? ''}`;
  console.log(
    `npm ci refused the lock file (${whyCiFailed(ciOutput)}); installing with npm install --no-save instead, which leaves package-lock.json as committed…`,
  );
  const lock = readFileSync(lockFile);
  const install = spawnSync('npm', ['install', '--no-save', ...args], { cwd: ROOT, stdio: 'inherit' });
  // --no-save keeps npm from writing the lock file; should a version of npm write it anyway, put it back.
  if (!readFileSync(lockFile).equals(lock)) writeFileSync(lockFile, lock);
  if (install.status !== 0) {
    console.error(`\nnpm ci said:\n${ciOutput.trim()}`);
    console.error(`\n✖ npm install failed too (exit ${install.status ?? install.signal}).`);
    process.exit(install.status || 1);
  }
}

/** The reason in npm's error output, in one line: the first missing package (and how many more), else the first error. */
export function whyCiFailed(output) {
  const errors = output
    .split('\n')
    .map((line) => /^npm (?:error|ERR!) (.*)$/.exec(line)?.[1]?.trim()) // `npm ERR!` before npm 10
    .filter((line) => line && !/^(code|path|errno|syscall) /.test(line) && !line.startsWith('A complete log'));
  const missing = errors.filter((line) => line.startsWith('Missing: ') || line.startsWith('Invalid: '));
  if (missing.length) return `${missing[0]}${missing.length > 1 ? `, and ${missing.length - 1} more` : ''}`;
  return errors[0] ?? 'no reason given';
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
