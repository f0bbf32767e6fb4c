import { describe, expect, it } from 'vitest';
import { parseApiKeyScopes, ZApiKeyCreateInput } from './api-key-scopes';

describe('parseApiKeyScopes', () => {
  it('reads a comma list, ignoring spaces and empty items', () => {
    expect(parseApiKeyScopes('ingest')).toEqual(['ingest']);
    expect(parseApiKeyScopes(' ingest , read,,write ')).toEqual(['ingest', 'read', 'write']);
  });

  it('names the unknown scopes and the allowed ones', () => {
    expect(() => parseApiKeyScopes('read,admin,root')).toThrow(
      'has unknown scope(s) admin, root; choose from ingest, read, write',
    );
    expect(() => parseApiKeyScopes('Read')).toThrow('has unknown scope(s) Read');
  });

  it('refuses an empty list', () => {
    expect(() => parseApiKeyScopes('')).toThrow('is empty; choose from ingest, read, write');
    expect(() => parseApiKeyScopes(' , ')).toThrow('is empty');
  });
});

describe('ZApiKeyCreateInput', () => {
  it('needs a name and at least one known scope', () => {
    expect(ZApiKeyCreateInput.safeParse({ name: 'ci', scopes: ['read'] }).success).toBe(true);
    expect(ZApiKeyCreateInput.safeParse({ name: ' ', scopes: ['read'] }).success).toBe(false);
    expect(ZApiKeyCreateInput.safeParse({ name: 'ci', scopes: [] }).success).toBe(false);
    expect(ZApiKeyCreateInput.safeParse({ name: 'ci', scopes: ['admin'] }).success).toBe(false);
  });
});
