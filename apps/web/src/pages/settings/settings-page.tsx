import { Button, Group, NumberInput, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { ConfirmModal } from '../../components/confirm-modal';
import { ErrorAlert } from '../../components/error-alert';
import { fieldErrorsOf } from '../../lib/errors';
import { useSession } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { CapacitySettingsForm } from './capacity-settings-form';
import { ExperimentSettingsForm } from './experiment-settings-form';
import { FunnelTrafficForm } from './funnel-traffic-form';
import { InsightsSettingsForm } from './insights-settings-form';
import { LadderSettingsForm } from './ladder-settings-form';
import { RescoreProgress } from './rescore-progress';

export function SettingsPage() {
  const trpc = useTRPC();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const workspace = useQuery(trpc.workspace.get.queryOptions());
  const [horizon, setHorizon] = useState<number | string>('');
  const [jobId, setJobId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // A horizon change rescores every hypothesis: it is asked first, saying how many.
  const [asking, setAsking] = useState<{ hypotheses: number } | null>(null);
  const [counting, setCounting] = useState(false);
  const [countError, setCountError] = useState<unknown>(null);
  useEffect(() => {
    if (workspace.data) setHorizon(workspace.data.horizonMonths);
  }, [workspace.data]);

  const save = useMutation(
    trpc.workspace.updateSettings.mutationOptions({
      onSuccess: async (result) => {
        setAsking(null);
        setJobId(result.jobId);
        setNotice(
          'warning' in result && result.warning
            ? result.warning
            : result.jobId
              ? null
              : 'Saved. The horizon did not change, so nothing needs rescoring.',
        );
        await queryClient.invalidateQueries({ queryKey: trpc.workspace.get.queryKey() });
      },
    }),
  );
  const valid = typeof horizon === 'number' && Number.isInteger(horizon) && horizon >= 1 && horizon <= 120;
  const commit = () => {
    if (!valid) return;
    setJobId(null);
    setNotice(null);
    save.mutate({ horizonMonths: horizon });
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    if (horizon === workspace.data?.horizonMonths) return commit();
    save.reset();
    setCountError(null);
    setCounting(true);
    try {
      setAsking(await queryClient.fetchQuery({ ...trpc.workspace.rescoreScope.queryOptions(), staleTime: 0 }));
    } catch (error) {
      setCountError(error);
    } finally {
      setCounting(false);
    }
  };
  const serverError = fieldErrorsOf(save.error).horizonMonths;

  return (
    <Stack gap="md" maw={720}>
      <Title order={2}>Workspace settings</Title>
      <Paper withBorder p="md">
        {workspace.isPending ? (
          <Skeleton h={90} />
        ) : (
          <form onSubmit={onSubmit}>
            <Stack gap="sm">
              <NumberInput
                label="ROI horizon (months)"
                description="How many months of gain count toward a hypothesis's ROI. Changing it rescores the whole backlog."
                min={1}
                max={120}
                allowDecimal={false}
                value={horizon}
                onChange={setHorizon}
                error={!valid && horizon !== '' ? 'Must be a whole number of months, 1–120' : serverError}
                data-testid="settings-horizon"
              />
              <Group justify="flex-end">
                <Button
                  type="submit"
                  loading={save.isPending || counting}
                  disabled={!valid}
                  data-testid="settings-save"
                >
                  Save
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Paper>
      <ConfirmModal
        opened={asking !== null}
        title="Rescore the whole backlog?"
        message={`A ${horizon}-month horizon (now ${workspace.data?.horizonMonths ?? '—'}) rescores all ${asking?.hypotheses.toLocaleString('en-US') ?? 0} hypotheses of this workspace, and the backlog may reorder. ROI frozen at approval stays as it was.`}
        confirmLabel={`Rescore ${asking?.hypotheses.toLocaleString('en-US') ?? 0} hypotheses`}
        color="indigo"
        pending={save.isPending}
        error={save.error}
        onConfirm={commit}
        onClose={() => setAsking(null)}
      />
      {workspace.isError && <ErrorAlert error={workspace.error} onRetry={() => workspace.refetch()} />}
      {save.isError && !serverError && <ErrorAlert error={save.error} title="Not saved" />}
      {Boolean(countError) && <ErrorAlert error={countError} title="Not saved: could not count what it rescores" />}
      {notice && (
        <Text size="sm" c="dimmed" data-testid="settings-notice">
          {notice}
        </Text>
      )}
      {jobId && <RescoreProgress jobId={jobId} />}
      {workspace.data && <ExperimentSettingsForm workspace={workspace.data} />}
      {workspace.data && <CapacitySettingsForm workspace={workspace.data} />}
      {workspace.data && <InsightsSettingsForm workspace={workspace.data} />}
      {workspace.data && <FunnelTrafficForm workspace={workspace.data} />}
      {can('ladder.settings') && <LadderSettingsForm />}
    </Stack>
  );
}
