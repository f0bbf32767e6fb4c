import { Code, Table, Text } from '@mantine/core';
import { formatMonths, formatRate, formatRoi } from '../../lib/format';
import { formatMoney, useCurrency } from '../../lib/money';
import type { HypothesisDetail } from './hypothesis-actions';

type Row = HypothesisDetail['breakdown'][number];

const count = new Intl.NumberFormat('en-US');

// Each factor in the unit people think in: rates as %, ROI signed, payback in months.
function formatFactor({ symbol, value }: Row, currency: string | null): string {
  if (value === null) return '—';
  switch (symbol) {
    case 'R':
      return count.format(value);
    case 'b':
    case 'l':
    case 'c':
      return formatRate(value);
    case 'H':
      return String(value);
    case '(gain − C)/C':
      return formatRoi(value);
    case 'C/monthly gain':
      return formatMonths(value);
    default:
      // Value per conversion, cost and gains: money.
      return formatMoney(value, currency);
  }
}

/** Why the idea ranks where it does: every factor of its ROI, as the api computed it. */
export function ScoreBreakdown({ rows }: { rows: HypothesisDetail['breakdown'] }) {
  const currency = useCurrency();
  return (
    <Table data-testid="score-breakdown" verticalSpacing={6}>
      <Table.Tbody>
        {rows.map((row) => {
          const result = row.label === 'ROI' || row.label === 'Expected gain' || row.label === 'Payback (months)';
          return (
            <Table.Tr key={row.label} data-testid="breakdown-row" data-symbol={row.symbol}>
              <Table.Td>
                <Text size="sm" fw={result ? 600 : 400}>
                  {row.label}
                </Text>
              </Table.Td>
              <Table.Td>
                <Code style={{ whiteSpace: 'nowrap' }}>{row.symbol}</Code>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" fw={result ? 700 : 500}>
                  {formatFactor(row, currency)}
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
