import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeResults } from './io';

/** What writeResults sends to stdout, one string per write. */
function captured(run: () => void): string[] {
  const writes: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    writes.push(String(chunk));
    return true;
  });
  run();
  return writes;
}

const items = Array.from({ length: 3_000 }, (_, i) => ({ id: i, name: `item "${i}"\n`, values: [i / 7, null] }));
const doubled = (item: (typeof items)[number]) => ({ ...item, twice: item.id * 2 });

describe('writeResults', () => {
  afterEach(() => vi.restoreAllMocks());

  it('streams an array in several writes whose text is JSON.stringify of the whole, compact or indented', () => {
    const compact = captured(() => writeResults(items, false, false, doubled));
    const pretty = captured(() => writeResults(items, false, true, doubled));
    expect(compact.length).toBeGreaterThan(1);
    expect(compact.join('')).toBe(`${JSON.stringify(items.map(doubled))}\n`);
    expect(pretty.join('')).toBe(`${JSON.stringify(items.map(doubled), null, 2)}\n`);
  });

  it('writes a lone result as an object and no results as an empty array', () => {
    const first = items.slice(0, 1);
    expect(captured(() => writeResults(first, true, false, doubled)).join('')).toBe(
      `${JSON.stringify(first.map(doubled)[0])}\n`,
    );
    expect(captured(() => writeResults([], false, true, doubled)).join('')).toBe('[]\n');
  });
});
