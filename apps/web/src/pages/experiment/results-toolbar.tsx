import { Button, Group, SegmentedControl } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { IconCheck, IconDownload, IconLink } from '@tabler/icons-react';
import type { LiftView } from './results-model';

interface Props {
  view: LiftView;
  onView: (view: LiftView) => void;
  onDownload: () => void;
}

/** Relative or absolute lifts, a link to this very view, and the table as CSV. */
export function ResultsToolbar({ view, onView, onDownload }: Props) {
  const clipboard = useClipboard({ timeout: 2000 });
  return (
    <Group gap="xs" justify="space-between" data-testid="results-toolbar">
      <SegmentedControl
        size="xs"
        value={view}
        onChange={(v) => onView(v as LiftView)}
        data={[
          { value: 'relative', label: 'Relative (%)' },
          { value: 'absolute', label: 'Absolute' },
        ]}
        data-testid="results-view"
      />
      <Group gap="xs">
        <Button
          size="compact-sm"
          variant="default"
          leftSection={clipboard.copied ? <IconCheck size={14} /> : <IconLink size={14} />}
          onClick={() => clipboard.copy(window.location.href)}
          data-testid="results-copy-link"
        >
          {clipboard.copied ? 'Link copied' : 'Copy link'}
        </Button>
        <Button
          size="compact-sm"
          variant="default"
          leftSection={<IconDownload size={14} />}
          onClick={onDownload}
          data-testid="results-csv"
        >
          CSV
        </Button>
      </Group>
    </Group>
  );
}
