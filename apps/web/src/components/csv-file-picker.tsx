import { FileInput, Group, Progress, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { type CsvProgress, type CsvTable, parseCsvFile } from '../lib/csv';
import { formatCount } from '../lib/format';
import { ErrorAlert } from './error-alert';

interface Props {
  label: string;
  description: string;
  onParsed: (table: CsvTable, file: File) => void;
  onCleared: () => void;
  testId: string;
}

/** Picks a CSV and parses it in the browser, showing how far it got; nothing is uploaded. */
export function CsvFilePicker({ label, description, onParsed, onCleared, testId }: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<CsvProgress | null>(null);
  const [error, setError] = useState<unknown>(null);

  const pick = async (picked: File | null) => {
    setFile(picked);
    setError(null);
    onCleared();
    if (!picked) return;
    setProgress({ fraction: 0, rows: 0 });
    try {
      const table = await parseCsvFile(picked, setProgress);
      onParsed(table, picked);
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  };

  return (
    <Stack gap="xs">
      <FileInput
        label={label}
        description={description}
        placeholder="Choose a .csv file"
        accept=".csv,text/csv"
        clearable
        leftSection={<IconFileSpreadsheet size={16} />}
        value={file}
        onChange={pick}
        disabled={progress !== null}
        data-testid={testId}
      />
      {progress && (
        <Stack gap={4} data-testid={`${testId}-progress`}>
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              Reading {file?.name}…
            </Text>
            <Text size="xs" c="dimmed">
              {formatCount(progress.rows)} rows · {Math.round(progress.fraction * 100)}%
            </Text>
          </Group>
          <Progress value={progress.fraction * 100} animated striped />
        </Stack>
      )}
      {Boolean(error) && <ErrorAlert error={error} title="Cannot use this file" testId={`${testId}-error`} />}
    </Stack>
  );
}
