import { createAuth } from './auth';
import { createDeps } from './deps';
import { loadApiEnv } from './env';
import { sharedRateLimits } from './http/shared-rate-limits';
import { createApiServer } from './server';

const env = loadApiEnv();
const deps = createDeps(env);
const auth = createAuth(deps.db, {
  secret: env.SESSION_SECRET,
  baseURL: env.WEB_URL,
  trustedOrigins: [env.WEB_URL, `http://localhost:${env.API_PORT}`, `http://127.0.0.1:${env.API_PORT}`],
  // Secure cookies need https; a local http://localhost run keeps HTTP-only, SameSite=Lax cookies.
  secureCookies: env.WEB_URL.startsWith('https://'),
  signInLimitPerMinute: env.AUTH_SIGN_IN_LIMIT,
  rateLimitStorage: sharedRateLimits(deps),
});
const server = createApiServer(deps, auth, {
  trustedProxies: env.TRUSTED_PROXIES,
  accountSignIns: { max: env.AUTH_ACCOUNT_SIGN_IN_LIMIT, windowSeconds: 15 * 60 },
});
server.listen(env.API_PORT, () => console.log(`api listening on http://localhost:${env.API_PORT}`));

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`api: ${signal}, closing`);
  server.close();
  server.closeAllConnections();
  deps.close().finally(() => process.exit(0));
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
