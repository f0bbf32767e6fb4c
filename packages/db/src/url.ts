import { userInfo } from 'node:os';

/**
 * libpq (psql) falls back to the OS user when a URL names none; node-postgres reads only $USER, which
 * service managers and CI often leave unset. Fill the user in the same way so the default
 * `postgresql://localhost:5432/uplift` reaches a trust-auth local server from anywhere.
 */
export function withDefaultUser(url: string): string {
  const parsed = new URL(url);
  if (parsed.username) return url;
  parsed.username = process.env.PGUSER ?? process.env.USER ?? userInfo().username;
  return parsed.toString();
}
