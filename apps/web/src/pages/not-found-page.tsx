import { Button, EmptyState } from '@mantine/core';
import { IconMapQuestion } from '@tabler/icons-react';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <EmptyState mt="xl" icon={<IconMapQuestion />} title="Page not found" description="This address leads nowhere.">
      <EmptyState.Actions>
        <Button component={Link} to="/" variant="default">
          Back to the backlog
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
