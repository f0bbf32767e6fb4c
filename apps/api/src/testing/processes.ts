// Real api and worker processes from the built dist (as `npm start` runs them), for tests of more than one of
// each against the same Postgres and Redis, and a loopback webhook receiver that counts what it is sent.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const ROOT = new URL('../../../../', import.meta.url).pathname;

/** Polls `probe` until it returns something truthy; a generous deadline, since the machine may be busy. */
export async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 40_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** A port free right now (the OS picks it), for a process that takes its port from the environment. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/** Starts `node <script>` from the repository root; resolves once it prints `ready` on stdout. */
export async function startProcess(script: string, env: NodeJS.ProcessEnv, ready: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [`${ROOT}${script}`], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-4096);
      if (seen.includes(ready)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
  child.stdout?.resume();
  return child;
}

/** Stops the processes with SIGTERM and waits for them to exit (SIGKILL after 5 s). */
export async function stopProcesses(children: ChildProcess[]) {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
          child.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

/** A webhook receiver on loopback answering 204; `received` counts the posts per delivery id header. */
export async function webhookReceiver() {
  const received = new Map<string, { count: number; event: string; payloadId: string }>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = String(req.headers['x-uplift-delivery']);
      const payload = JSON.parse(Buffer.concat(chunks).toString()) as { id: string; event: string };
      const seen = received.get(id) ?? { count: 0, event: payload.event, payloadId: payload.id };
      seen.count++;
      received.set(id, seen);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => new Promise((r) => server.close(r)),
  };
}
