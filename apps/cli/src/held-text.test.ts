import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { HeldText, type Sink } from './held-text';

/** A sink that keeps what it is given, copying it (the held text's buffer is reused), holding back as told. */
function collector(holdBack = () => false) {
  const parts: Buffer[] = [];
  const sink: Sink = {
    write: (bytes) => {
      parts.push(Buffer.from(bytes)); // a copy: the bytes given are reused after the call
      return !holdBack();
    },
    drained: async () => {},
  };
  // Decoded whole: a chunk may end inside a character's bytes.
  return { sink, text: () => Buffer.concat(parts).toString('utf8') };
}

const chunks = Array.from({ length: 9 }, (_, i) => `${'é'.repeat(10_000 + i)}|${'x'.repeat(20_000)}|${i}`);

describe('held text', () => {
  it('gives back what it held, in order and byte for byte, through a temporary file that leaves no trace', async () => {
    const before = readdirSync(tmpdir()).filter((name) => name.startsWith(`uplift-held-${process.pid}-`));
    const held = new HeldText();
    for (const chunk of chunks) held.add(chunk);
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith(`uplift-held-${process.pid}-`))).toEqual(before);
    expect(held.bytes).toBe(Buffer.byteLength(chunks.join('')));
    const out = collector(() => true); // every write held back: it waits for each drain
    await held.writeTo(out.sink);
    expect(out.text() === chunks.join('')).toBe(true); // (not toBe: a mismatch would print 500 kB)
  });

  it('holds the text in memory where no temporary file can be made', async () => {
    const held = new HeldText('/nonexistent/directory');
    for (const chunk of chunks) held.add(chunk);
    const out = collector();
    await held.writeTo(out.sink);
    expect(out.text() === chunks.join('')).toBe(true);
    expect(held.bytes).toBe(Buffer.byteLength(chunks.join('')));
  });
});
