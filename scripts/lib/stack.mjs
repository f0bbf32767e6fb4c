// Runs the built api, worker and web side by side with prefixed logs; used by `npm start` and by the
// browser tests in `npm test`, so the tests see the app exactly as a user starts it.
import { spawn } from 'node:child_process';
import net from 'node:net';
import { createInterface } from 'node:readline';
import { ROOT, ServiceError, stopAll } from './services.mjs';
import { supervise } from './supervise.mjs';

const COLORS = { api: 36, worker: 35, web: 32, postgres: 34, redis: 31 };
const tty = process.stdout.isTTY;

export function prefixed(name, stream, out = process.stdout) {
  const tag = tty ? `\x1b[${COLORS[name] ?? 33}m[${name}]\x1b[0m` : `[${name}]`;
  createInterface({ input: stream }).on('line', (line) => out.write(`${tag} ${line}\n`));
}

export function run(name, command, args, env, { quiet = false } = {}) {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (!quiet) {
    prefixed(name, child.stdout);
    prefixed(name, child.stderr, process.stderr);
  } else {
    child.stdout.resume();
    prefixed(name, child.stderr, process.stderr);
  }
  return { name, child };
}

export async function waitForHttp(url, ms = 60_000, ok = (status) => status < 500) {
  const until = Date.now() + ms;
  let last = 'no answer';
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (ok(res.status)) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s (${last})`);
}

function portTaken(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts api, worker and web (vite preview) against the given env; resolves once all three answer. */
export async function startApps(env, options = {}) {
  for (const [name, port] of [
    ['API_PORT', env.API_PORT],
    ['WEB_PORT', env.WEB_PORT],
  ]) {
    if (await portTaken(port)) {
      throw new ServiceError(`Port ${port} is already in use (another Uplift still running?): stop it or set ${name}.`);
    }
  }
  const starters = {
    api: () => run('api', process.execPath, ['apps/api/dist/main.js'], env, options),
    worker: () => run('worker', process.execPath, ['apps/worker/dist/main.js'], env, options),
  };
  const apps = [
    starters.api(),
    starters.worker(),
    run(
      'web',
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'preview', 'apps/web', '--config', 'apps/web/vite.config.ts'],
      env,
      options,
    ),
  ];
  const web = apps[2];
  web.child.once('exit', (code, signal) => {
    if (!web.child.stopping) process.stderr.write(`[web] exited (${signal ?? code})\n`);
  });
  const crashed = new Promise((_, reject) => {
    for (const { name, child } of apps) {
      child.once('exit', (code) =>
        reject(new ServiceError(`${name} stopped during start-up (exit ${code}); see its log above.`)),
      );
    }
  });
  crashed.catch(() => {});
  try {
    await Promise.race([
      crashed,
      (async () => {
        await waitForHttp(`http://127.0.0.1:${env.API_PORT}/healthz`, 60_000, (s) => s === 200);
        await waitForHttp(`http://localhost:${env.WEB_PORT}/`, 60_000, (s) => s === 200);
      })(),
    ]);
  } catch (error) {
    await stopAll(apps);
    throw error;
  }
  // Started: from now on a crashed api or worker is started again (a crash during start-up stops all).
  for (const app of apps) if (starters[app.name]) supervise(app, () => starters[app.name]().child);
  return apps;
}
