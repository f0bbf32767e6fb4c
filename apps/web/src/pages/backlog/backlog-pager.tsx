import { Group, Pagination, Select, Text } from '@mantine/core';
import { type BacklogView, PAGE_SIZES } from './backlog-view';

interface Props {
  view: BacklogView;
  total: number;
  onChange: (patch: Partial<BacklogView>) => void;
}

export function BacklogPager({ view, total, onChange }: Props) {
  const pages = Math.max(1, Math.ceil(total / view.pageSize));
  const first = Math.min(total, (view.page - 1) * view.pageSize + 1);
  const last = Math.min(total, view.page * view.pageSize);
  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm" c="dimmed" data-testid="backlog-total">
        {first}–{last} of {total}
      </Text>
      <Group gap="sm">
        <Pagination
          total={pages}
          value={Math.min(view.page, pages)}
          onChange={(page) => onChange({ page })}
          size="sm"
          data-testid="backlog-pagination"
        />
        <Select
          aria-label="Rows per page"
          size="xs"
          w={110}
          allowDeselect={false}
          data={PAGE_SIZES.map((n) => ({ value: String(n), label: `${n} / page` }))}
          value={String(view.pageSize)}
          onChange={(v) => v && onChange({ pageSize: Number(v) })}
        />
      </Group>
    </Group>
  );
}
