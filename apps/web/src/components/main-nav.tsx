import { Badge, Divider, NavLink, Stack, Text } from '@mantine/core';
import {
  IconBulb,
  IconChartDots,
  IconFlask,
  IconHistory,
  IconInbox,
  IconListDetails,
  IconPlugConnected,
  IconPlus,
  IconSettings,
  IconStairsUp,
  IconTimeline,
  IconUsers,
} from '@tabler/icons-react';
import type { Action } from '@uplift/domain';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { humanize } from '../lib/format';
import { useSession } from '../lib/session';

interface Item {
  to: string;
  label: string;
  icon: ReactNode;
  /** Shown only when the role has this action (the api would refuse the page's calls otherwise). */
  action?: Action;
  testId: string;
}

const ITEMS: Item[] = [
  { to: '/', label: 'Backlog', icon: <IconListDetails size={18} />, testId: 'nav-backlog' },
  {
    to: '/hypotheses/new',
    label: 'New hypothesis',
    icon: <IconPlus size={18} />,
    action: 'hypothesis.create',
    testId: 'nav-new',
  },
  { to: '/experiments', label: 'Experiments', icon: <IconFlask size={18} />, testId: 'nav-experiments' },
  { to: '/ladder', label: 'Channel ladder', icon: <IconStairsUp size={18} />, testId: 'nav-ladder' },
  { to: '/ladder/inbox', label: 'Promotion inbox', icon: <IconInbox size={18} />, testId: 'nav-inbox' },
  { to: '/roadmap', label: 'Roadmap', icon: <IconTimeline size={18} />, testId: 'nav-roadmap' },
  { to: '/insights', label: 'Insights', icon: <IconChartDots size={18} />, testId: 'nav-insights' },
  { to: '/learnings', label: 'Learnings', icon: <IconBulb size={18} />, testId: 'nav-learnings' },
  {
    to: '/settings',
    label: 'Settings',
    icon: <IconSettings size={18} />,
    action: 'workspace.settings',
    testId: 'nav-settings',
  },
  {
    to: '/settings/integrations',
    label: 'Integrations',
    icon: <IconPlugConnected size={18} />,
    action: 'apikey.manage',
    testId: 'nav-integrations',
  },
  { to: '/members', label: 'Members', icon: <IconUsers size={18} />, action: 'member.manage', testId: 'nav-members' },
  { to: '/audit', label: 'Audit log', icon: <IconHistory size={18} />, testId: 'nav-audit' },
];

const matches = (to: string, pathname: string) =>
  to === '/'
    ? pathname === '/' || (pathname.startsWith('/hypotheses/') && pathname !== '/hypotheses/new')
    : pathname === to || pathname.startsWith(`${to}/`);

/** The most specific item wins: /settings/integrations lights Integrations, not Settings too. */
const activeItem = (items: Item[], pathname: string) =>
  items.filter((i) => matches(i.to, pathname)).sort((a, b) => b.to.length - a.to.length)[0]?.to;

export function MainNav() {
  const { can, user, workspace } = useSession();
  const { pathname } = useLocation();
  const items = ITEMS.filter((item) => !item.action || can(item.action));
  const active = activeItem(items, pathname);
  return (
    <Stack gap={4} component="nav" aria-label="Main">
      {items.map((item) => (
        <NavLink
          key={item.to}
          component={Link}
          to={item.to}
          label={item.label}
          leftSection={item.icon}
          active={item.to === active}
          data-testid={item.testId}
        />
      ))}
      {/* The header hides who you are on phones; the drawer shows it instead. */}
      <Stack gap={4} hiddenFrom="sm" mt="md">
        <Divider />
        <Text size="sm" fw={500}>
          {user.name}
        </Text>
        <Badge variant="light">{humanize(workspace.role)}</Badge>
      </Stack>
    </Stack>
  );
}
