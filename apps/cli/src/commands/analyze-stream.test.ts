import { analyze } from '@uplift/domain/engine';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../packages/domain/src/stats/prng';
import { streamed } from './analyze-stream';

/** What `streamed` answered and wrote. */
async function run(value: unknown, pretty = false, holdUpTo?: number): Promise<{ handled: boolean; out: string }> {
  let out = '';
  const sink = {
    write: (chunk: Uint8Array | string) => {
      out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return true;
    },
    drained: async () => {},
  };
  const handled = await streamed(Buffer.from(JSON.stringify(value)), pretty, holdUpTo, sink);
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
  it('writes what analysing the parsed file whole writes, compact and pretty', async () => {
    const whole = requests.map((r) => analyze(JSON.parse(JSON.stringify(r))));
    const compact = await run(requests);
    expect(compact.handled).toBe(true);
    expect(compact.out).toBe(`${JSON.stringify(whole)}\n`);
    expect((await run(requests, true)).out).toBe(`${JSON.stringify(whole, null, 2)}\n`);
    expect((await run([])).out).toBe('[]\n');
  });

  it('past the text it may hold, reads the rest again and writes the same text; a refusal still writes nothing', async () => {
    const whole = `${JSON.stringify(requests.map((r) => analyze(JSON.parse(JSON.stringify(r)))))}\n`;
    const pretty = `${JSON.stringify(JSON.parse(whole), null, 2)}\n`;
    // 1 byte: the first result's chunk is already past it; 100 kB: a chunk or two held, then the rest streamed.
    for (const holdUpTo of [1, 100_000]) {
      expect(await run(requests, false, holdUpTo)).toEqual({ handled: true, out: whole });
      expect(await run(requests, true, holdUpTo)).toEqual({ handled: true, out: pretty });
      const refusedLast = [...requests, { metric: 'binomial', variants: [{ key: 'a', users: 1, sum: 2 }] }];
      expect(await run(refusedLast, false, holdUpTo)).toEqual({ handled: false, out: '' });
    }
  });

  it('writes nothing and hands over when any request is refused, even the last, or the file is not plain', async () => {
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
    expect(await run(refused)).toEqual({ handled: false, out: '' });
    expect(await run([...requests, { ...requests[0], weights: [1, 1] }])).toEqual({ handled: false, out: '' });
    expect(await run(requests[0])).toEqual({ handled: false, out: '' });
  });

  it('waits for a lagging reader: after a write stdout holds back, nothing more is written until it drains', async () => {
    const many = Array.from({ length: 40 }, () => requests).flat(); // 16,000 requests: several 64 kB chunks
    let writes = 0;
    let drain = () => {};
    const sink = {
      write: () => ++writes > 1,
      drained: () => new Promise<void>((resolve) => (drain = resolve)),
    };
    const done = streamed(Buffer.from(JSON.stringify(many)), false, undefined, sink);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(writes).toBe(1); // the first chunk was held back: nothing more until it drains
    drain();
    expect(await done).toBe(true);
    expect(writes).toBeGreaterThan(2);
  });
});
