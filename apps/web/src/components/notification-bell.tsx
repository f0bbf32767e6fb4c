import { ActionIcon, Box, Button, Group, Indicator, Menu, ScrollArea, Stack, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../lib/format';
import { useTRPC } from '../lib/trpc';
import { useRefreshOnNews } from '../lib/use-refresh-on-news';
import { TitleText } from './title-text';

const SHOWN = 10;

/** Decisions and alerts of the workspace: an unread count in the header, the latest in a menu. */
export function NotificationBell() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const list = useQuery(trpc.notification.list.queryOptions(undefined, { refetchInterval: 10_000 }));
  // Notifications name the experiment by id; its page is by key. Looked up only while the menu is open.
  const experiments = useQuery(trpc.experiment.list.queryOptions({}, { enabled: opened }));
  const keyOf = new Map((experiments.data ?? []).map((e) => [e.id, e.key]));
  const markRead = useMutation(
    trpc.notification.markRead.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notification.pathKey() }),
    }),
  );
  const items = list.data ?? [];
  useRefreshOnNews(list.data ? (items[0]?.id ?? '') : undefined);
  const unread = items.filter((n) => !n.readAt).length;

  return (
    <Menu opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md">
      <Menu.Target>
        <Indicator
          label={unread > 9 ? '9+' : unread}
          size={16}
          disabled={unread === 0}
          color="red"
          offset={4}
          data-testid="notification-count"
          data-count={unread}
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={unread ? `Notifications (${unread} unread)` : 'Notifications'}
            data-testid="notification-bell"
          >
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Menu.Target>
      <Menu.Dropdown data-testid="notification-menu">
        <Group justify="space-between" px="sm" py={6}>
          <Text size="sm" fw={600}>
            Notifications
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            disabled={unread === 0}
            loading={markRead.isPending}
            onClick={() => markRead.mutate()}
            data-testid="notification-mark-read"
          >
            Mark all read
          </Button>
        </Group>
        <Menu.Divider />
        {items.length === 0 ? (
          <Text size="sm" c="dimmed" p="sm">
            Nothing yet. Decisions, broken splits and missing data show up here.
          </Text>
        ) : (
          <ScrollArea.Autosize mah={420}>
            {items.slice(0, SHOWN).map((n) => {
              const key = n.experimentId ? keyOf.get(n.experimentId) : undefined;
              return (
                <Menu.Item
                  key={n.id}
                  onClick={() => key && navigate(`/experiments/${encodeURIComponent(key)}`)}
                  data-testid="notification-item"
                  data-kind={n.kind}
                >
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Box
                      w={8}
                      h={8}
                      mt={6}
                      style={{ borderRadius: 4, flexShrink: 0 }}
                      bg={n.readAt ? undefined : 'indigo.6'}
                    />
                    <Stack gap={2}>
                      <TitleText size="sm" fw={n.readAt ? 400 : 600}>
                        {n.title}
                      </TitleText>
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {n.body}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(n.createdAt)}
                      </Text>
                    </Stack>
                  </Group>
                </Menu.Item>
              );
            })}
          </ScrollArea.Autosize>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
