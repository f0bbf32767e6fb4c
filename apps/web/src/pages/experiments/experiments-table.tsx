import { Code, Progress, Stack, Table, Text } from '@mantine/core';
import type { RouterOutputs } from '@uplift/api';
import type { ExperimentStatus, HypothesisStatus } from '@uplift/domain';
import { ExperimentStatusBadge } from '../../components/experiment-status-badge';
import { OutcomeBadge } from '../../components/outcome-badge';
import { StatusBadge } from '../../components/status-badge';
import { TitleText } from '../../components/title-text';
import { formatCount, formatDate, humanize } from '../../lib/format';
import { ExperimentLift } from './experiment-lift';

export type ExperimentListRow = RouterOutputs['experiment']['list'][number];

export const experimentPath = (key: string) => `/experiments/${encodeURIComponent(key)}`;

export function ExperimentsTable({ rows }: { rows: ExperimentListRow[] }) {
  return (
    <Table.ScrollContainer minWidth={1080} type="native">
      <Table verticalSpacing="sm" highlightOnHover data-testid="experiments-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Experiment</Table.Th>
            <Table.Th>Hypothesis</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Channel</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th miw={150}>Users / planned</Table.Th>
            <Table.Th ta="right">Lift</Table.Th>
            <Table.Th>Latest decision</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((e) => (
            <Table.Tr key={e.id} data-testid="experiment-row" data-key={e.key} data-status={e.status}>
              <Table.Td maw={260}>
                <Stack gap={2}>
                  <TitleText to={experimentPath(e.key)} fw={500} size="sm" data-testid="experiment-name">
                    {e.name}
                  </TitleText>
                  <Code fz="xs" w="fit-content" className="uplift-title">
                    {e.key}
                  </Code>
                </Stack>
              </Table.Td>
              <Table.Td maw={260}>
                <Stack gap={4}>
                  <TitleText to={`/hypotheses/${e.hypothesis.id}`} size="sm">
                    {e.hypothesis.title}
                  </TitleText>
                  <StatusBadge status={e.hypothesis.status as HypothesisStatus} size="xs" w="fit-content" />
                </Stack>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="experiment-owner">
                {e.owner.name}
              </Table.Td>
              <Table.Td>{humanize(e.channel)}</Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <ExperimentStatusBadge status={e.status as ExperimentStatus} />
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {e.startedAt ? `since ${formatDate(e.startedAt)}` : `created ${formatDate(e.createdAt)}`}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  <Text size="sm" data-testid="experiment-progress" style={{ whiteSpace: 'nowrap' }}>
                    {formatCount(e.users)} / {formatCount(e.plannedUsers)}
                  </Text>
                  <Progress size="sm" value={Math.min(100, (e.users / e.plannedUsers) * 100)} />
                </Stack>
              </Table.Td>
              <Table.Td ta="right">
                <ExperimentLift lift={e.lift} />
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
