import { Alert, Button, Group, Paper, Progress, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowsSplit, IconDownload } from '@tabler/icons-react';
import { describeScope, isScoped, segmentAttributeOf } from '@uplift/domain';
import { useState } from 'react';
import { CsvFilePicker } from '../../../components/csv-file-picker';
import { ErrorAlert } from '../../../components/error-alert';
import { type CsvTable, toCsv } from '../../../lib/csv';
import { downloadText } from '../../../lib/download';
import { formatCount } from '../../../lib/format';
import { type ExperimentRow, setupOf } from '../types';
import { guessIdColumn, guessSegmentColumn, type SplitResult, splitRows } from './split-rows';
import { WinnerSendSplitNote } from './winner-send-note';

const baseName = (fileName: string) => fileName.replace(/\.csv$/i, '');

/** Splits a recipients list into one CSV per variant, in the browser, exactly as `uplift split` does. */
export function SplitPanel({ experiment }: { experiment: ExperimentRow }) {
  const { variants } = setupOf(experiment);
  const [input, setInput] = useState<{ table: CsvTable; name: string } | null>(null);
  const [idColumn, setIdColumn] = useState<string | null>(null);
  const [segmentColumn, setSegmentColumn] = useState<string | null>(null);
  const scoped = isScoped(experiment);
  const attribute = segmentAttributeOf(experiment);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<SplitResult | null>(null);
  const [error, setError] = useState<unknown>(null);

  const run = async () => {
    if (!input || !idColumn || (scoped && !segmentColumn)) return;
    const scope = scoped ? { column: segmentColumn as string, segments: experiment.scopeSegments } : undefined;
    setError(null);
    setResult(null);
    setProgress(0);
    try {
      const { testShare, winnerVariant } = experiment;
      const winnerSend = testShare === null ? null : { testShare, winnerVariant };
      setResult(await splitRows(input.table, idColumn, experiment.seed, variants, setProgress, scope, winnerSend));
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  };
  const download = (key: string, rows: string[][]) =>
    input && downloadText(`${baseName(input.name)}.${key}.csv`, toCsv(input.table.columns, rows));

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>Split recipients</Title>
        <Text size="sm" c="dimmed">
          Upload your recipient list and get one file per variant to send from your email tool. Each recipient goes
          where the experiment assigns its id — the same answer as the CLI's <code>uplift split</code> and the API — so
          later events match. The file never leaves your browser.
        </Text>
        {scoped && (
          <Alert color="blue" variant="light" data-testid="split-scope">
            This experiment reaches {describeScope(experiment)}. Choose the column holding each recipient's {attribute}:
            recipients of other segments are left out and get the default mailing.
          </Alert>
        )}
        <CsvFilePicker
          label="Recipients CSV"
          description="Comma-separated, with a header row"
          onParsed={(table, file) => {
            setInput({ table, name: file.name });
            setIdColumn(guessIdColumn(table.columns));
            setSegmentColumn(guessSegmentColumn(table.columns, attribute));
          }}
          onCleared={() => {
            setInput(null);
            setResult(null);
          }}
          testId="split-file"
        />
        {input && (
          <Group align="flex-end">
            <Select
              label="Recipient id column"
              description="Hashed exactly as written: use the id your events use"
              data={input.table.columns}
              value={idColumn}
              onChange={(v) => {
                setIdColumn(v);
                setResult(null);
              }}
              allowDeselect={false}
              w={280}
              data-testid="split-id-column"
            />
            {scoped && (
              <Select
                label="Segment column"
                description={`Each recipient's ${attribute}`}
                data={input.table.columns}
                value={segmentColumn}
                onChange={(v) => {
                  setSegmentColumn(v);
                  setResult(null);
                }}
                allowDeselect={false}
                w={220}
                data-testid="split-segment-column"
              />
            )}
            <Button
              leftSection={<IconArrowsSplit size={16} />}
              onClick={run}
              loading={progress !== null}
              disabled={!idColumn || (scoped && !segmentColumn)}
              data-testid="split-run"
            >
              Split {formatCount(input.table.rows.length)} rows
            </Button>
          </Group>
        )}
        {progress !== null && <Progress value={progress * 100} animated striped data-testid="split-progress" />}
        {Boolean(error) && <ErrorAlert error={error} title="Could not split" />}
        {result && (
          <Table withTableBorder fz="sm" data-testid="split-result">
            <Table.Tbody>
              {result.files.map((f) => (
                <Table.Tr key={f.key}>
                  <Table.Td fw={500}>{f.key}</Table.Td>
                  <Table.Td ta="right">{formatCount(f.rows.length)} rows</Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconDownload size={14} />}
                      onClick={() => download(f.key, f.rows)}
                      data-testid={`split-download-${f.key}`}
                    >
                      {input && `${baseName(input.name)}.${f.key}.csv`}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {result && experiment.testShare !== null && (
          <WinnerSendSplitNote
            result={result}
            winnerVariant={experiment.winnerVariant}
            winnerReason={experiment.winnerReason}
          />
        )}
        {result && scoped && (
          <Alert color="blue" variant="light" data-testid="split-left-out">
            {formatCount(result.leftOut)} row{result.leftOut === 1 ? '' : 's'} left out: outside the scope (
            {describeScope(experiment)}).
          </Alert>
        )}
        {result && result.skipped.length > 0 && (
          <Alert color="yellow" variant="light" data-testid="split-skipped">
            {formatCount(result.skipped.length)} row{result.skipped.length === 1 ? '' : 's'} skipped for an empty{' '}
            {idColumn} (line{result.skipped.length === 1 ? '' : 's'} {result.skipped.slice(0, 5).join(', ')}
            {result.skipped.length > 5 ? ', …' : ''}).
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
