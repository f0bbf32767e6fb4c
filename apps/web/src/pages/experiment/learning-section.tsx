import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconBulb, IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { LearningItem } from '../../components/learning-item';
import { useTRPC } from '../../lib/trpc';
import { LearningEditor } from './learning-editor';

/** The "What we learned" card of an ended experiment: the lesson, and for its owner a form to record or edit it. */
export function LearningSection({ experimentKey }: { experimentKey: string }) {
  const trpc = useTRPC();
  const card = useQuery(trpc.learning.forExperiment.queryOptions({ key: experimentKey }));
  const [editing, setEditing] = useState(false);
  if (card.isPending) return null;
  if (card.isError) return <ErrorAlert error={card.error} onRetry={() => card.refetch()} />;
  const { learning, mayRecord } = card.data;
  if (!learning && !mayRecord) return null;

  return (
    <Paper withBorder p="md" data-testid="learning-card">
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <IconBulb size={20} />
            <Title order={4}>What we learned</Title>
          </Group>
          {learning && mayRecord && !editing && (
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconPencil size={14} />}
              onClick={() => setEditing(true)}
              data-testid="learning-edit"
            >
              Edit
            </Button>
          )}
        </Group>
        {learning && !editing ? (
          <LearningItem learning={learning} compact />
        ) : (
          <>
            {!learning && (
              <Text size="sm" c="dimmed">
                The test has ended. Write down what it taught while it is fresh: the library and the next hypotheses at
                this stage and channel will show it.
              </Text>
            )}
            <LearningEditor
              experimentKey={experimentKey}
              initial={learning ?? { text: '', tags: [] }}
              onDone={() => setEditing(false)}
              onCancel={learning ? () => setEditing(false) : undefined}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
