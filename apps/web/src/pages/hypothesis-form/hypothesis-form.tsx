import { Button, Grid, Group, Paper, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { FUNNEL_STAGES, type FunnelStage, hypothesisWarnings, type InputWarning } from '@uplift/domain';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ChannelControl } from '../../components/channel-control';
import { ErrorAlert } from '../../components/error-alert';
import { ConfirmWarningsModal, InputWarnings } from '../../components/input-warnings';
import { fieldErrorsOf } from '../../lib/errors';
import { humanize, sentence } from '../../lib/format';
import {
  type FormField,
  fieldMessage,
  formFieldOf,
  type HypothesisFieldsInput,
  type HypothesisFormValues,
  toFields,
  validate,
} from './form-values';
import { ImpactFields } from './impact-fields';
import { RelatedLearnings } from './related-learnings';
import { RoiPreview } from './roi-preview';

type Errors = Partial<Record<FormField, string>>;

/**
 * Out-of-range numbers are marked as soon as they are typed (a field still empty waits for the save); an error
 * from the save or the api wins where there is one.
 */
function withTyped(values: HypothesisFormValues, errors: Errors): Errors {
  const merged: Errors = {};
  for (const [field, message] of Object.entries(validate(values))) {
    if (String(values[field as FormField] ?? '').trim() !== '') merged[field as FormField] = message;
  }
  for (const [field, message] of Object.entries(errors)) if (message) merged[field as FormField] = message;
  return merged;
}

interface Props {
  initial: HypothesisFormValues;
  horizonMonths: number | undefined;
  onSave: (fields: HypothesisFieldsInput, submit: boolean) => void;
  /** Which button's save is running, if any. */
  pending: 'draft' | 'submit' | null;
  error: unknown;
  /** Show what earlier tests taught about ideas like this one (the new-hypothesis form). */
  showRelated?: boolean;
}

export function HypothesisForm({ initial, horizonMonths, onSave, pending, error, showRelated = false }: Props) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  // Unusual values wait for a confirmation; `asking` holds the save it would do.
  const [asking, setAsking] = useState<{ warnings: InputWarning[]; submit: boolean } | null>(null);
  const warnings = hypothesisWarnings({ expectedLift: toFields(values).expectedLift });
  // Once confirmed, the same warnings do not ask again (e.g. when the api then refuses something else).
  const confirmed = useRef('');

  // The api's field errors land on the fields they name; the rest shows in the alert.
  useEffect(() => {
    const byField: Errors = {};
    for (const [field, message] of Object.entries(fieldErrorsOf(error))) {
      const key = formFieldOf(field);
      byField[key as FormField] = fieldMessage(key, message);
    }
    setErrors(byField);
  }, [error]);

  const set = <K extends FormField>(field: K, value: HypothesisFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const save = (submit: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    const found = validate(values);
    setErrors(found);
    if (Object.keys(found).length === 0) {
      if (warnings.length && JSON.stringify(warnings) !== confirmed.current) setAsking({ warnings, submit });
      else onSave(toFields(values), submit);
    }
    // Take the reader to the first problem; on a phone it may be far above the buttons.
    else
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('[data-testid="hypothesis-form"] [aria-invalid="true"]')?.focus(),
      );
  };

  const text = (field: 'title' | 'segment' | 'offer', label: string, description?: string) => (
    <TextInput
      label={label}
      description={description}
      required
      value={values[field]}
      onChange={(e) => set(field, e.currentTarget.value)}
      error={sentence(errors[field])}
      data-testid={`field-${field}`}
    />
  );
  const fieldErrorCount = Object.values(errors).filter(Boolean).length;
  return (
    <form onSubmit={save(true)} noValidate data-testid="hypothesis-form">
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {Boolean(error) && (
              <ErrorAlert
                error={error}
                title={fieldErrorCount ? 'Please fix the marked fields' : 'Could not save'}
                testId="form-error"
              />
            )}
            <Paper withBorder p="md">
              <Stack gap="sm">
                <Title order={4}>The idea</Title>
                {text('title', 'Title')}
                <Textarea
                  label="Hypothesis statement"
                  description="If we … for … then … because …"
                  required
                  autosize
                  minRows={3}
                  value={values.statement}
                  onChange={(e) => set('statement', e.currentTarget.value)}
                  error={sentence(errors.statement)}
                  data-testid="field-statement"
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Select
                    label="Funnel stage"
                    required
                    placeholder="Pick a stage"
                    data={FUNNEL_STAGES.map((s) => ({ value: s, label: humanize(s) }))}
                    value={values.funnelStage}
                    onChange={(v) => set('funnelStage', v as FunnelStage | null)}
                    error={sentence(errors.funnelStage)}
                    data-testid="field-funnelStage"
                  />
                  {text('segment', 'Segment', 'Who sees it')}
                </SimpleGrid>
                <ChannelControl
                  value={values.channel}
                  onChange={(channel) => set('channel', channel)}
                  error={errors.channel}
                />
                {text('offer', 'Offer', 'What they get')}
              </Stack>
            </Paper>
            <ImpactFields values={values} errors={withTyped(values, errors)} set={set} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md" pos="sticky" top={76}>
            <RoiPreview values={values} horizonMonths={horizonMonths} />
            <InputWarnings warnings={warnings} />
            <Group grow>
              <Button
                variant="default"
                onClick={save(false)}
                loading={pending === 'draft'}
                disabled={pending !== null}
                data-testid="save-draft"
              >
                Save draft
              </Button>
              <Button
                type="submit"
                loading={pending === 'submit'}
                disabled={pending !== null}
                data-testid="save-submit"
              >
                Save & submit
              </Button>
            </Group>
            {showRelated && <RelatedLearnings values={values} />}
          </Stack>
        </Grid.Col>
      </Grid>
      <ConfirmWarningsModal
        warnings={asking?.warnings ?? null}
        onConfirm={() => {
          if (asking) onSave(toFields(values), asking.submit);
          confirmed.current = JSON.stringify(asking?.warnings ?? []);
          setAsking(null);
        }}
        onClose={() => setAsking(null)}
      />
    </form>
  );
}
