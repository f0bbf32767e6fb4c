import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { RouterOutputs } from '@uplift/api';
import { Link } from 'react-router';
import { formatDate, formatLift, humanize } from '../lib/format';
import { OutcomeBadge } from './outcome-badge';

export type Learning = RouterOutputs['learning']['list']['items'][number];

/** One learning as the library and the new-hypothesis form show it: the lesson, its tags and the test behind it. */
export function LearningItem({ learning, compact = false }: { learning: Learning; compact?: boolean }) {
  const { experiment, hypothesis } = learning;
  return (
    <Paper withBorder p={compact ? 'xs' : 'md'} data-testid="learning-item" data-experiment={experiment.key}>
      <Stack gap={6}>
        <Text
          size={compact ? 'sm' : 'md'}
          style={{ whiteSpace: 'pre-wrap' }}
          className="uplift-title"
          data-testid="learning-text"
        >
          {learning.text}
        </Text>
        {learning.tags.length > 0 && (
          <Group gap={4} data-testid="learning-tags">
            {learning.tags.map((t) => (
              <Badge key={t} variant="light" size="sm" tt="none">
                {t}
              </Badge>
            ))}
          </Group>
        )}
        <Group gap="xs" wrap="wrap">
          {learning.outcome === 'STOPPED' ? (
            <Badge color="orange" variant="light" data-testid="outcome-badge" data-outcome="STOPPED">
              Stopped
            </Badge>
          ) : (
            <OutcomeBadge outcome={learning.outcome} size="sm" />
          )}
          {learning.lift !== null && (
            <Text size="sm" fw={500} data-testid="learning-lift">
              {formatLift(learning.lift)}
            </Text>
          )}
          <Anchor component={Link} to={`/experiments/${experiment.key}`} size="sm" data-testid="learning-experiment">
            {experiment.name}
          </Anchor>
          <Text size="sm" c="dimmed">
            {humanize(hypothesis.funnelStage)} · {humanize(experiment.channel)}
            {!compact && ` · ${learning.authorName}, ${formatDate(learning.updatedAt)}`}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
