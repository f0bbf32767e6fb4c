import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import { useCurrency } from '../../../lib/money';
import { evidenceSentence, stepLabel } from '../evidence-words';
import { evidenceOf, type PromotionRow } from '../types';

const STATUS: Record<string, { label: string; color: string }> = {
  PROPOSED: { label: 'Waiting for approval', color: 'yellow' },
  APPLIED: { label: 'Applied', color: 'green' },
  REJECTED: { label: 'Rejected', color: 'red' },
};

/** One step up or back: its evidence, its scope, and who decided it when. */
export function PromotionEntry({ promotion: p }: { promotion: PromotionRow }) {
  const currency = useCurrency();
  const status = STATUS[p.status] ?? { label: p.status, color: 'gray' };
  const evidence = evidenceOf(p.evidence);
  return (
    <Stack gap={4} data-testid="journey-promotion" data-promotion={p.id} data-status={p.status} data-kind={p.kind}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {p.kind === 'DEMOTE' ? 'Step back' : 'Step up'}: {stepLabel(p)}
        </Text>
        <Badge color={status.color} variant="light" size="sm" data-testid="journey-promotion-status">
          {status.label}
        </Badge>
        {p.status === 'PROPOSED' && (
          <Anchor component={Link} to={`/ladder/inbox#promotion-${p.id}`} size="sm">
            Open in the inbox
          </Anchor>
        )}
      </Group>
      <Text size="sm" data-testid="journey-promotion-evidence">
        {evidenceSentence({ ...p, evidence }, { currency })}
      </Text>
      {p.segments.length > 0 && (
        <Text size="sm">
          Scope: {p.segments.join(', ')} only
          {evidence.segmentsWon?.length
            ? ` (won in ${evidence.segmentsWon.map((w) => w.segment).join(', ')}, corrected across segments)`
            : ''}
        </Text>
      )}
      {p.decidedAt && (
        <Text size="xs" c="dimmed" data-testid="journey-promotion-decided">
          {p.status === 'APPLIED' ? 'Applied' : 'Rejected'}{' '}
          {p.decidedByEmail === 'automatic'
            ? 'automatically (the rung asks no approval)'
            : `by ${p.decidedByEmail ?? 'someone'}`}{' '}
          on {formatDateTime(p.decidedAt)}
          {p.reason ? `: “${p.reason}”` : ''}
        </Text>
      )}
    </Stack>
  );
}
