import { describe, expect, it } from 'vitest';
import { closedToData } from './closed-to-data';

describe('closedToData', () => {
  it('lets a running experiment take data and names every other state', () => {
    expect(closedToData('RUNNING', 'x')).toBeNull();
    expect(closedToData('DRAFT', 'sending events')).toBe('is a draft; start it before sending events');
    expect(closedToData('COMPLETED', 'x')).toBe('is completed; it takes no more data');
    expect(closedToData('STOPPED', 'x')).toBe('is stopped; it takes no more data');
  });
});
