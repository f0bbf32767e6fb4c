import { useQuery } from '@tanstack/react-query';
import { formatCount, formatRoi } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import { useTRPC } from '../../lib/trpc';
import { FigureBlock } from './figure-block';
import { FigureTable } from './figure-table';

/**
 * The P&L over every workspace the signed-in person belongs to, per currency (issue 12 §3); shown only to people
 * in more than one workspace, where it says something the workspace's own P&L does not.
 */
export function PortfolioBlock() {
  const trpc = useTRPC();
  const portfolio = useQuery(trpc.me.portfolio.queryOptions());
  const data = portfolio.data;
  if (!data || data.workspaces.length < 2) return null;
  const table = {
    columns: ['Currency', 'Workspaces', 'Tests run', 'Cost', 'Wins', 'Gain to date', 'Net', 'ROI'],
    rows: data.totals.map((t) => [
      t.currency ?? 'none set',
      formatCount(t.workspaces),
      formatCount(t.testsRun),
      formatMoney(t.cost, t.currency),
      formatCount(t.wins),
      formatMoney(t.gainToDate, t.currency),
      formatMoney(t.net, t.currency),
      t.roi === null ? '—' : formatRoi(t.roi),
    ]),
  };
  return (
    <FigureBlock
      title="Your portfolio"
      explanation={`The P&L of your ${data.workspaces.length} workspaces (${data.workspaces.map((w) => w.name).join(', ')}), summed per currency.`}
      testId="insights-portfolio"
    >
      <FigureTable name="portfolio" table={table} />
    </FigureBlock>
  );
}
