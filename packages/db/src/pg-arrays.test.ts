import { describe, expect, it } from 'vitest';
import { booleanArray, numberArray, textArray } from './pg-arrays';

describe('pg array literals', () => {
  it('quote every text element and escape backslashes and quotes, keeping NULL apart from "NULL"', () => {
    expect(textArray(['a', 'a', 'b,c', 'say "hi"', 'C:\\x', '{}', ' sp ', '', null, 'NULL'])).toBe(
      '{"a","a","b,c","say \\"hi\\"","C:\\\\x","{}"," sp ","",NULL,"NULL"}',
    );
    expect(textArray([])).toBe('{}');
  });

  it('print numbers exactly and booleans as t/f', () => {
    expect(numberArray([0.1, -2, 1e-300, null, 12345678.901234567])).toBe('{0.1,-2,1e-300,NULL,12345678.901234567}');
    expect(booleanArray([true, false])).toBe('{t,f}');
  });
});
