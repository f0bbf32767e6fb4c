import {
  Anchor,
  Badge,
  Center,
  Grid,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconArrowLeft, IconPinFilled } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { StatusBadge } from '../../components/status-badge';
import { httpStatusOf } from '../../lib/errors';
import { formatDateTime, formatMonths, formatRoi, humanize } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { isNotFound, NotFoundPage } from '../not-found-page';
import { AuditTrail } from './audit-trail';
import { CalibratedRoiNote } from './calibrated-roi-note';
import { HypothesisActions } from './hypothesis-actions';
import { HypothesisExperiments } from './hypothesis-experiments';
import { RoiAtApproval } from './roi-at-approval';
import { ScoreBreakdown } from './score-breakdown';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

export function HypothesisPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const query = useQuery(trpc.hypothesis.get.queryOptions({ id }));

  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader data-testid="hypothesis-loading" />
      </Center>
    );
  }
  if (query.isError) {
    if (isNotFound(httpStatusOf(query.error))) {
      return (
        <NotFoundPage
          title="No such hypothesis"
          description="Nothing in this workspace has this address: it may have been mistyped, or belong to another workspace."
        />
      );
    }
    return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  }
  const h = query.data;
  const ice = [h.iceImpact, h.iceConfidence, h.iceEase];

  return (
    <Stack gap="md" data-testid="hypothesis-page" data-id={h.id}>
      <Anchor component={Link} to="/" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> Backlog
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Title order={2} data-testid="hypothesis-title">
            {h.title}
          </Title>
          <Group gap="xs">
            <StatusBadge status={h.status} size="lg" />
            {h.pinnedRank !== null && (
              <Tooltip label={h.pinReason ?? ''} disabled={!h.pinReason}>
                <Badge
                  color="orange"
                  variant="light"
                  size="lg"
                  leftSection={<IconPinFilled size={12} />}
                  data-testid="pinned-badge"
                >
                  Pinned #{h.pinnedRank}
                </Badge>
              </Tooltip>
            )}
            <Text size="sm" c="dimmed">
              by {h.author.name} · {formatDateTime(h.createdAt)}
            </Text>
          </Group>
        </Stack>
        <Paper withBorder px="md" py="xs">
          <Group gap="lg">
            <Fact label="ROI" testId="hypothesis-roi">
              <Text span fw={700} c={h.roi >= 0 ? 'teal.7' : 'red.7'}>
                {formatRoi(h.roi)}
              </Text>
            </Fact>
            <Fact label="Payback" testId="hypothesis-payback">
              {formatMonths(h.paybackMonths)}
            </Fact>
          </Group>
        </Paper>
      </Group>
      <HypothesisActions hypothesis={h} />
      <HypothesisExperiments hypothesisId={h.id} />
      {h.decisionReason && (
        <Paper withBorder p="sm" bg="gray.0" data-testid="decision-reason">
          <Text size="sm">
            <Text span fw={600}>
              Decision note:{' '}
            </Text>
            {h.decisionReason}
          </Text>
        </Paper>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" h="100%">
            <Stack gap="md">
              <Title order={4}>Hypothesis</Title>
              <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="hypothesis-statement">
                {h.statement}
              </Text>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
                <Fact label="Funnel stage">{humanize(h.funnelStage)}</Fact>
                <Fact label="Channel">{humanize(h.channel)}</Fact>
                <Fact label="Segment">{h.segment}</Fact>
                <Fact label="Offer">{h.offer}</Fact>
                <Fact label="ICE (impact · confidence · ease)">
                  {ice.every((v) => v === null) ? '—' : ice.map((v) => v ?? '–').join(' · ')}
                </Fact>
                <Fact label="Last change">{formatDateTime(h.updatedAt)}</Fact>
              </SimpleGrid>
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md" h="100%">
            <Stack gap="xs">
              <Title order={4}>Score breakdown</Title>
              <Text size="xs" c="dimmed">
                Ranked among open hypotheses by ROI (the calibrated one once 10 tests have completed), unless a product
                owner pinned it.
              </Text>
              <ScoreBreakdown rows={h.breakdown} />
              <CalibratedRoiNote hypothesis={h} />
              <RoiAtApproval approval={h.atApproval} />
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
      <AuditTrail hypothesisId={h.id} />
    </Stack>
  );
}
