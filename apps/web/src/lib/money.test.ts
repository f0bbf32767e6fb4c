import { describe, expect, it } from 'vitest';
import { formatMoney } from './money';

describe('formatMoney', () => {
  it('shows the workspace currency with every amount', () => {
    expect(formatMoney(7700, 'EUR')).toBe('€7,700');
    expect(formatMoney(12.5, 'USD')).toBe('$12.50');
    expect(formatMoney(48_000, 'GBP', { signed: true })).toBe('+£48,000');
    expect(formatMoney(-3.25, 'EUR', { signed: true })).toBe('-€3.25');
  });
  it('falls back to the ISO code where a currency has no symbol of its own', () => {
    expect(formatMoney(1200, 'CHF').replace(/\s/g, ' ')).toBe('CHF 1,200');
  });
  it('leaves the number bare when the workspace has set no currency', () => {
    expect(formatMoney(7700, null)).toBe('7,700');
    expect(formatMoney(7700, null, { signed: true })).toBe('+7,700');
  });
});
