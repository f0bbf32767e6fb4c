import { AppShell, Badge, Burger, Button, Group, Text, Title, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLogout, IconTrendingUp } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { humanize } from '../lib/format';
import { useSession } from '../lib/session';
import { useSignOut } from '../lib/use-sign-out';
import { MainNav } from './main-nav';
import { NotificationBell } from './notification-bell';
import { PendingInvitations } from './pending-invitations';
import { WorkspaceSwitcher } from './workspace-switcher';

/** Header (workspace, who I am, sign out), the role-aware navigation, and the page. */
export function AppLayout() {
  const { user, workspace, can } = useSession();
  const signOut = useSignOut();
  const [navOpen, nav] = useDisclosure(false);
  const { pathname } = useLocation();
  // On phones the menu covers the page; close it once the reader has picked a page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation by design
  useEffect(() => nav.close(), [pathname]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpen} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <UnstyledButton component={Link} to="/" aria-label="Uplift home">
              <Group gap={6} wrap="nowrap">
                <IconTrendingUp size={24} color="var(--mantine-color-indigo-6)" />
                <Title order={4} visibleFrom="xs">
                  Uplift
                </Title>
              </Group>
            </UnstyledButton>
            <WorkspaceSwitcher />
          </Group>
          <Group gap="sm" wrap="nowrap">
            {can('notification.read') && <NotificationBell />}
            <Group gap={6} wrap="nowrap" visibleFrom="sm">
              <Text size="sm" fw={500} data-testid="user-name">
                {user.name}
              </Text>
              <Badge variant="light" data-testid="user-role">
                {humanize(workspace.role)}
              </Badge>
            </Group>
            <Button
              variant="subtle"
              color="gray"
              size="compact-sm"
              leftSection={<IconLogout size={16} />}
              onClick={signOut}
              data-testid="sign-out"
            >
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <MainNav />
      </AppShell.Navbar>
      <AppShell.Main>
        <PendingInvitations />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
