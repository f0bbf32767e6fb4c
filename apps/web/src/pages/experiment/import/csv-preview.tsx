import { Table, Text } from '@mantine/core';
import type { CsvTable } from '../../../lib/csv';
import { formatCount } from '../../../lib/format';

const SHOWN = 20;

/** The first rows of a parsed file exactly as read, so the user sees what the browser understood. */
export function CsvPreview({ table, highlight = [] }: { table: CsvTable; highlight?: (string | null)[] }) {
  return (
    <>
      <Table.ScrollContainer minWidth={400} maxHeight={320} type="native">
        <Table striped withTableBorder verticalSpacing={4} fz="sm" data-testid="csv-preview">
          <Table.Thead>
            <Table.Tr>
              {table.columns.map((c) => (
                <Table.Th key={c} bg={highlight.includes(c) ? 'indigo.0' : undefined}>
                  {c}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.slice(0, SHOWN).map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows of a file have only their position
              <Table.Tr key={i}>
                {table.columns.map((c, j) => (
                  <Table.Td key={c}>{row[j] ?? ''}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        {table.rows.length > SHOWN
          ? `First ${SHOWN} of ${formatCount(table.rows.length)} rows.`
          : `${formatCount(table.rows.length)} row${table.rows.length === 1 ? '' : 's'}.`}
      </Text>
    </>
  );
}
