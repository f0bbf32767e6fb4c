import { useSession } from './session';

const cache = new Map<string, Intl.NumberFormat>();
function formatter(currency: string | null, cents: boolean, signed: boolean) {
  const id = `${currency}|${cents}|${signed}`;
  let f = cache.get(id);
  if (!f) {
    f = new Intl.NumberFormat('en-US', {
      ...(currency && { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }),
      minimumFractionDigits: cents ? 2 : 0,
      maximumFractionDigits: cents ? 2 : 0,
      ...(signed && { signDisplay: 'exceptZero' }),
    });
    cache.set(id, f);
  }
  return f;
}

/**
 * An amount of money in the workspace's currency (Workspace.currency: "€7,700", "CHF 12.50"); a workspace that
 * has set none gets the bare number. Cents only where they matter, as formatAmount.
 */
export const formatMoney = (value: number, currency: string | null, { signed = false } = {}) =>
  formatter(currency, Math.abs(value) < 100 && !Number.isInteger(value), signed).format(value);

/** formatMoney bound to the signed-in workspace's currency. */
export function useMoney() {
  const { workspace } = useSession();
  const currency = workspace.currency ?? null;
  return (value: number, options?: { signed?: boolean }) => formatMoney(value, currency, options);
}

/** The signed-in workspace's currency code, or null when it has set none. */
export const useCurrency = () => useSession().workspace.currency ?? null;
