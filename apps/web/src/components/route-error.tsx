import { Button, Code, EmptyState } from '@mantine/core';
import { IconBug } from '@tabler/icons-react';
import { useRouteError } from 'react-router';

/**
 * What a page shows when rendering or loading its code failed, inside the app shell so navigation still
 * works. After a deploy an old tab cannot load the new chunks: reloading is the fix, hence the button.
 */
export function RouteError() {
  const error = useRouteError();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <EmptyState
      mt="xl"
      icon={<IconBug />}
      title="This page failed to load"
      description="Reloading usually fixes it. If it keeps happening, tell us what you did."
      data-testid="route-error"
    >
      <Code block maw={560} mx="auto">
        {message}
      </Code>
      <EmptyState.Actions>
        <Button onClick={() => window.location.reload()}>Reload</Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
