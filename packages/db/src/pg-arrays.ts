/**
 * Postgres array literals for the batch path's big array parameters (`$1::text[]`), built in one pass. `pg`
 * serializes a JS array element by element (a type check and two regex replaces each), which was a visible share
 * of a batch's time in Node; the values here are strings, numbers, booleans or null, and a column's runs of one
 * value (a batch's experiment) are quoted once. Syntax: the Postgres manual, "Arrays", 8.15.6.
 */

const SPECIAL = /[\\"]/g;

/** `{"a","b",NULL}`: each element double-quoted, its `\` and `"` backslash-escaped. */
export function textArray(values: readonly (string | null | undefined)[]): string {
  const parts = new Array<string>(values.length);
  let last: string | undefined;
  let quoted = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) parts[i] = 'NULL';
    else {
      if (v !== last) {
        SPECIAL.lastIndex = 0;
        quoted = `"${SPECIAL.test(v) ? v.replace(SPECIAL, '\\$&') : v}"`;
        last = v;
      }
      parts[i] = quoted;
    }
  }
  return `{${parts.join(',')}}`;
}

/** `{1.5,NULL}` for float8[] or int[]: JS prints the shortest decimal that reads back as the same double. */
export function numberArray(values: readonly (number | null | undefined)[]): string {
  return `{${values.map((v) => (v === null || v === undefined ? 'NULL' : String(v))).join(',')}}`;
}

/** `{t,f}` for boolean[]. */
export function booleanArray(values: readonly boolean[]): string {
  return `{${values.map((v) => (v ? 't' : 'f')).join(',')}}`;
}
