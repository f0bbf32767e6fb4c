import { Alert, Button, FileInput, Group, List, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { LOCATION_TEST_WEEKS, type LocationMethod, notCsvReason, parseWeeklySales } from '@uplift/domain';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { formatCount } from '../../../lib/format';
import { useTRPC } from '../../../lib/trpc';

interface Props {
  experimentKey: string;
  /** Asked only before the first upload: the split is proposed once, from the weeks before this day. */
  askStart: boolean;
  defaultStart: string;
  /** A planned treatment set chosen for the first upload; null: the stratified random split. */
  treatment: string[] | null;
}

type Picked = { name: string; text: string; rows: number; locations: number; errors: string[] };

const METHODS: { value: LocationMethod; label: string }[] = [
  { value: 'auto', label: 'Auto: synthetic control below 5 treated locations' },
  { value: 'did', label: 'Difference-in-differences, weekly looks' },
  { value: 'synthetic', label: 'Synthetic control, decides at the last week' },
];

/** Weekly sales per location (location, week, sales) from a CSV, checked in the browser before it is sent. */
export function LocationUpload({ experimentKey, askStart, defaultStart, treatment }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [start, setStart] = useState(defaultStart);
  const [plannedWeeks, setPlannedWeeks] = useState<number>(LOCATION_TEST_WEEKS);
  const [method, setMethod] = useState<LocationMethod>('auto');
  const upload = useMutation(
    trpc.experiment.uploadLocations.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.experiment.pathKey() }),
    }),
  );
  const pick = async (file: File | null) => {
    upload.reset();
    if (!file) return setPicked(null);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const notCsv = notCsvReason(bytes, file.name);
    const text = notCsv ? '' : new TextDecoder().decode(bytes);
    const parsed = notCsv ? { rows: [], errors: [{ line: 0, message: notCsv }] } : parseWeeklySales(text);
    setPicked({
      name: file.name,
      text,
      rows: parsed.rows.length,
      locations: new Set(parsed.rows.map((r) => r.location)).size,
      errors: parsed.errors.slice(0, 10).map((e) => (e.line ? `Line ${e.line}: ${e.message}` : e.message)),
    });
  };
  const validStart = !askStart || /^\d{4}-\d{2}-\d{2}$/.test(start);
  const validWeeks = !askStart || (Number.isInteger(plannedWeeks) && plannedWeeks >= 1 && plannedWeeks <= 104);
  return (
    <Stack gap="xs" data-testid="location-upload">
      <Group align="flex-end" gap="sm">
        <FileInput
          label="Location data"
          description="CSV with a location, week (YYYY-MM-DD) and sales column; a week sent again replaces its figure"
          placeholder="Choose a .csv file"
          accept=".csv,text/csv"
          clearable
          leftSection={<IconFileSpreadsheet size={16} />}
          onChange={pick}
          w={420}
          data-testid="location-file"
        />
        {askStart && (
          <TextInput
            label="Treatment started on"
            description="Earlier weeks are the pre-period"
            value={start}
            onChange={(e) => setStart(e.currentTarget.value)}
            error={validStart ? undefined : 'Write the date as YYYY-MM-DD'}
            w={200}
            data-testid="location-start"
          />
        )}
        {askStart && (
          <NumberInput
            label="Planned weeks"
            description="One look a week; undecided by then is inconclusive"
            value={plannedWeeks}
            onChange={(v) => setPlannedWeeks(typeof v === 'number' ? v : Number.NaN)}
            min={1}
            max={104}
            allowDecimal={false}
            error={validWeeks ? undefined : 'A whole number of weeks, 1–104'}
            w={200}
            data-testid="location-planned-weeks"
          />
        )}
        {askStart && (
          <Select
            label="Method"
            description="How the worker compares treated locations with the holdout"
            data={METHODS}
            value={method}
            onChange={(v) => v && setMethod(v as LocationMethod)}
            allowDeselect={false}
            w={340}
            data-testid="location-method"
          />
        )}
      </Group>
      {picked && picked.errors.length > 0 && (
        <Alert color="red" title={`${picked.name} has lines that cannot be read`} data-testid="location-file-errors">
          <List size="sm">
            {picked.errors.map((e) => (
              <List.Item key={e}>{e}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {picked && picked.errors.length === 0 && (
        <Group gap="sm">
          <Text size="sm" data-testid="location-file-summary">
            {formatCount(picked.rows)} rows for {formatCount(picked.locations)} locations
            {askStart && treatment ? `; the split treats the chosen ${treatment.join(', ')}.` : '.'}
          </Text>
          <Button
            size="xs"
            leftSection={<IconUpload size={14} />}
            loading={upload.isPending}
            disabled={!validStart || !validWeeks}
            onClick={() =>
              upload.mutate({
                key: experimentKey,
                csv: picked.text,
                ...(askStart && start ? { start } : {}),
                ...(askStart ? { plannedWeeks, method } : {}),
                ...(askStart && treatment ? { treatment } : {}),
              })
            }
            data-testid="location-submit"
          >
            Upload
          </Button>
        </Group>
      )}
      {upload.isError && <ErrorAlert error={upload.error} title="Not uploaded" testId="location-upload-error" />}
      {upload.data && (
        <Alert color="teal" icon={<IconCheck />} p="xs" data-testid="location-upload-done">
          {formatCount(upload.data.rows)} rows stored; the worker evaluates the test again.
        </Alert>
      )}
    </Stack>
  );
}
