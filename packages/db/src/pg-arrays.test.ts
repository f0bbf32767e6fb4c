import { describe, expect, it } from 'vitest';
import { booleanArray, isoArray, numberArray, textArray } from './pg-arrays';

describe('pg array literals', () => {
  it('quote every text element and escape backslashes and quotes, keeping NULL apart from "NULL"', () => {
    expect(textArray(['a', 'a', 'b,c', 'say "hi"', 'C:\\x', '{}', ' sp ', '', null, 'NULL'])).toBe(
      '{"a","a","b,c","say \\"hi\\"","C:\\\\x","{}"," sp ","",NULL,"NULL"}',
    );
    expect(textArray([])).toBe('{}');
  });

  it('print numbers exactly, booleans as t/f and instants as UTC ISO texts', () => {
    expect(numberArray([0.1, -2, 1e-300, null, 12345678.901234567])).toBe('{0.1,-2,1e-300,NULL,12345678.901234567}');
    expect(booleanArray([true, false])).toBe('{t,f}');
    const a = new Date('2026-11-22T10:00:00.123Z');
    expect(isoArray([a, new Date(a), new Date('2026-11-22T10:00:01Z')])).toBe(
      '{"2026-11-22T10:00:00.123Z","2026-11-22T10:00:00.123Z","2026-11-22T10:00:01.000Z"}',
    );
  });
});
