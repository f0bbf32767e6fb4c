import { Center, Loader, Paper, Tabs } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { WebhookDeliveryLog } from '../../components/webhook-delivery-log';
import { useSession } from '../../lib/session';
import { ImportPanel } from './import/import-panel';
import { ResultsSection } from './results-section';
import { SetupSummary } from './setup-summary';
import { SplitPanel } from './split/split-panel';
import type { ExperimentRow, Results, Snapshot } from './types';

const TABS = ['results', 'setup', 'import', 'split', 'webhooks'] as const;

interface Props {
  experiment: ExperimentRow;
  results: UseQueryResult<Results, unknown>;
  history: Snapshot[] | undefined;
}

/** Results, setup, CSV import, recipient split and (for admins) webhook deliveries; the tab lives in the URL. */
export function ExperimentTabs({ experiment, results, history }: Props) {
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((t) => t === params.get('tab')) ?? 'results';
  return (
    <Tabs
      keepMounted={false}
      value={tab}
      onChange={(t) => setParams(t && t !== 'results' ? { tab: t } : {}, { replace: true })}
    >
      <Tabs.List>
        <Tabs.Tab value="results" data-testid="tab-results">
          Results
        </Tabs.Tab>
        <Tabs.Tab value="setup" data-testid="tab-setup">
          Setup
        </Tabs.Tab>
        <Tabs.Tab value="import" data-testid="tab-import">
          Import results
        </Tabs.Tab>
        <Tabs.Tab value="split" data-testid="tab-split">
          Split recipients
        </Tabs.Tab>
        {can('webhook.manage') && (
          <Tabs.Tab value="webhooks" data-testid="tab-webhooks">
            Webhook deliveries
          </Tabs.Tab>
        )}
      </Tabs.List>
      <Tabs.Panel value="results" pt="md">
        {results.isError ? (
          <ErrorAlert error={results.error} onRetry={() => results.refetch()} />
        ) : results.data ? (
          <ResultsSection experiment={experiment} results={results.data} history={history} />
        ) : (
          <Center py="xl">
            <Loader size="sm" />
          </Center>
        )}
      </Tabs.Panel>
      <Tabs.Panel value="setup" pt="md">
        <SetupSummary experiment={experiment} />
      </Tabs.Panel>
      <Tabs.Panel value="import" pt="md">
        <ImportPanel experiment={experiment} />
      </Tabs.Panel>
      <Tabs.Panel value="split" pt="md">
        <SplitPanel experiment={experiment} />
      </Tabs.Panel>
      {can('webhook.manage') && (
        <Tabs.Panel value="webhooks" pt="md">
          <Paper withBorder p="md">
            <WebhookDeliveryLog experimentKey={experiment.key} />
          </Paper>
        </Tabs.Panel>
      )}
    </Tabs>
  );
}
