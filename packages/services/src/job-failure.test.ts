import { DomainError } from '@uplift/domain';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { failureSentence, isPermanentFailure } from './job-failure';

const prismaError = (code: string, meta?: Record<string, unknown>) =>
  Object.assign(new Error(`Invalid prisma call: SELECT secret FROM t (${code})`), { code, meta });

describe('isPermanentFailure: retry only where a retry can succeed', () => {
  it('refused data fails the same way every time', () => {
    expect(isPermanentFailure(new DomainError('BAD_INPUT', 'roi is not finite'))).toBe(true);
    expect(isPermanentFailure(z.number().safeParse('x').error)).toBe(true);
    expect(isPermanentFailure(new RangeError('Invalid array length'))).toBe(true);
    expect(isPermanentFailure(prismaError('P2020'))).toBe(true);
    expect(isPermanentFailure(prismaError('P2010', { code: '22003' }))).toBe(true);
  });

  it('a lost connection, a pool timeout, a deadlock or an unknown error may pass on a retry', () => {
    expect(isPermanentFailure(prismaError('P1001'))).toBe(false);
    expect(isPermanentFailure(prismaError('P2024'))).toBe(false);
    expect(isPermanentFailure(prismaError('P2034'))).toBe(false);
    expect(isPermanentFailure(prismaError('P2010', { code: '40P01' }))).toBe(false);
    expect(isPermanentFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(false);
    expect(isPermanentFailure(new Error('boom'))).toBe(false);
  });
});

describe('failureSentence', () => {
  it('keeps our own messages and never repeats SQL', () => {
    expect(failureSentence(new DomainError('BAD_INPUT', 'roi is not finite'))).toBe('roi is not finite');
    expect(failureSentence(prismaError('P2020'))).toBe('a number is out of the range the database stores');
    expect(failureSentence(prismaError('P2002'))).toBe('a database error (P2002)');
    expect(failureSentence(new Error('SELECT secret'))).toBe('an internal error');
  });
});
