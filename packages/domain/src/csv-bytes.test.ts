import { describe, expect, it } from 'vitest';
import { notCsvReason } from './csv-bytes';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('notCsvReason', () => {
  it('accepts UTF-8 text, accents and a byte-order mark included', () => {
    expect(notCsvReason(new TextEncoder().encode('\uFEFFvariant,users\nCafé crème,10\n'))).toBeNull();
    expect(notCsvReason(bytes())).toBeNull();
  });
  it('refuses a file with a NUL byte, naming it', () => {
    // The start of a PNG: \x89PNG\r\n\x1a\n, then a NUL.
    expect(notCsvReason(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00), 'logo.csv')).toBe(
      'logo.csv is not a CSV file: it holds binary data. Export the sheet as CSV (UTF-8).',
    );
  });
  it('accepts the start of a file cut inside a character when told it is partial', () => {
    const cut = new TextEncoder().encode('name\nCafé').slice(0, -1);
    expect(notCsvReason(cut, 'x.csv', true)).toBeNull();
    expect(notCsvReason(cut, 'x.csv')).not.toBeNull();
  });
  it('refuses bytes that are not UTF-8', () => {
    // Latin-1 "é" alone is an invalid UTF-8 sequence.
    expect(notCsvReason(bytes(0x63, 0x61, 0x66, 0xe9))).toMatch(/is not a CSV file: it is not UTF-8 text/);
  });
});
