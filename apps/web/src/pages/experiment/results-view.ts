import { useCallback } from 'react';
import { useSearchParamsState } from '../../lib/search-params';
import type { LiftView } from './results-model';

/**
 * The results' reading lives in the URL (?view=absolute), so a copied link opens the page as its sender saw
 * it; relative, the default, leaves the URL clean.
 */
export function useLiftView() {
  const [params, setParams] = useSearchParamsState();
  const view: LiftView = params.get('view') === 'absolute' ? 'absolute' : 'relative';
  const setView = useCallback(
    (next: LiftView) =>
      setParams((params) => {
        if (next === 'relative') params.delete('view');
        else params.set('view', next);
        return params;
      }),
    [setParams],
  );
  return [view, setView] as const;
}
