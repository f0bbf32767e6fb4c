import { describe, expect, it } from 'vitest';
import { guessMapping, reportFromRows } from './report-from-rows';

const variants = [
  { key: 'control', name: 'Control' },
  { key: 'treatment', name: 'Big coupon' },
];

describe('a campaign report CSV as an import', () => {
  it('guesses the columns an email tool writes', () => {
    expect(guessMapping(['Variant', 'Recipients', 'Conversions'])).toEqual({
      variant: 'Variant',
      users: 'Recipients',
      mode: 'conversions',
      conversions: 'Conversions',
      sum: null,
      sumSquares: null,
    });
    expect(guessMapping(['arm', 'users', 'revenue', 'revenue_squares'])).toMatchObject({
      mode: 'sum',
      sum: 'revenue',
      sumSquares: 'revenue_squares',
    });
  });

  it('matches variants by key or name, adds up repeated rows and reads "1,000" as a number', () => {
    const table = {
      columns: ['Variant', 'Recipients', 'Conversions'],
      rows: [
        ['control', '1,000', '100'],
        ['Big coupon', '600', '90'],
        ['TREATMENT', '400', '70'],
      ],
    };
    const { report, problems } = reportFromRows(table, guessMapping(table.columns), variants);
    expect(problems).toEqual([]);
    expect(report).toEqual([
      { key: 'control', users: 1000, conversions: 100 },
      { key: 'treatment', users: 1000, conversions: 160 },
    ]);
  });

  it('lists each unreadable row by its line in the file', () => {
    const table = {
      columns: ['variant', 'users', 'conversions'],
      rows: [
        ['control', '10', '1'],
        ['B', '5', 'x'],
      ],
    };
    const { problems } = reportFromRows(table, guessMapping(table.columns), variants);
    expect(problems).toEqual([
      {
        line: 3,
        message:
          '“B” matches no variant key or name of this experiment (control or “Control”, treatment or “Big coupon”).',
      },
    ]);
    const bad = reportFromRows(
      {
        ...table,
        rows: [
          ['control', '10', '1'],
          ['treatment', '5', 'x'],
        ],
      },
      guessMapping(table.columns),
      variants,
    );
    expect(bad.problems).toEqual([{ line: 3, message: 'Conversions must be a whole number ≥ 0, not “x”.' }]);
  });
});
