import type { PreparedEvent } from '@uplift/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inUnitOrder } from './ingestion-rows';

const event = (experimentId: string, unitId: string, type: PreparedEvent['type'], minute: number, eventId: string) =>
  ({
    experimentId,
    eventId,
    unitId,
    type,
    variant: type === 'exposure' ? 'a' : null,
    segment: '',
    metric: null,
    kind: null,
    value: null,
    ts: new Date(Date.UTC(2026, 11, 3, 10, minute)),
  }) satisfies PreparedEvent;

describe('inUnitOrder', () => {
  it('orders by experiment, unit and time, marks each unit’s earliest exposure and the conversions of exposed units', () => {
    const batch = [
      event('e2', 'u1', 'exposure', 5, 'x1'),
      event('e1', 'u2', 'conversion', 1, 'c1'),
      event('e1', 'u1', 'exposure', 9, 'x2'),
      event('e1', 'u1', 'conversion', 2, 'c2'),
      event('e1', 'u1', 'exposure', 3, 'x3'),
      event('e1', 'u2', 'conversion', 4, 'c3'),
    ];
    const { events, here, first } = inUnitOrder(batch);
    expect(events.map((e) => e.eventId)).toEqual(['c2', 'x3', 'x2', 'c1', 'c3', 'x1']);
    expect(first).toEqual([false, true, false, false, false, true]);
    // A conversion before its unit's exposure in the same batch is still one of a unit the batch exposes.
    expect(here).toEqual([true, false, false, false, false, false]);
    expect(batch.map((e) => e.eventId)).toEqual(['x1', 'c1', 'x2', 'c2', 'x3', 'c3']); // the input is left as it was
  });

  it('picks, for every unit exposed, exactly one first exposure: its earliest, the first sent among equal times', () => {
    const arbitrary = fc.array(
      fc.record({
        experiment: fc.constantFrom('e1', 'e2'),
        unit: fc.constantFrom('u1', 'u2', 'u10', 'U1'),
        conversion: fc.boolean(),
        minute: fc.nat(3),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arbitrary, (rows) => {
        const batch = rows.map((r, i) =>
          event(r.experiment, r.unit, r.conversion ? 'conversion' : 'exposure', r.minute, `id${i}`),
        );
        const { events, here, first } = inUnitOrder(batch);
        const unit = (e: PreparedEvent) => `${e.experimentId}/${e.unitId}`;
        const exposed = new Set(batch.filter((e) => e.type === 'exposure').map(unit));
        for (const u of exposed) {
          const earliest = batch
            .filter((e) => unit(e) === u && e.type === 'exposure')
            .reduce((a, b) => (b.ts < a.ts ? b : a));
          expect(events.filter((e, i) => first[i] && unit(e) === u)).toEqual([earliest]);
        }
        expect(events.filter((_, i) => first[i]).length).toBe(exposed.size);
        expect(events.map((e, i) => here[i] === (e.type === 'conversion' && exposed.has(unit(e))))).not.toContain(
          false,
        );
      }),
    );
  });
});
