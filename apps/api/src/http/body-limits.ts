import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

const MB = 1024 * 1024;
/** tRPC bodies; the location upload and plan take up to 20 MB of CSV, which JSON-escaped needs a little more. */
export const TRPC_BODY_BYTES = MB;
export const UPLOAD_BODY_BYTES = 24 * MB;
const UPLOADS = new Set(['experiment.uploadLocations', 'experiment.requestLocationPlan']);
/** better-auth's bodies are an email and a password. */
export const AUTH_BODY_BYTES = 64 * 1024;

const size = (bytes: number) => (bytes >= MB ? `${bytes / MB} MB` : `${bytes / 1024} KB`);
const sentence = (bytes: number) => `The request body exceeds ${size(bytes)}; send less.`;

/** tRPC: 1 MB, or the upload's limit when the (batched) path names the upload. */
export const trpcBodyLimit: MiddlewareHandler = (c, next) => {
  const paths = c.req.path.replace(/^\/trpc\//, '').split(',');
  const maxSize = paths.some((p) => UPLOADS.has(p)) ? UPLOAD_BODY_BYTES : TRPC_BODY_BYTES;
  const error = { message: sentence(maxSize), code: -32600, data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 } };
  return bodyLimit({ maxSize, onError: (c) => c.json({ error }, 413, { connection: 'close' }) })(c, next);
};

export const authBodyLimit = bodyLimit({
  maxSize: AUTH_BODY_BYTES,
  onError: (c) => c.json({ message: sentence(AUTH_BODY_BYTES) }, 413, { connection: 'close' }),
});
