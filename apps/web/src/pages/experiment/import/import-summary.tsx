import { Alert, List, Table, Text } from '@mantine/core';
import { formatCount } from '../../../lib/format';
import type { ReportMapping, reportFromRows } from './report-from-rows';

interface Props {
  mapped: ReturnType<typeof reportFromRows>;
  mode: ReportMapping['mode'];
}

/** Either the rows to fix, by line, or the per-variant totals that the import will send. */
export function ImportSummary({ mapped, mode }: Props) {
  if (mapped.problems.length > 0) {
    return (
      <Alert color="orange" title="Fix these rows before importing" data-testid="import-problems">
        <List size="sm">
          {mapped.problems.slice(0, 10).map((p) => (
            <List.Item key={`${p.line}-${p.message}`}>
              {p.line > 1 ? `Line ${p.line}: ` : ''}
              {p.message}
            </List.Item>
          ))}
        </List>
        {mapped.problems.length > 10 && <Text size="sm">…and {mapped.problems.length - 10} more.</Text>}
      </Alert>
    );
  }
  return (
    <>
      <Text size="sm" fw={500}>
        What will be imported
      </Text>
      <Table withTableBorder fz="sm" data-testid="import-summary">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Variant</Table.Th>
            <Table.Th ta="right">Users</Table.Th>
            <Table.Th ta="right">{mode === 'conversions' ? 'Conversions' : 'Sum'}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mapped.report.map((v) => (
            <Table.Tr key={v.key}>
              <Table.Td>{v.key}</Table.Td>
              <Table.Td ta="right">{formatCount(v.users)}</Table.Td>
              <Table.Td ta="right">{formatCount(v.conversions ?? v.sum ?? 0)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
