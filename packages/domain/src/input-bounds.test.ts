import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ZEventsBatch, ZReportInput } from './events';
import { ZExperimentCreateInput, ZExperimentUpdateInput } from './experiment';
import { ZHypothesisCreateInput } from './hypothesis';
import { ZLocationsUpload } from './locations/upload';
import { ZRoiInput } from './roi';
import { ZWorkspaceSettingsInput } from './workspace-settings';
import { INT4_MAX, NUL_MESSAGE } from './zod-safe';

/** The refusal for `input`: its path and message, so a test names the field as the 400 does. */
const refusal = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`accepted ${JSON.stringify(input)}`);
  return result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
};

const event = { id: 'e1', experiment: 'exp', unit: 'u1', type: 'conversion', metric: 'revenue', value: 1 };
const batch = (patch: Record<string, unknown>) => ({ events: [{ ...event, ...patch }] });
const roi = {
  reachPerMonth: 1000,
  baselineRate: 0.1,
  expectedLift: 0.1,
  valuePerConversion: 10,
  confidence: 0.5,
  cost: 100,
};
const hypothesis = { title: 't', statement: 's', funnelStage: 'ACTIVATION', segment: 's', offer: 'o', ...roi };
const experiment = {
  key: 'exp',
  hypothesisId: 'h1',
  variants: [{ key: 'a' }, { key: 'b' }],
  metrics: { primary: { name: 'conversion', kind: 'binomial' } },
};

describe('input the database cannot hold is refused with the field named', () => {
  it('refuses NUL characters in strings', () => {
    expect(refusal(ZEventsBatch, batch({ unit: 'u\u00001' }))).toContain(`events.0.unit: ${NUL_MESSAGE}`);
    expect(refusal(ZEventsBatch, batch({ attributes: { plan: 'a\u0000' } }))).toContain(NUL_MESSAGE);
    expect(refusal(ZExperimentCreateInput, { ...experiment, name: 'x\u0000' })).toContain(`name: ${NUL_MESSAGE}`);
    expect(refusal(ZHypothesisCreateInput, { ...hypothesis, offer: '\u0000' })).toContain(`offer: ${NUL_MESSAGE}`);
  });

  it('refuses dates outside 1900–9999 in events and location uploads', () => {
    expect(refusal(ZEventsBatch, batch({ ts: '0000-01-01T00:00:00Z' }))).toContain(
      'events.0.ts: must be a date between',
    );
    const rows = [{ location: 'a', week: '0000-01-03', sales: 1 }];
    expect(refusal(ZLocationsUpload, { rows })).toContain('rows.0.week: must be a date between 1900 and 9999');
    expect(ZEventsBatch.safeParse(batch({ ts: '2026-11-22T10:00:00Z' })).success).toBe(true);
  });

  it('refuses whole numbers past INT4', () => {
    expect(refusal(ZExperimentCreateInput, { ...experiment, plannedUsers: INT4_MAX + 1 })).toContain(
      'plannedUsers: must be at most 2,147,483,647',
    );
    expect(ZExperimentCreateInput.safeParse({ ...experiment, plannedUsers: INT4_MAX }).success).toBe(true);
    expect(refusal(ZExperimentUpdateInput, { key: 'k', patch: { plannedUsers: 2 ** 40 } })).toContain('plannedUsers');
    expect(refusal(ZWorkspaceSettingsInput, { defaultSequential: 2 ** 31 })).toContain('defaultSequential');
    expect(refusal(ZHypothesisCreateInput, { ...hypothesis, reachPerMonth: 2 ** 31 })).toContain('reachPerMonth');
    const report = { variants: [{ key: 'a', users: 2_147_483_648, conversions: 1 }] };
    expect(refusal(ZReportInput, report)).toContain('variants.0.users: must be at most 2,147,483,647');
  });

  it('refuses metric values whose squares overflow', () => {
    expect(refusal(ZEventsBatch, batch({ value: 1e200 }))).toContain('events.0.value');
    expect(refusal(ZEventsBatch, batch({ value: 1.3e154 }))).toContain('events.0.value');
    const report = { variants: [{ key: 'a', users: 10, sum: 1e200, sumSquares: 1e300 }] };
    expect(refusal(ZReportInput, report)).toContain('variants.0.sum');
  });

  it('refuses a JSON location upload that repeats a location and week', () => {
    const rows = [
      { location: 'a', week: '2026-01-05', sales: 1 },
      { location: 'a', week: '2026-01-05', sales: 2 },
    ];
    expect(refusal(ZLocationsUpload, { rows })).toContain('rows.1: duplicate week 2026-01-05 for location "a"');
  });

  it('refuses ROI inputs whose score is not finite, at any horizon', () => {
    expect(refusal(ZHypothesisCreateInput, { ...hypothesis, valuePerConversion: 1e308 })).toContain(
      'valuePerConversion',
    );
    expect(refusal(ZRoiInput, { ...roi, cost: 1e-320 })).toContain('cost');
    // Finite at 12 months but not at the longest horizon a workspace may switch to later.
    expect(
      refusal(ZRoiInput, {
        ...roi,
        reachPerMonth: INT4_MAX,
        valuePerConversion: 1e15,
        expectedLift: 1e15,
        cost: 1e-290,
      }),
    ).toContain('ROI');
  });
});
