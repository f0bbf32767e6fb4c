import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@uplift/api';
import { FUNNEL_STAGES, type FunnelStage, type FunnelVolumes, ZFunnelVolumes } from '@uplift/domain';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { fieldErrorsOf } from '../../lib/errors';
import { humanize, sentence } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';

type Workspace = RouterOutputs['workspace']['get'];
type Row = { entered: number | ''; converted: number | '' };
type Rows = Record<FunnelStage, Row>;

const fromWorkspace = (w: Workspace): Rows => {
  const stored = ZFunnelVolumes.safeParse(w.funnelVolumes);
  const volumes: FunnelVolumes = stored.success ? stored.data : {};
  return Object.fromEntries(
    FUNNEL_STAGES.map((s) => [s, { entered: volumes[s]?.entered ?? '', converted: volumes[s]?.converted ?? '' }]),
  ) as Rows;
};

/** Stages with both figures filled in; a half-filled stage is sent as is so the server names the missing field. */
const toVolumes = (rows: Rows) =>
  Object.fromEntries(
    Object.entries(rows)
      .filter(([, r]) => r.entered !== '' || r.converted !== '')
      .map(([stage, r]) => [
        stage,
        { entered: r.entered === '' ? undefined : r.entered, converted: r.converted === '' ? undefined : r.converted },
      ]),
  ) as FunnelVolumes;

/** Monthly traffic per funnel stage as the team knows it; stages left empty learn it from their tests. */
export function FunnelTrafficForm({ workspace }: { workspace: Workspace }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState(() => fromWorkspace(workspace));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => setRows(fromWorkspace(workspace)), [workspace]);
  const save = useMutation(
    trpc.workspace.updateSettings.mutationOptions({
      onSuccess: async () => {
        setErrors({});
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.workspace.get.queryKey() });
      },
      onError: (error) => setErrors(fieldErrorsOf(error)),
    }),
  );
  const edit = (stage: FunnelStage, field: keyof Row, value: number | string) => {
    const next = typeof value === 'number' ? value : '';
    setRows((r) => ({ ...r, [stage]: { ...r[stage], [field]: next } }));
    setErrors({});
    setSaved(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ funnelVolumes: toVolumes(rows) });
  };
  const fieldError = (stage: FunnelStage, field: keyof Row) => sentence(errors[`funnelVolumes.${stage}.${field}`]);
  return (
    <Paper withBorder p="md" data-testid="funnel-traffic">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={4}>Funnel traffic</Title>
          <Text size="sm" c="dimmed">
            People entering each stage in a typical month and how many convert out of it. Stages left empty take their
            conversion from their tests' control groups.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            {FUNNEL_STAGES.map((stage) => (
              <Group key={stage} gap="xs" align="flex-start" wrap="nowrap">
                <NumberInput
                  label={`${humanize(stage)}: entered`}
                  value={rows[stage].entered}
                  onChange={(v) => edit(stage, 'entered', v)}
                  min={1}
                  allowDecimal={false}
                  thousandSeparator=","
                  error={fieldError(stage, 'entered')}
                  data-testid={`funnel-entered-${stage}`}
                />
                <NumberInput
                  label="converted"
                  value={rows[stage].converted}
                  onChange={(v) => edit(stage, 'converted', v)}
                  min={0}
                  allowDecimal={false}
                  thousandSeparator=","
                  error={fieldError(stage, 'converted')}
                  data-testid={`funnel-converted-${stage}`}
                />
              </Group>
            ))}
          </SimpleGrid>
          {save.isError && !Object.keys(errors).length && <ErrorAlert error={save.error} title="Not saved" />}
          {saved && (
            <Alert color="teal" icon={<IconCheck />} p="xs" data-testid="funnel-traffic-saved">
              Saved. The Insights funnel is recomputed with these figures.
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} data-testid="funnel-traffic-save">
              Save funnel traffic
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
