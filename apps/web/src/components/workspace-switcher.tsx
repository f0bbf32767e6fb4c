import { Select, Text } from '@mantine/core';
import { useSession } from '../lib/session';

/** Shows the workspace; a picker only when there is more than one to pick from. */
export function WorkspaceSwitcher() {
  const { workspaces, workspace, switchWorkspace } = useSession();
  if (workspaces.length < 2) {
    return (
      <Text size="sm" c="dimmed" truncate="end" maw={200} data-testid="workspace-name">
        {workspace.name}
      </Text>
    );
  }
  return (
    <Select
      aria-label="Workspace"
      size="xs"
      w={200}
      allowDeselect={false}
      data={workspaces.map((w) => ({ value: w.slug, label: w.name }))}
      value={workspace.slug}
      onChange={(slug) => slug && slug !== workspace.slug && switchWorkspace(slug)}
      data-testid="workspace-switcher"
    />
  );
}
