import { describe, expect, it } from 'vitest';
import { AskedParams } from './search-params';

const p = (s: string) => new URLSearchParams(s);

describe('AskedParams', () => {
  it('builds a change made before the last one rendered on the last one, not on the render', () => {
    const asked = new AskedParams();
    const shown = p('q=webinar');
    // Filters cleared; before that renders, a status is picked.
    const cleared = asked.ask(p(''));
    expect(asked.base(shown).toString()).toBe(cleared.toString());
    const base = asked.base(shown);
    base.set('status', 'APPROVED');
    asked.ask(base);
    // The clear renders first, then the status: each step builds on what was asked last.
    expect(asked.base(p('')).toString()).toBe('status=APPROVED');
    expect(asked.base(p('status=APPROVED')).toString()).toBe('status=APPROVED');
  });

  it('follows the address once a render shows what was asked, and then any later one (back, forward)', () => {
    const asked = new AskedParams();
    asked.ask(p('sort=roi'));
    asked.seen(p('sort=roi'));
    // Back: the address moves without a change of ours.
    expect(asked.base(p('page=2')).toString()).toBe('page=2');
  });

  it('hands out a copy: changing it changes neither the render nor what was asked', () => {
    const asked = new AskedParams();
    const shown = p('q=a');
    asked.base(shown).set('q', 'b');
    expect(shown.toString()).toBe('q=a');
    asked.ask(p('q=c'));
    asked.base(shown).set('q', 'd');
    expect(asked.base(shown).toString()).toBe('q=c');
  });
});
