import { TRPCError } from '@trpc/server';
import superjson from 'superjson';

/** The only superjson annotations our inputs need: what the web's superjson writes for Dates and undefined. */
const ALLOWED = new Set(['Date', 'undefined']);
const MAX_ENTRIES = 1_000;
const MAX_PATH_SEGMENTS = 32;

const unsupported = (what: string) =>
  new TRPCError({ code: 'BAD_REQUEST', message: `Unsupported serializer metadata (${what}); send plain JSON.` });

const isLeaf = (value: unknown) =>
  Array.isArray(value) && value.length === 1 && typeof value[0] === 'string' && ALLOWED.has(value[0]);

/**
 * superjson's `meta` can name classes, custom types and references, and a crafted one overflows the stack
 * (issue 10). Inputs are plain data, so only flat `values` of Date/undefined leaves are kept; anything else
 * is a 400. `referentialEqualities` only restores object identity, which no input relies on: it is dropped.
 */
function checkedMeta(meta: unknown): { values?: unknown } | undefined {
  if (meta === undefined || meta === null) return undefined;
  if (typeof meta !== 'object' || Array.isArray(meta)) throw unsupported('meta must be an object');
  const { values, referentialEqualities: _identityOnly, v, ...rest } = meta as Record<string, unknown>;
  if (Object.keys(rest).length) throw unsupported(`unknown key ${Object.keys(rest)[0]}`);
  if (v !== undefined && v !== 1) throw unsupported(`version ${String(v)}`);
  if (values === undefined) return undefined;
  if (isLeaf(values)) return { values };
  if (typeof values !== 'object' || values === null || Array.isArray(values)) throw unsupported('values');
  const entries = Object.entries(values);
  if (entries.length > MAX_ENTRIES) throw unsupported('too many values');
  for (const [path, leaf] of entries) {
    if (!isLeaf(leaf)) throw unsupported(`${JSON.stringify(leaf)} at ${path}`);
    if (path.split('.').length > MAX_PATH_SEGMENTS) throw unsupported(`path too deep at ${path.slice(0, 40)}…`);
  }
  return { values };
}

/** superjson both ways, with inputs' metadata checked before superjson interprets it. */
export const transformer = {
  input: {
    serialize: superjson.serialize,
    deserialize: (payload: unknown) => {
      if (typeof payload !== 'object' || payload === null || !('json' in payload)) {
        return superjson.deserialize(payload as never); // no superjson envelope: as superjson reads it
      }
      const { json, meta } = payload as { json: unknown; meta?: unknown };
      const checked = checkedMeta(meta);
      return superjson.deserialize(checked ? { json: json as never, meta: checked as never } : { json: json as never });
    },
  },
  output: { serialize: superjson.serialize, deserialize: superjson.deserialize },
};
