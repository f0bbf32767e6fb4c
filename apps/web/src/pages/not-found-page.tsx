import { Button, EmptyState } from '@mantine/core';
import { IconMapQuestion } from '@tabler/icons-react';
import { Link } from 'react-router';

interface Props {
  /** What was not found ("No such hypothesis"); an unknown address by default. */
  title?: string;
  description?: string;
  back?: { to: string; label: string };
}

export function NotFoundPage({
  title = 'Page not found',
  description = 'This address leads nowhere.',
  back = { to: '/', label: 'Back to the backlog' },
}: Props) {
  return (
    <EmptyState mt="xl" icon={<IconMapQuestion />} title={title} description={description} data-testid="not-found">
      <EmptyState.Actions>
        <Button component={Link} to={back.to} variant="default">
          {back.label}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}

/** An id or key that names nothing: the api answers 404, or 400 when it is not even shaped like one. */
export const isNotFound = (status: number | undefined) => status === 404 || status === 400;
