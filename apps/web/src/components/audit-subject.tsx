import { Anchor, Text } from '@mantine/core';
import type { RouterOutputs } from '@uplift/api';
import { Link } from 'react-router';
import { humanize } from '../lib/format';

export type AuditEvent = RouterOutputs['audit']['list'][number];

const TYPE_WORD: Record<string, string> = {
  hypothesis: 'Hypothesis',
  experiment: 'Experiment',
  offer: 'Offer',
  learning: 'Learning',
  webhook: 'Webhook',
  apiKey: 'API key',
  membership: 'Member',
  invitation: 'Invitation',
  workspace: 'Workspace',
};

/** The page of what an event is about, when it has one. */
function pathOf(e: AuditEvent): string | null {
  switch (e.entityType) {
    case 'hypothesis':
      return `/hypotheses/${e.entityId}`;
    case 'experiment':
    case 'learning':
      return e.subject?.key ? `/experiments/${e.subject.key}` : null;
    case 'offer':
      return `/ladder/offers/${e.entityId}`;
    case 'webhook':
    case 'apiKey':
      return '/settings/integrations';
    case 'membership':
    case 'invitation':
      return '/members';
    case 'workspace':
      return '/settings';
    default:
      return null;
  }
}

/** "Experiment · Welcome series: free tote bag", the name linked to its page; the type alone once it is gone. */
export function AuditSubject({ event: e }: { event: AuditEvent }) {
  const type = TYPE_WORD[e.entityType] ?? humanize(e.entityType);
  const path = e.subject ? pathOf(e) : null;
  return (
    <Text size="sm" data-testid="audit-subject">
      <Text span size="xs" c="dimmed">
        {type}
        {e.subject ? ' · ' : ''}
      </Text>
      {e.subject &&
        (path ? (
          <Anchor component={Link} to={path} size="sm" data-testid="audit-subject-link">
            {e.subject.name}
          </Anchor>
        ) : (
          e.subject.name
        ))}
    </Text>
  );
}
