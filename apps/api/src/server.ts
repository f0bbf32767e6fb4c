import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { createApp, type HttpOptions } from './app';
import type { Auth } from './auth';
import type { Deps } from './context';

/** One Node HTTP server for the whole api (see createApp). */
export function createApiServer(deps: Deps, auth: Auth, options: Partial<HttpOptions> = {}): Server {
  return createAdaptorServer({ fetch: createApp(deps, auth, options).fetch }) as Server;
}
