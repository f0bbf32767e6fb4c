import { useCallback, useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The address a page's next change builds on. react-router hands the function form of setSearchParams the params
 * of the render the setter came from — it does not queue like React's setState — and a navigation re-renders in a
 * transition, so a second change made before the first one has rendered (the filters cleared, then a status picked
 * straight after, on a busy machine or by a quick hand) was built on the old address and brought back what the
 * first one had removed. So the address last asked for is kept until a render shows it.
 */
export class AskedParams {
  private asked: URLSearchParams | null = null;

  /** A render showed `rendered`: once it is the address asked for, the address is followed again. */
  seen(rendered: URLSearchParams): void {
    if (this.asked && this.asked.toString() === rendered.toString()) this.asked = null;
  }

  /** What the next change builds on, given the params the current render shows. */
  base(rendered: URLSearchParams): URLSearchParams {
    this.seen(rendered);
    return new URLSearchParams(this.asked ?? rendered);
  }

  /** Records an address asked for (not rendered yet). */
  ask(next: URLSearchParams): URLSearchParams {
    this.asked = next;
    return next;
  }
}

/** useSearchParams whose updater builds on the address last asked for (AskedParams); changes replace history. */
export function useSearchParamsState() {
  const [params, setParams] = useSearchParams();
  const asked = useRef(new AskedParams());
  const rendered = useRef(params);
  rendered.current = params;
  asked.current.seen(params);
  const update = useCallback(
    (change: (current: URLSearchParams) => URLSearchParams) => {
      const next = asked.current.ask(change(asked.current.base(rendered.current)));
      setParams(next, { replace: true });
    },
    [setParams],
  );
  return [params, update] as const;
}
