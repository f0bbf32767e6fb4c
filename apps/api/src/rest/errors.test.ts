import { DomainError, ZEventsBatch } from '@uplift/domain';
import type { Logger } from '@uplift/services';
import { describe, expect, it } from 'vitest';
import { HttpError, invalidInput, toHttpError } from './errors';

const recorder = () => {
  const lines: { message: string; fields?: Record<string, unknown> }[] = [];
  const log: Logger = {
    info: () => {},
    warn: () => {},
    error: (message, fields) => lines.push({ message, fields }),
  };
  return { log, lines };
};

describe('REST errors', () => {
  it('names each bad field; events carry their index in the batch', () => {
    const parsed = ZEventsBatch.safeParse({ events: [{ id: 'a', experiment: 'e', unit: 'u', type: 'click' }] });
    if (parsed.success) throw new Error('expected a bad batch');
    const error = invalidInput(parsed.error);
    expect(error.status).toBe(400);
    expect(error.issues).toEqual([{ index: 0, field: 'events.0.type', message: 'must be "exposure" or "conversion"' }]);
    expect(error.message).toBe('events.0.type: must be "exposure" or "conversion"');
  });

  it('maps domain errors to their status with the field', () => {
    const error = toHttpError(new DomainError('NOT_FOUND', 'No experiment "x".', 'experiment'), recorder().log, 'r1');
    expect(error).toMatchObject({ status: 404, issues: [{ field: 'experiment', message: 'No experiment "x".' }] });
  });

  it('answers a lost database 503 with retry-after, and anything unknown 500, logged with the request id', () => {
    const { log, lines } = recorder();
    const down = toHttpError(new Error("\nCan't reach database server at 127.0.0.1:1"), log, 'r2');
    expect(down).toMatchObject({ status: 503, headers: { 'retry-after': '5' } });
    const unknown = toHttpError(new Error('relation "x" does not exist'), log, 'r3');
    expect(unknown).toBeInstanceOf(HttpError);
    expect(unknown).toMatchObject({ status: 500, message: 'Internal error; it has been logged.' });
    expect(lines.map((l) => l.fields?.requestId)).toEqual(['r2', 'r3']);
    expect(lines[0]?.fields?.error).toBe("Can't reach database server at 127.0.0.1:1");
  });
});
