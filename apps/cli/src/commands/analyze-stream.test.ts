import { analyze } from '@uplift/domain/engine';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mulberry32 } from '../../../../packages/domain/src/stats/prng';
import { streamed } from './analyze-stream';

/** What `streamed` answered and wrote to stdout. */
function run(value: unknown, pretty = false): { handled: boolean; out: string } {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  const handled = streamed(Buffer.from(JSON.stringify(value)), pretty);
  vi.restoreAllMocks();
  return { handled, out };
}

const random = mulberry32(15);
/** Requests of every plain kind: both metrics, the options, two to four arms, some too small to compare. */
const requests = Array.from({ length: 400 }, (_, i) => {
  const arms = 2 + (i % 3);
  const mean = i % 4 === 3;
  const variants = Array.from({ length: arms }, (_, a) => {
    const users = i % 50 === 0 && a === 1 ? 1 : 200 + Math.floor(random() * 5_000);
    const sum = mean ? users * (3 + random()) : Math.floor(users * (0.05 + random() * 0.1));
    return mean
      ? { key: `arm-${a}`, users, sum, sumSquares: (sum * sum) / users + users * 4 }
      : { key: `arm-${a}`, users, sum };
  });
  const options = [
    {},
    { engine: 'bayesian' },
    { difference: 'absolute', alpha: 0.1 },
    { correction: 'holm' },
    { sequential: 5000 },
  ];
  return { metric: mean ? 'mean' : 'binomial', variants, ...options[i % options.length] };
});

describe('streamed analysis', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes what analysing the parsed file whole writes, compact and pretty', () => {
    const whole = requests.map((r) => analyze(JSON.parse(JSON.stringify(r))));
    const compact = run(requests);
    expect(compact.handled).toBe(true);
    expect(compact.out).toBe(`${JSON.stringify(whole)}\n`);
    expect(run(requests, true).out).toBe(`${JSON.stringify(whole, null, 2)}\n`);
    expect(run([]).out).toBe('[]\n');
  });

  it('writes nothing and hands over when any request is refused, even the last, or the file is not plain', () => {
    const refused = [
      ...requests,
      {
        metric: 'binomial',
        variants: [
          { key: 'a', users: 10, sum: 11 },
          { key: 'b', users: 10 },
        ],
      },
    ];
    expect(run(refused)).toEqual({ handled: false, out: '' });
    expect(run([...requests, { ...requests[0], weights: [1, 1] }])).toEqual({ handled: false, out: '' });
    expect(run(requests[0])).toEqual({ handled: false, out: '' });
  });
});
