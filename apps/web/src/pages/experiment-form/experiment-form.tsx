import { Button, Grid, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ExperimentCreateInput, experimentWarnings, type InputWarning } from '@uplift/domain';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { ConfirmWarningsModal, InputWarnings } from '../../components/input-warnings';
import { fieldErrorsOf } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { AnalysisFields } from './analysis-fields';
import { type ExperimentFormValues, type FormErrors, toInput, validate } from './form-values';
import { MetricsFields } from './metrics-fields';
import { SampleFields } from './sample-fields';
import { SetupFields } from './setup-fields';
import { VariantsEditor } from './variants-editor';
import { WinnerSendFields } from './winner-send-fields';

interface Props {
  hypothesisId: string;
  initial: ExperimentFormValues;
  onSave: (input: ExperimentCreateInput) => void;
  pending: boolean;
  error: unknown;
  /** Editing a saved draft: its key, hypothesis and channel stay, and it starts from its own page. */
  editing?: { hypothesisTitle: string };
}

export function ExperimentForm({ hypothesisId, initial, onSave, pending, error, editing }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  // Until the user goes into the field, it follows the suggestion; a draft's own number stays. Focus, not the
  // first keystroke, ends it: a suggestion landing between focus and typing would be mixed into what they type.
  const plannedTouched = useRef(Boolean(editing));

  const alpha = typeof values.alpha === 'number' && values.alpha > 0 && values.alpha <= 0.5 ? values.alpha : 0.05;
  // What the suggested sample depends on, as the form holds it now; the query follows it 300 ms behind.
  const planNow = { variations: values.variants.length, alpha };
  const suggestionFor = (p: typeof planNow) => trpc.experiment.suggestPlannedUsers.queryOptions({ hypothesisId, ...p });
  const [plan] = useDebouncedValue(planNow, 300);
  const suggestion = useQuery(suggestionFor(plan));
  const suggested = suggestion.data?.plannedUsers;
  useEffect(() => {
    if (suggested != null && !plannedTouched.current) setValues((v) => ({ ...v, plannedUsers: suggested }));
  }, [suggested]);

  // Legal but unusual (fewer users than suggested, α above 0.1): shown as typed, confirmed before saving.
  const input = toInput(values, hypothesisId);
  const warningsAgainst = (suggestedUsers: number | null | undefined) =>
    experimentWarnings({ plannedUsers: input.plannedUsers, suggestedUsers, alpha: input.analysis?.alpha });
  const warnings = warningsAgainst(suggested);
  const [asking, setAsking] = useState<InputWarning[] | null>(null);
  // Saving waits for a suggestion still on its way (a slow answer), so a sample below it is asked about.
  const [checking, setChecking] = useState(false);
  // Once confirmed, the same warnings do not ask again (e.g. when the api then refuses something else).
  const confirmed = useRef('');

  // The api's field errors land on the fields they name (same dotted paths); the rest shows in the alert.
  useEffect(() => setErrors(fieldErrorsOf(error)), [error]);

  const set = <K extends keyof ExperimentFormValues>(field: K, value: ExperimentFormValues[K]) => {
    if (field === 'plannedUsers') plannedTouched.current = true;
    setValues((v) => ({ ...v, [field]: value }));
    // A change to a list may fix any of its rows' errors; clear them all.
    const path = ERROR_PATH[field] ?? field;
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(path))));
  };

  /** The suggestion for the sample as it is now: the one shown, else fetched (none when it cannot be worked out). */
  const currentSuggestion = async () => {
    const options = suggestionFor(planNow);
    const cached = queryClient.getQueryData(options.queryKey);
    if (cached !== undefined) return cached?.plannedUsers;
    setChecking(true);
    try {
      return (await queryClient.fetchQuery(options))?.plannedUsers;
    } catch {
      return undefined; // the form shows why; saving does not depend on it
    } finally {
      setChecking(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (checking) return;
    const found = validate(values, hypothesisId, { saved: Boolean(editing) });
    setErrors(found);
    if (Object.keys(found).length === 0) {
      const now = warningsAgainst(await currentSuggestion());
      if (now.length && JSON.stringify(now) !== confirmed.current) setAsking(now);
      else onSave(input);
    } else
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('[data-testid="experiment-form"] [aria-invalid="true"]')?.focus(),
      );
  };

  // The sample and α are marked as soon as an out-of-range number is typed; other fields when saving.
  const typed = validate(values, hypothesisId);
  const live = Object.fromEntries(
    LIVE_FIELDS.filter(([field, path]) => values[field] !== '' && typed[path]).map(([, path]) => [path, typed[path]]),
  );
  const props = {
    values,
    errors: { ...live, ...Object.fromEntries(Object.entries(errors).filter(([, m]) => m)) },
    set,
  };
  const fieldErrorCount = Object.values(errors).filter(Boolean).length;
  return (
    <form onSubmit={submit} noValidate data-testid="experiment-form">
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {Boolean(error) && (
              <ErrorAlert
                error={error}
                title={
                  fieldErrorCount
                    ? 'Please fix the marked fields'
                    : editing
                      ? 'Could not save the changes'
                      : 'Could not create the experiment'
                }
                testId="form-error"
              />
            )}
            <SetupFields {...props} fixed={editing} />
            <VariantsEditor {...props} />
            <MetricsFields {...props} />
            <AnalysisFields {...props} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md" pos="sticky" top={76}>
            <SampleFields
              {...props}
              suggestion={suggestion.data}
              onUseSuggestion={() => suggested != null && set('plannedUsers', suggested)}
              onPlannedFocus={() => {
                plannedTouched.current = true;
              }}
              startable={!editing}
            />
            <WinnerSendFields {...props} />
            <InputWarnings warnings={warnings} />
            <Button type="submit" loading={pending || checking} data-testid="experiment-save">
              {editing ? 'Save changes' : values.start ? 'Create and start' : 'Create draft'}
            </Button>
          </Stack>
        </Grid.Col>
      </Grid>
      <ConfirmWarningsModal
        warnings={asking}
        onConfirm={() => {
          confirmed.current = JSON.stringify(asking);
          setAsking(null);
          onSave(input);
        }}
        onClose={() => setAsking(null)}
      />
    </form>
  );
}

/** Number fields whose range errors show while typing, with the api path their errors carry. */
const LIVE_FIELDS = [
  ['plannedUsers', 'plannedUsers'],
  ['alpha', 'analysis.alpha'],
] as const;

/** Form field → the api path its errors carry, where the names differ. */
const ERROR_PATH: Partial<Record<keyof ExperimentFormValues, string>> = {
  guardrails: 'metrics.guardrails',
  primaryName: 'metrics.primary',
  primaryKind: 'metrics.primary',
  primaryNumerator: 'metrics.primary',
  primaryDenominator: 'metrics.primary',
  alpha: 'analysis.alpha',
  sequential: 'analysis.sequential',
  sequentialN: 'analysis.sequential',
  winnerSend: 'winnerSend',
};
