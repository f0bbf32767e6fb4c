import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { LiftView } from './results-model';

/**
 * The results' reading lives in the URL (?view=absolute), so a copied link opens the page as its sender saw
 * it; relative, the default, leaves the URL clean.
 */
export function useLiftView() {
  const [params, setParams] = useSearchParams();
  const view: LiftView = params.get('view') === 'absolute' ? 'absolute' : 'relative';
  const setView = useCallback(
    (next: LiftView) =>
      setParams(
        (prev) => {
          const params = new URLSearchParams(prev);
          if (next === 'relative') params.delete('view');
          else params.set('view', next);
          return params;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [view, setView] as const;
}
