import { Anchor, Code, Progress, Stack, Table, Text } from '@mantine/core';
import type { RouterOutputs } from '@uplift/api';
import type { ExperimentStatus, HypothesisStatus } from '@uplift/domain';
import { Link } from 'react-router';
import { ExperimentStatusBadge } from '../../components/experiment-status-badge';
import { OutcomeBadge } from '../../components/outcome-badge';
import { StatusBadge } from '../../components/status-badge';
import { formatCount, formatDate, humanize } from '../../lib/format';

export type ExperimentListRow = RouterOutputs['experiment']['list'][number];

export function ExperimentsTable({ rows }: { rows: ExperimentListRow[] }) {
  return (
    <Table.ScrollContainer minWidth={960} type="native">
      <Table verticalSpacing="sm" highlightOnHover data-testid="experiments-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Experiment</Table.Th>
            <Table.Th>Hypothesis</Table.Th>
            <Table.Th>Channel</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th miw={170}>Users / planned</Table.Th>
            <Table.Th>Latest decision</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((e) => (
            <Table.Tr key={e.id} data-testid="experiment-row" data-key={e.key}>
              <Table.Td>
                <Stack gap={2}>
                  <Anchor component={Link} to={`/experiments/${encodeURIComponent(e.key)}`} fw={500} size="sm">
                    {e.name}
                  </Anchor>
                  <Code fz="xs" w="fit-content">
                    {e.key}
                  </Code>
                </Stack>
              </Table.Td>
              <Table.Td maw={280}>
                <Stack gap={4}>
                  <Anchor component={Link} to={`/hypotheses/${e.hypothesis.id}`} size="sm" lineClamp={2}>
                    {e.hypothesis.title}
                  </Anchor>
                  <StatusBadge status={e.hypothesis.status as HypothesisStatus} size="xs" w="fit-content" />
                </Stack>
              </Table.Td>
              <Table.Td>{humanize(e.channel)}</Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <ExperimentStatusBadge status={e.status as ExperimentStatus} />
                  <Text size="xs" c="dimmed">
                    {e.startedAt ? `since ${formatDate(e.startedAt)}` : `created ${formatDate(e.createdAt)}`}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  <Text size="sm" data-testid="experiment-progress">
                    {formatCount(e.users)} / {formatCount(e.plannedUsers)}
                  </Text>
                  <Progress size="sm" value={Math.min(100, (e.users / e.plannedUsers) * 100)} />
                </Stack>
              </Table.Td>
              <Table.Td>
                <OutcomeBadge outcome={e.latestOutcome} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
