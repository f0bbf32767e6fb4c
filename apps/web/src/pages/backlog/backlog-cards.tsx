import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPinFilled } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ListCard } from '../../components/list-card';
import { StatusBadge } from '../../components/status-badge';
import { TitleText } from '../../components/title-text';
import { formatMonths, formatRoi, humanize } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import type { BacklogItem } from './backlog-table';

function Figure({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600} data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
        {children}
      </Text>
    </Stack>
  );
}

/**
 * The backlog on a phone: one card per hypothesis with what a decision needs at a glance — rank, title,
 * status, ROI, expected monthly gain and payback. Sorting and filters stay above, as on the table.
 */
export function BacklogCards({ items, currency }: { items: BacklogItem[]; currency: string | null }) {
  return (
    <Stack gap={0} data-testid="backlog-cards">
      {items.map((h) => (
        <ListCard key={h.id} data-testid="backlog-card" data-id={h.id}>
          <Stack gap={6}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Text size="sm" fw={700} c={h.rank === null ? 'dimmed' : undefined} data-testid="card-rank">
                {h.rank === null ? '—' : `#${h.rank}`}
              </Text>
              {h.pinnedRank !== null && (
                <IconPinFilled size={14} color="var(--mantine-color-orange-6)" aria-label="Pinned" />
              )}
              <TitleText to={`/hypotheses/${h.id}`} size="sm" fw={500} style={{ flex: 1 }} data-testid="card-title">
                {h.title}
              </TitleText>
            </Group>
            <Group gap="xs">
              <StatusBadge status={h.status} size="sm" />
              <Text size="xs" c="dimmed">
                {humanize(h.channel)} · {humanize(h.funnelStage)}
              </Text>
            </Group>
            <SimpleGrid cols={3} spacing="xs">
              <Figure label="ROI" testId="card-roi">
                <Text span inherit c={h.roi >= 0 ? 'teal.7' : 'red.7'}>
                  {formatRoi(h.roi)}
                </Text>
              </Figure>
              <Figure label="Gain / month" testId="card-gain">
                {formatMoney(h.expectedMonthlyGain, currency)}
              </Figure>
              <Figure label="Payback" testId="card-payback">
                {formatMonths(h.paybackMonths)}
              </Figure>
            </SimpleGrid>
          </Stack>
        </ListCard>
      ))}
    </Stack>
  );
}
