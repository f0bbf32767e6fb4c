import { Group, Input, SegmentedControl, Select, SimpleGrid, Stack } from '@mantine/core';
import type { ReportMapping } from './report-from-rows';

interface Props {
  columns: string[];
  mapping: ReportMapping;
  onChange: (mapping: ReportMapping) => void;
  metrics: { name: string; kind: string }[];
  metric: string;
  onMetric: (metric: string) => void;
}

/** Which column is which: the variant, its users, and either conversions or sum and sum of squares. */
export function ColumnMapping({ columns, mapping, onChange, metrics, metric, onMetric }: Props) {
  const column = (field: Exclude<keyof ReportMapping, 'mode'>, label: string, description?: string) => (
    <Select
      label={label}
      description={description}
      placeholder="Pick a column"
      data={columns}
      value={mapping[field]}
      onChange={(v) => onChange({ ...mapping, [field]: v })}
      data-testid={`map-${field}`}
    />
  );
  return (
    <Stack gap="sm" data-testid="column-mapping">
      <Group grow align="flex-start">
        <Select
          label="Metric"
          description="Which metric this report counts"
          allowDeselect={false}
          data={metrics.map((m) => m.name)}
          value={metric}
          onChange={(v) => {
            if (!v) return;
            onMetric(v);
            const kind = metrics.find((m) => m.name === v)?.kind;
            onChange({ ...mapping, mode: kind === 'mean' ? 'sum' : 'conversions' });
          }}
          data-testid="map-metric"
        />
        <Input.Wrapper label="The report gives" description="Counts, or totals of a value such as revenue">
          <SegmentedControl
            fullWidth
            data={[
              { value: 'conversions', label: 'Conversions' },
              { value: 'sum', label: 'Sum & sum of squares' },
            ]}
            value={mapping.mode}
            onChange={(v) => onChange({ ...mapping, mode: v as ReportMapping['mode'] })}
          />
        </Input.Wrapper>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: mapping.mode === 'conversions' ? 3 : 4 }}>
        {column('variant', 'Variant column', 'Key or name of the variant')}
        {column('users', 'Users column', 'Recipients per variant')}
        {mapping.mode === 'conversions' ? (
          column('conversions', 'Conversions column')
        ) : (
          <>
            {column('sum', 'Sum column', 'e.g. total revenue')}
            {column('sumSquares', 'Sum of squares column')}
          </>
        )}
      </SimpleGrid>
    </Stack>
  );
}
