import { z } from 'zod';
import { DomainError } from './errors';
import { text } from './zod-safe';

/** What an API key may do: send events and reports, read, or write through the REST API. */
export const API_KEY_SCOPES = ['ingest', 'read', 'write'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const ZApiKeyCreateInput = z.object({
  name: text().trim().min(1, 'is required').max(100),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1, 'choose at least one scope'),
});
export type ApiKeyCreateInput = z.input<typeof ZApiKeyCreateInput>;

/** Parses `ingest,read` (the CLI's `--scopes`); an empty list or an unknown scope names the allowed ones. */
export function parseApiKeyScopes(raw: string): ApiKeyScope[] {
  const scopes = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = scopes.filter((s) => !(API_KEY_SCOPES as readonly string[]).includes(s));
  if (!scopes.length || bad.length) {
    const problem = bad.length ? `has unknown scope(s) ${bad.join(', ')}` : 'is empty';
    throw new DomainError('BAD_INPUT', `${problem}; choose from ${API_KEY_SCOPES.join(', ')}`, 'scopes');
  }
  return scopes as ApiKeyScope[];
}
