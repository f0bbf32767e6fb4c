import { Anchor, Badge, Code, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import { useCurrency } from '../../../lib/money';
import { useSession } from '../../../lib/session';
import { useTRPC } from '../../../lib/trpc';
import { evidenceSentence, stepLabel } from '../evidence-words';
import { evidenceOf, type InboxPromotion } from '../types';
import { NextRungReach } from './next-rung-reach';
import { ProposalDecision } from './proposal-decision';
import { ReadinessStatus } from './readiness-status';
import { SegmentScope } from './segment-scope';

interface Props {
  promotion: InboxPromotion;
  /** Whether the target rung's policy asks for a readiness check. */
  gate: boolean;
}

/** An open proposal with its evidence in words, its scope, the readiness gate, and approve / reject. */
export function ProposalCard({ promotion: p, gate }: Props) {
  const currency = useCurrency();
  const trpc = useTRPC();
  const { can } = useSession();
  const { hash } = useLocation();
  const evidence = evidenceOf(p.evidence);
  // The evidence names the experiment; its primary metric and α make the sentence read naturally.
  const source = useQuery(
    trpc.experiment.get.queryOptions({ key: evidence.experiment ?? '' }, { enabled: Boolean(evidence.experiment) }),
  );
  const setup = source.data?.experiment;
  const metric = (setup?.metrics as { primary?: { name?: string } } | undefined)?.primary?.name;
  const alpha = (setup?.analysis as { alpha?: number } | undefined)?.alpha;
  const wins = evidence.segmentsWon ?? [];
  const [segments, setSegments] = useState<string[]>(p.segments);
  const [reach, setReach] = useState<number | null>(null);
  const demote = p.kind === 'DEMOTE';
  const linked = hash === `#promotion-${p.id}`;

  return (
    <Paper
      withBorder
      p="md"
      id={`promotion-${p.id}`}
      shadow={linked ? 'md' : undefined}
      bd={linked ? '2px solid var(--mantine-color-indigo-5)' : undefined}
      data-testid="proposal"
      data-promotion={p.id}
      data-offer={p.offer.id}
      data-kind={p.kind}
      data-to={p.toRung}
    >
      <Stack gap="sm">
        <Stack gap={2}>
          <Group gap="xs">
            <Anchor
              component={Link}
              to={`/ladder/offers/${encodeURIComponent(p.offer.id)}`}
              fw={600}
              data-testid="proposal-offer"
            >
              {p.offer.name}
            </Anchor>
            <Badge color={demote ? 'orange' : 'indigo'} variant="light" data-testid="proposal-step">
              {stepLabel(p)}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            Proposed {formatDateTime(p.createdAt)}
            {evidence.experiment && (
              <>
                {' '}
                from{' '}
                <Anchor component={Link} to={`/experiments/${encodeURIComponent(evidence.experiment)}`} size="xs">
                  <Code fz="xs">{evidence.experiment}</Code>
                </Anchor>
              </>
            )}
          </Text>
        </Stack>
        <Text size="sm" fw={500} data-testid="proposal-evidence">
          {evidenceSentence({ ...p, evidence }, { metric, alpha, currency })}
        </Text>
        {!demote && evidence.reason && (
          <Text size="xs" c="dimmed">
            {evidence.reason}
          </Text>
        )}
        {wins.length > 0 && (
          <SegmentScope
            wins={wins}
            value={segments}
            onChange={setSegments}
            editable={can('promotion.decide')}
            scoped={p.segments.length > 0}
          />
        )}
        {!demote && (
          <NextRungReach
            evidence={evidence}
            toRung={p.toRung}
            value={reach}
            onChange={setReach}
            editable={can('promotion.decide')}
          />
        )}
        {!demote && <ReadinessStatus offerId={p.offer.id} rung={p.toRung} gate={gate} />}
        <ProposalDecision promotion={p} segments={segments} reachPerMonth={reach} />
      </Stack>
    </Paper>
  );
}
