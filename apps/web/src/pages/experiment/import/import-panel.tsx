import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { CsvFilePicker } from '../../../components/csv-file-picker';
import { ErrorAlert } from '../../../components/error-alert';
import type { CsvTable } from '../../../lib/csv';
import { fieldErrorsOf } from '../../../lib/errors';
import { useSession } from '../../../lib/session';
import { useTRPC } from '../../../lib/trpc';
import { type ExperimentRow, setupOf } from '../types';
import { ColumnMapping } from './column-mapping';
import { CsvPreview } from './csv-preview';
import { ImportSummary } from './import-summary';
import { guessMapping, type ReportMapping, reportFromRows } from './report-from-rows';
import { ReportHistory } from './report-history';

/** Import an email tool's campaign report: pick the CSV, map its columns, check the preview, import. */
export function ImportPanel({ experiment }: { experiment: ExperimentRow }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { can } = useSession();
  const { variants, metrics, status } = setupOf(experiment);
  const allMetrics = [metrics.primary, ...metrics.guardrails];
  const [table, setTable] = useState<CsvTable | null>(null);
  const [mapping, setMapping] = useState<ReportMapping | null>(null);
  const [metric, setMetric] = useState(metrics.primary.name);
  const importReport = useMutation(
    trpc.experiment.importReport.mutationOptions({
      onSuccess: () => {
        for (const queryKey of [trpc.experiment.reports.queryKey({ key: experiment.key }), trpc.experiment.pathKey()])
          void queryClient.invalidateQueries({ queryKey });
      },
    }),
  );
  const mapped = useMemo(
    () => (table && mapping ? reportFromRows(table, mapping, variants) : null),
    [table, mapping, variants],
  );
  const serverErrors = Object.entries(fieldErrorsOf(importReport.error));

  const canImport = can('experiment.import');
  const picker = !canImport ? (
    <Text size="sm" c="dimmed">
      Your role can see the reports but not import one.
    </Text>
  ) : status === 'DRAFT' ? (
    <Text size="sm" c="dimmed">
      Start the experiment before importing results.
    </Text>
  ) : (
    <Stack gap="sm">
      <CsvFilePicker
        label="Campaign report"
        description="A CSV with one row per variant (rows of the same variant are added up). It is read in your browser."
        onParsed={(parsed) => {
          setTable(parsed);
          setMapping(guessMapping(parsed.columns));
          importReport.reset();
        }}
        onCleared={() => {
          setTable(null);
          setMapping(null);
        }}
        testId="import-file"
      />
      {table && mapping && mapped && (
        <>
          <ColumnMapping
            columns={table.columns}
            mapping={mapping}
            onChange={setMapping}
            metrics={allMetrics}
            metric={metric}
            onMetric={setMetric}
          />
          <Text size="sm" fw={500}>
            The file as read
          </Text>
          <CsvPreview
            table={table}
            highlight={[mapping.variant, mapping.users, mapping.conversions, mapping.sum, mapping.sumSquares]}
          />
          <ImportSummary mapped={mapped} mode={mapping.mode} />
          {importReport.isError && (
            <ErrorAlert
              error={
                serverErrors.length
                  ? new Error(serverErrors.map(([field, message]) => `${field}: ${message}`).join('; '))
                  : importReport.error
              }
              title="Not imported"
              testId="import-error"
            />
          )}
          {importReport.isSuccess && (
            <Alert color="teal" icon={<IconCheck />} data-testid="import-done">
              Imported. It replaces the previous report of “{metric}”; the results update within seconds.
            </Alert>
          )}
          <Group justify="flex-end">
            <Button
              leftSection={<IconUpload size={16} />}
              disabled={mapped.problems.length > 0 || importReport.isSuccess}
              loading={importReport.isPending}
              onClick={() => importReport.mutate({ key: experiment.key, report: { metric, variants: mapped.report } })}
              data-testid="import-submit"
            >
              Import {mapped.report.length} variant{mapped.report.length === 1 ? '' : 's'}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={4}>Import a campaign report</Title>
          <Text size="sm" c="dimmed">
            Cumulative totals per variant from your email tool. The newest report of a metric replaces the event data of
            that metric.
          </Text>
          {picker}
        </Stack>
      </Paper>
      <ReportHistory experimentKey={experiment.key} />
    </Stack>
  );
}
