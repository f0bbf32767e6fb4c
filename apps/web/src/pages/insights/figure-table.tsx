import { Button, Group, ScrollArea, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { toCsv } from '../../lib/csv';
import { downloadText } from '../../lib/download';
import type { FigureTableData } from './types';

interface Props {
  /** Names the file (insights-<name>.csv) and the test ids. */
  name: string;
  table: FigureTableData;
  /** Columns after the first that hold numbers: right-aligned so digits line up. */
  numericFrom?: number;
}

/** A table of figures with a CSV export of exactly what it shows. */
export function FigureTable({ name, table, numericFrom = 1 }: Props) {
  const align = (i: number) => (i >= numericFrom ? 'right' : 'left');
  return (
    <>
      <Group justify="flex-end">
        <Button
          size="xs"
          variant="default"
          leftSection={<IconDownload size={14} />}
          disabled={table.rows.length === 0}
          onClick={() => downloadText(`insights-${name}.csv`, toCsv(table.columns, table.rows))}
          data-testid={`insights-export-${name}`}
        >
          Export CSV
        </Button>
      </Group>
      {table.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing to show yet.
        </Text>
      ) : (
        <ScrollArea>
          <Table striped withTableBorder fz="sm" data-testid={`insights-table-${name}`}>
            <Table.Thead>
              <Table.Tr>
                {table.columns.map((c, i) => (
                  <Table.Th key={c} ta={align(i)}>
                    {c}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.rows.map((row, r) => (
                // Rows are figures without an id of their own; their order is the table's.
                // biome-ignore lint/suspicious/noArrayIndexKey: static rows, never reordered in place
                <Table.Tr key={r}>
                  {row.map((cell, i) => (
                    <Table.Td key={table.columns[i]} ta={align(i)} className={i === 0 ? 'uplift-title' : undefined}>
                      {cell}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </>
  );
}
