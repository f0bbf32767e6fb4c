import { Button, FileInput, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconTargetArrow } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LOCATION_PLAN_DEFAULTS, parseWeeklySales } from '@uplift/domain';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { formatCount } from '../../../lib/format';
import { useTRPC } from '../../../lib/trpc';
import { LocationPlanResult } from './location-plan-result';

interface Props {
  experimentKey: string;
  /** Whether this person may start a plan (experiment.import); anyone may read one. */
  canPlan: boolean;
  chosen: string[] | null;
  onChoose: (treatment: string[] | null) => void;
}

type History = { name: string; text: string; rows: number; locations: number; error: string | null };
const whole = (v: string | number, min: number, max: number) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/**
 * Before the first upload: which locations to treat, planned by the worker from historical weekly sales (the
 * minimum detectable lift of candidate sets by simulated placebo effects); a ranked set may become the treatment.
 */
export function LocationPlanner({ experimentKey, canPlan, chosen, onChoose }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [history, setHistory] = useState<History | null>(null);
  const [size, setSize] = useState<string | number>(2);
  const [weeks, setWeeks] = useState<string | number>(LOCATION_PLAN_DEFAULTS.testWeeks);
  const [sets, setSets] = useState<string | number>(LOCATION_PLAN_DEFAULTS.maxCandidates);
  const running = (status?: string) => status === 'QUEUED' || status === 'RUNNING';
  const plan = useQuery(
    trpc.experiment.locationPlan.queryOptions(
      { key: experimentKey },
      { refetchInterval: (q) => (running(q.state.data?.status) ? 500 : false), staleTime: 0 },
    ),
  );
  const request = useMutation(
    trpc.experiment.requestLocationPlan.mutationOptions({
      onSuccess: () => {
        onChoose(null);
        return queryClient.invalidateQueries({ queryKey: trpc.experiment.locationPlan.queryKey() });
      },
    }),
  );
  const pick = async (file: File | null) => {
    request.reset();
    if (!file) return setHistory(null);
    const text = await file.text();
    const { rows, errors } = parseWeeklySales(text);
    const error = errors[0] ? `Line ${errors[0].line}: ${errors[0].message}` : null;
    setHistory({
      name: file.name,
      text,
      rows: rows.length,
      locations: new Set(rows.map((r) => r.location)).size,
      error,
    });
  };
  const valid = whole(size, 1, 10_000) && whole(weeks, 1, 104) && whole(sets, 1, 500);
  return (
    <Stack gap="xs" data-testid="location-plan">
      <Title order={6}>Plan which locations to treat</Title>
      {canPlan && (
        <Group align="flex-end" gap="sm">
          <FileInput
            label="Historical weekly sales"
            description="CSV (location, week, sales) from before the test: the more locations and weeks, the better"
            placeholder="Choose a .csv file"
            accept=".csv,text/csv"
            clearable
            leftSection={<IconFileSpreadsheet size={16} />}
            onChange={pick}
            error={history?.error}
            w={380}
            data-testid="plan-file"
          />
          <NumberInput
            label="Treated locations"
            value={size}
            onChange={setSize}
            min={1}
            allowDecimal={false}
            w={140}
            data-testid="plan-size"
          />
          <NumberInput
            label="Test weeks"
            value={weeks}
            onChange={setWeeks}
            min={1}
            max={104}
            allowDecimal={false}
            w={120}
            data-testid="plan-weeks"
          />
          <NumberInput
            label="Sets to try"
            value={sets}
            onChange={setSets}
            min={1}
            max={500}
            allowDecimal={false}
            w={120}
            data-testid="plan-sets"
          />
          <Button
            leftSection={<IconTargetArrow size={16} />}
            disabled={!history || Boolean(history.error) || !valid}
            loading={request.isPending}
            onClick={() =>
              history &&
              request.mutate({
                key: experimentKey,
                csv: history.text,
                treatmentSize: Number(size),
                testWeeks: Number(weeks),
                maxCandidates: Number(sets),
              })
            }
            data-testid="plan-start"
          >
            Plan
          </Button>
        </Group>
      )}
      {history && !history.error && (
        <Text size="xs" c="dimmed" data-testid="plan-file-summary">
          {formatCount(history.rows)} rows for {formatCount(history.locations)} locations in {history.name}.
        </Text>
      )}
      {request.isError && <ErrorAlert error={request.error} title="Plan not started" testId="plan-error" />}
      {plan.isError && <ErrorAlert error={plan.error} title="Cannot read the plan" />}
      {plan.data && <LocationPlanResult plan={plan.data} chosen={chosen} {...(canPlan ? { onChoose } : {})} />}
    </Stack>
  );
}
