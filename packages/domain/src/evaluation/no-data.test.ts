import { describe, expect, it } from 'vitest';
import { NO_DATA_AFTER_MS, noDataDue, noDataNotice } from './no-data';

const start = new Date('2026-01-01T00:00:00Z');
const at = (ms: number) => new Date(start.getTime() + ms);

describe('noDataDue', () => {
  it('is due exactly 24 hours after the last data, not a millisecond before', () => {
    const e = { lastDataAt: start, startedAt: null, noDataAlertedAt: null };
    expect(noDataDue(e, at(NO_DATA_AFTER_MS - 1))).toBe(false);
    expect(noDataDue(e, at(NO_DATA_AFTER_MS))).toBe(true);
  });

  it('counts from the start while no data has arrived', () => {
    const e = { lastDataAt: null, startedAt: start, noDataAlertedAt: null };
    expect(noDataDue(e, at(NO_DATA_AFTER_MS))).toBe(true);
  });

  it('prefers the last data over the start', () => {
    const e = { lastDataAt: at(3_600_000), startedAt: start, noDataAlertedAt: null };
    expect(noDataDue(e, at(NO_DATA_AFTER_MS))).toBe(false);
  });

  it('is not due again once alerted, nor without any date', () => {
    expect(noDataDue({ lastDataAt: start, startedAt: start, noDataAlertedAt: start }, at(10 * NO_DATA_AFTER_MS))).toBe(
      false,
    );
    expect(noDataDue({ lastDataAt: null, startedAt: null, noDataAlertedAt: null }, at(NO_DATA_AFTER_MS))).toBe(false);
  });
});

describe('noDataNotice', () => {
  it('names the whole hours without data and the date since', () => {
    const notice = noDataNotice({ key: 'k', name: 'Coupon' }, start, at(NO_DATA_AFTER_MS + 3_599_999));
    expect(notice.title).toBe('No data for "Coupon" in 24 hours');
    expect(notice.body).toContain('since 2026-01-01T00:00:00.000Z');
    expect(notice.data).toEqual({ experiment: 'k', since: '2026-01-01T00:00:00.000Z' });
    expect(noDataNotice({ key: 'k', name: 'C' }, start, at(2 * NO_DATA_AFTER_MS)).title).toContain('in 48 hours');
  });
});
