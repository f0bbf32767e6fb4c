import { Group, Table, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { type BacklogSort, type BacklogView, FIRST_DIRECTION } from './backlog-view';

interface Props {
  sort: BacklogSort;
  view: BacklogView;
  onChange: (patch: Partial<BacklogView>) => void;
  children: ReactNode;
  align?: 'left' | 'right';
}

/** A column header that sorts on the server; a second click flips the direction. */
export function SortHeader({ sort, view, onChange, children, align = 'left' }: Props) {
  const active = view.sort === sort;
  const Icon = !active ? IconSelector : view.direction === 'asc' ? IconChevronUp : IconChevronDown;
  const next = active ? (view.direction === 'asc' ? 'desc' : 'asc') : FIRST_DIRECTION[sort];
  return (
    <Table.Th
      aria-sort={active ? (view.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
      style={{ whiteSpace: 'nowrap' }}
    >
      <UnstyledButton
        onClick={() => onChange({ sort, direction: next })}
        data-testid={`sort-${sort}`}
        style={{ width: '100%' }}
      >
        <Group gap={4} wrap="nowrap" justify={align === 'right' ? 'flex-end' : 'flex-start'} fw={700} fz="sm">
          {children}
          <Icon size={14} stroke={1.5} opacity={active ? 1 : 0.5} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
