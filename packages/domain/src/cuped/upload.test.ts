import { describe, expect, it } from 'vitest';
import { covariatesFromCsv } from './csv';
import { ZCovariatesUpload } from './upload';

describe('covariates upload', () => {
  it('reads a CSV with a unit and a covariate column, comma or semicolon separated', () => {
    expect(covariatesFromCsv('\uFEFFUnit,Covariate\nu1,12.5\n\nu2,-3\n')).toEqual({
      covariates: [
        { unit: 'u1', covariate: 12.5 },
        { unit: 'u2', covariate: -3 },
      ],
    });
    expect(covariatesFromCsv('user_id;pre\nu1;4e2\n').covariates).toEqual([{ unit: 'u1', covariate: 400 }]);
  });

  it('refuses the whole CSV naming each bad row and field, and a header without the columns', () => {
    expect(() => covariatesFromCsv('unit,covariate\nu1,1\n,2\nu3,abc\n')).toThrow(
      'The CSV has 2 bad value(s): row 3: unit is empty; row 4: covariate "abc" is not a number',
    );
    expect(() => covariatesFromCsv('id,amount\nu1,1\n')).toThrow(
      'The CSV header lacks a column for unit (unit, unit_id, unitid, user, user_id) and covariate.',
    );
  });

  it('refuses a unit listed twice and values beyond the bounds, naming the row', () => {
    const result = ZCovariatesUpload.safeParse({
      covariates: [
        { unit: 'u1', covariate: 1 },
        { unit: 'u2', covariate: 1e16 },
        { unit: 'u1', covariate: 2 },
      ],
    });
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'covariates.1.covariate: must be between −1e15 and 1e15',
      'covariates.2.unit: unit "u1" is listed twice (also covariates[0]); send one value per unit',
    ]);
  });
});
