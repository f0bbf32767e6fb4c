import { describe, expect, it } from 'vitest';
import { parseWeeklySales } from './csv';

describe('parseWeeklySales', () => {
  it('reads location, week and sales columns in any order and case, ignoring other columns', () => {
    const csv = 'Week,Region,Manager,SALES\n2025-03-03,North,"Smith, J",1200.5\n2025-03-03,South,Lee,980\n';
    expect(parseWeeklySales(csv)).toEqual({
      rows: [
        { location: 'North', week: '2025-03-03', sales: 1200.5 },
        { location: 'South', week: '2025-03-03', sales: 980 },
      ],
      errors: [],
    });
  });

  it('reads semicolon files with decimal commas, a byte-order mark and CRLF line ends', () => {
    const csv = '\uFEFFstore;date;revenue\r\n"Lyon; Part-Dieu";2025-03-03;1234,5\r\nNice;2025-03-03;800\r\n';
    expect(parseWeeklySales(csv)).toEqual({
      rows: [
        { location: 'Lyon; Part-Dieu', week: '2025-03-03', sales: 1234.5 },
        { location: 'Nice', week: '2025-03-03', sales: 800 },
      ],
      errors: [],
    });
  });

  it('prefers the finer unit when a file has both a store and a region column', () => {
    const { rows } = parseWeeklySales('region,store,week,sales\nNorth,S1,2025-03-03,10\n');
    expect(rows).toEqual([{ location: 'S1', week: '2025-03-03', sales: 10 }]);
  });

  it('reports bad lines by their line number, past blank lines and quoted line breaks, and keeps the rest', () => {
    const csv = [
      'store,week,sales', // 1
      'A,2025-03-03,100', // 2
      '', // 3
      '"B\nannex",2025-03-03,90', // 4–5: one record over two lines
      'C,03/03/2025,80', // 6
      'D,2025-03-03,$1,200', // 7: unquoted comma, so sales is "$1"
      'E,2025-03-03', // 8
      ',2025-03-03,x', // 9
      'A,2025-03-03,101', // 10
      '   ', // 11
      'F,2025-02-30,70', // 12
      'G,2025-03-03,1e3', // 13
    ].join('\n');
    const { rows, errors } = parseWeeklySales(csv);
    expect(rows.map((r) => r.location)).toEqual(['A', 'B\nannex', 'G']);
    expect(rows[2]?.sales).toBe(1000);
    expect(errors).toEqual([
      { line: 6, message: 'week "03/03/2025" is not a date written YYYY-MM-DD' },
      { line: 7, message: 'sales "$1" is not a number' },
      { line: 8, message: 'has 2 fields where the header has 3' },
      { line: 9, message: 'store is empty; sales "x" is not a number' },
      { line: 10, message: 'repeats store "A", week 2025-03-03 of line 2' },
      { line: 12, message: 'week "2025-02-30" is not a date written YYYY-MM-DD' },
    ]);
  });

  it('reports an unclosed quote on the line where its record starts', () => {
    const { rows, errors } = parseWeeklySales('store,week,sales\nA,2025-03-03,1\n"B,2025-03-03,2\nC,2025-03-03,3\n');
    expect(rows).toEqual([{ location: 'A', week: '2025-03-03', sales: 1 }]);
    expect(errors).toEqual([{ line: 3, message: 'malformed quotes (quoted field unterminated)' }]);
  });

  it('says which columns a header lacks, and when the file is empty', () => {
    expect(parseWeeklySales('shop\tweek\tsales\nA\t2025-03-03\t1\n')).toEqual({
      rows: [],
      errors: [
        {
          line: 1,
          message:
            'the header lacks a column for location (location, store, region) and week (week, date) and sales (sales, revenue); columns are separated by commas or semicolons',
        },
      ],
    });
    expect(parseWeeklySales('\n\n').errors).toEqual([
      {
        line: 1,
        message: 'the file is empty: it needs a header (location, week, sales), then one row per location and week',
      },
    ]);
  });

  it('keeps line numbers exact deep into a long file', () => {
    const lines = ['location,week,sales', ...Array.from({ length: 5_000 }, (_, i) => `L${i},2025-03-03,${i}`)];
    lines[4_321] = 'bad,2025-03-03,n/a';
    const { rows, errors } = parseWeeklySales(lines.join('\n'));
    expect(rows).toHaveLength(4_999);
    expect(errors).toEqual([{ line: 4_322, message: 'sales "n/a" is not a number' }]);
  });
});
