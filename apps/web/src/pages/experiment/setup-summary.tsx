import { Code, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { describeScope, winnerSendOf } from '@uplift/domain';
import type { ReactNode } from 'react';
import { formatCount, formatDateTime, formatRate, humanize } from '../../lib/format';
import { type ExperimentRow, setupOf } from './types';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

const CORRECTION: Record<string, string> = { none: 'None', holm: 'Holm', bh: 'Benjamini–Hochberg' };

/** How the experiment is set up, and how to feed it data. */
export function SetupSummary({ experiment: e }: { experiment: ExperimentRow }) {
  const { variants, metrics, analysis } = setupOf(e);
  const winnerSend = winnerSendOf(e);
  const example = JSON.stringify({
    events: [
      { id: 'evt-1', experiment: e.key, unit: 'user-42', type: 'exposure', variant: variants[0]?.key },
      { id: 'evt-2', experiment: e.key, unit: 'user-42', type: 'conversion' },
    ],
  });
  return (
    <Stack gap="md" data-testid="setup-summary">
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Fact label="Key">
            <Code>{e.key}</Code>
          </Fact>
          <Fact label="Channel">{humanize(e.channel)}</Fact>
          <Fact label="Planned users">{formatCount(e.plannedUsers)}</Fact>
          <Fact label="Reach per month">{e.reachPerMonth === null ? '—' : formatCount(e.reachPerMonth)}</Fact>
          <Fact label="Segment attribute">{e.segmentAttribute ?? '—'}</Fact>
          <Fact label="Scope">{describeScope(e) ?? 'Every unit'}</Fact>
          <Fact label="Primary metric">
            {metrics.primary.name} (
            {metrics.primary.kind === 'binomial'
              ? 'conversion'
              : metrics.primary.kind === 'ratio'
                ? `${metrics.primary.numerator} per ${metrics.primary.denominator}`
                : 'average value'}
            )
          </Fact>
          <Fact label="Guardrails">
            {metrics.guardrails.length
              ? metrics.guardrails
                  .map((g) => `${g.name} (${g.direction === 'down' ? 'down' : 'up'} is good)`)
                  .join(', ')
              : 'None'}
          </Fact>
          <Fact label="Analysis">
            {[
              `${humanize(analysis.engine)}, α = ${analysis.alpha}`,
              analysis.sequential ? `sequential (N* = ${formatCount(analysis.sequential)})` : 'fixed horizon',
              analysis.sequential && analysis.minLift ? `stops flat inside ±${formatRate(analysis.minLift)}` : null,
              // A correction adjusts p-values: the frequentist rule's only.
              analysis.engine === 'frequentist'
                ? `correction ${CORRECTION[analysis.correction] ?? analysis.correction}`
                : null,
            ]
              .filter(Boolean)
              .join(', ')}
          </Fact>
          {e.channel === 'EMAIL' && (
            <Fact label="Winner send">
              {winnerSend
                ? `${formatRate(winnerSend.testShare)} of ${formatCount(winnerSend.audienceSize)} tested; the winner goes to the rest within ${winnerSend.decisionHours} h of the send`
                : 'None: the whole list is in the test'}
            </Fact>
          )}
          <Fact label="Dates">
            Created {formatDateTime(e.createdAt)}
            {e.startedAt && <div>Started {formatDateTime(e.startedAt)}</div>}
            {e.endedAt && <div>Ended {formatDateTime(e.endedAt)}</div>}
          </Fact>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md">
        <Title order={5} mb="xs">
          Variants
        </Title>
        <Table data-testid="setup-variants">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Key</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th ta="right">Share of traffic</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {variants.map((v, i) => (
              <Table.Tr key={v.key}>
                <Table.Td>
                  <Code>{v.key}</Code>{' '}
                  {i === 0 && (
                    <Text span size="xs" c="dimmed">
                      control
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{v.name}</Table.Td>
                <Table.Td ta="right">{formatRate(v.weight)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder p="md">
        <Title order={5} mb="xs">
          Sending data
        </Title>
        <Text size="sm" mb="xs">
          POST exposures and conversions to <Code>/v1/events</Code> with an API key that has the ingest scope (an admin
          creates one under Integrations), or import a campaign report in the “Import results” tab. Units are assigned
          with the seed <Code>{e.seed}</Code>; <Code>GET /v1/assign</Code> tells a unit's variant.
        </Text>
        <Code
          block
        >{`curl -X POST $UPLIFT_API/v1/events \\\n  -H "Authorization: Bearer $UPLIFT_KEY" -H "content-type: application/json" \\\n  -d '${example}'`}</Code>
      </Paper>
    </Stack>
  );
}
