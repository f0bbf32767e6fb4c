import { useQuery } from '@tanstack/react-query';
import { useTRPC } from './trpc';

const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const byCurrency = new Map<string, Intl.NumberFormat>();

/** Money in the workspace's currency (€7,700); a plain number until the workspace has set one. */
export function formatMoney(value: number, currency: string | null) {
  if (!currency) return plain.format(value);
  let format = byCurrency.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 });
    byCurrency.set(currency, format);
  }
  return format.format(value);
}

/** The workspace's currency (Workspace.currency, set in Settings), null while loading or unset. */
export function useCurrency(): string | null {
  const trpc = useTRPC();
  return useQuery(trpc.workspace.get.queryOptions()).data?.currency ?? null;
}
