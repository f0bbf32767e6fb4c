import { Anchor, Checkbox, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { formatCount, formatLift, formatRate, sentence } from '../../lib/format';
import { DurationNote } from './duration-note';
import type { FieldsProps } from './form-values';

export interface Suggestion {
  plannedUsers: number | null;
  baseline: number;
  lift: number;
}

interface Props extends FieldsProps {
  suggestion: Suggestion | undefined;
  onUseSuggestion: () => void;
  /** The person has taken the field: a suggestion arriving now must not land in it while they type. */
  onPlannedFocus: () => void;
  /** A new experiment may start at once; a saved draft starts from its own page. */
  startable?: boolean;
}

/** How many units the test needs (suggested from the hypothesis) and whether it starts at once. */
export function SampleFields({
  values,
  errors,
  set,
  suggestion,
  onUseSuggestion,
  onPlannedFocus,
  startable = true,
}: Props) {
  const suggested = suggestion?.plannedUsers ?? null;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>{startable ? 'Sample and start' : 'Sample'}</Title>
        <NumberInput
          label="Planned users"
          description="Total units across all variants; the test decides once it reaches them"
          min={2}
          allowDecimal={false}
          thousandSeparator=","
          value={values.plannedUsers}
          onChange={(v) => set('plannedUsers', v)}
          onFocus={onPlannedFocus}
          error={sentence(errors.plannedUsers)}
          data-testid="field-plannedUsers"
        />
        <DurationNote
          plannedUsers={typeof values.plannedUsers === 'number' ? values.plannedUsers : null}
          channel={values.channel}
        />
        <Text size="xs" c="dimmed" data-testid="planned-suggestion">
          {suggestion === undefined ? (
            'Working out a suggestion…'
          ) : suggested === null ? (
            'No suggestion: the hypothesis gives no expected lift to plan from.'
          ) : (
            <>
              Suggested {formatCount(suggested)}: 80% power to detect a {formatLift(suggestion.lift)} lift on a{' '}
              {formatRate(suggestion.baseline)} baseline.{' '}
              {values.plannedUsers !== suggested && (
                <Anchor component="button" type="button" size="xs" onClick={onUseSuggestion}>
                  Use it
                </Anchor>
              )}
            </>
          )}
        </Text>
        {startable && (
          <Checkbox
            label="Start now"
            description="Otherwise it stays a draft until someone starts it"
            checked={values.start}
            onChange={(e) => set('start', e.currentTarget.checked)}
            data-testid="field-start"
          />
        )}
      </Stack>
    </Paper>
  );
}
