// Keeps a started process running for `npm start`: production relies on its process manager instead
// (infra/docker-compose.yml's `restart:` policy, see the README).

const seconds = (ms) => `${ms >= 1000 ? ms / 1000 : (ms / 1000).toFixed(2)} s`;

/**
 * Watches `app.child`; when it exits without being asked to (`child.stopping` or `app.stop()`), starts a new
 * one with `start()` after a back-off of `baseMs`, doubling up to `maxMs`, back to `baseMs` once a child has
 * run for `healthyMs`. Each restart says so in the log. Mutates `app` (its `child`, `restarts`, `stop`).
 */
export function supervise(app, start, options = {}) {
  const { baseMs = 1_000, maxMs = 30_000, healthyMs = 60_000 } = options;
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  let delay = baseMs;
  let startedAt = Date.now();
  let timer;
  let stopped = false;
  app.restarts = 0;
  const watch = (child) =>
    child.once('exit', (code, signal) => {
      if (stopped || child.stopping) return;
      if (Date.now() - startedAt >= healthyMs) delay = baseMs;
      log(
        `[${app.name}] exited (${signal ?? `code ${code}`}); restarting in ${seconds(delay)} (restart ${app.restarts + 1})`,
      );
      timer = setTimeout(() => {
        if (stopped) return;
        app.restarts += 1;
        app.child = start();
        startedAt = Date.now();
        watch(app.child);
      }, delay);
      delay = Math.min(delay * 2, maxMs);
    });
  watch(app.child);
  app.stop = () => {
    stopped = true;
    clearTimeout(timer);
  };
  return app;
}
