import { createAuthClient } from 'better-auth/react';

/** better-auth's client, same-origin: the dev/preview server proxies /api to the api. */
export const authClient = createAuthClient({ basePath: '/api/auth' });
