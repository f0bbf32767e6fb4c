import { Group, Table, Text, Tooltip } from '@mantine/core';
import { IconPinFilled } from '@tabler/icons-react';
import type { RouterOutputs } from '@uplift/api';
import { StatusBadge } from '../../components/status-badge';
import { TitleText } from '../../components/title-text';
import { formatDate, formatMonths, formatRoi, humanize } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import type { BacklogView } from './backlog-view';
import { PlannedStart } from './planned-start';
import { SortHeader } from './sort-header';

export type BacklogItem = RouterOutputs['hypothesis']['list']['items'][number];

interface Props {
  items: BacklogItem[];
  view: BacklogView;
  onChange: (patch: Partial<BacklogView>) => void;
  currency: string | null;
}

export function BacklogTable({ items, view, onChange, currency }: Props) {
  const header = { view, onChange };
  return (
    // Nine columns need a wide screen; phones get cards (backlog-cards.tsx).
    <Table.ScrollContainer minWidth={960} type="native">
      <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="sm" data-testid="backlog-table">
        <Table.Thead>
          <Table.Tr>
            <SortHeader sort="rank" {...header}>
              Rank
            </SortHeader>
            <SortHeader sort="title" {...header}>
              Title
            </SortHeader>
            <Table.Th>Stage, channel</Table.Th>
            <SortHeader sort="status" {...header}>
              Status
            </SortHeader>
            <SortHeader sort="roi" align="right" {...header}>
              ROI
            </SortHeader>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              Gain / month
            </Table.Th>
            <SortHeader sort="calibratedRoi" align="right" {...header}>
              Calibrated ROI
            </SortHeader>
            <SortHeader sort="payback" align="right" {...header}>
              Payback
            </SortHeader>
            <SortHeader sort="createdAt" {...header}>
              Created
            </SortHeader>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((h) => (
            <Table.Tr key={h.id} data-testid="backlog-row" data-id={h.id}>
              <Table.Td data-testid="cell-rank">
                <Group gap={4} wrap="nowrap">
                  <Text size="sm" fw={600} c={h.rank === null ? 'dimmed' : undefined}>
                    {h.rank ?? '—'}
                  </Text>
                  {h.pinnedRank !== null && (
                    <Tooltip label={`Pinned at #${h.pinnedRank} by a product owner`}>
                      <IconPinFilled
                        size={14}
                        color="var(--mantine-color-orange-6)"
                        aria-label="Pinned"
                        data-testid="pin-icon"
                      />
                    </Tooltip>
                  )}
                </Group>
              </Table.Td>
              <Table.Td miw={200} maw={280}>
                <TitleText to={`/hypotheses/${h.id}`} size="sm" fw={500} data-testid="cell-title">
                  {h.title}
                </TitleText>
                <Text size="xs" c="dimmed" truncate="end">
                  {h.segment}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {humanize(h.funnelStage)}
                <Text size="xs" c="dimmed">
                  {humanize(h.channel)}
                </Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={h.status} />
                <PlannedStart hypothesisId={h.id} status={h.status} />
              </Table.Td>
              <Table.Td ta="right" data-testid="cell-roi">
                <Text size="sm" fw={600} c={h.roi >= 0 ? 'teal.7' : 'red.7'}>
                  {formatRoi(h.roi)}
                </Text>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="cell-gain">
                {formatMoney(h.expectedMonthlyGain, currency)}
              </Table.Td>
              <Table.Td ta="right" data-testid="cell-calibrated-roi">
                {h.calibratedRoi === null ? (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                ) : (
                  <Text size="sm" fw={600} c={h.calibratedRoi >= 0 ? 'teal.7' : 'red.7'}>
                    {formatRoi(h.calibratedRoi)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="cell-payback">
                {formatMonths(h.paybackMonths)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }} maw={120}>
                {formatDate(h.createdAt)}
                <Text size="xs" c="dimmed" truncate="end" title={h.authorName} data-testid="cell-author">
                  {h.authorName}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
