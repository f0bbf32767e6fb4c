import { Checkbox, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { minimumTestShare } from '@uplift/domain';
import { formatCount, sentence } from '../../lib/format';
import type { FieldsProps } from './form-values';
import type { WinnerSendValues } from './winner-send-values';

const percent = (share: number) => `${+(share * 100).toFixed(2)}%`;

/** EMAIL only: test on a share of the list, then send the winner to the rest ("Winner sends" in the README). */
export function WinnerSendFields({ values, errors, set }: FieldsProps) {
  if (values.channel !== 'EMAIL') return null;
  const w = values.winnerSend;
  const change = (patch: Partial<WinnerSendValues>) => set('winnerSend', { ...w, ...patch });
  const planned = typeof values.plannedUsers === 'number' ? values.plannedUsers : Number.NaN;
  const list = typeof w.audienceSize === 'number' ? w.audienceSize : Number.NaN;
  const minimum = planned > 0 && list > 0 ? minimumTestShare(planned, list) : null;
  return (
    <Paper withBorder p="md" data-testid="winner-send-fields">
      <Stack gap="sm">
        <Title order={4}>Winner send</Title>
        <Checkbox
          label="Test on a share of the list, then send the winner to the rest"
          checked={w.on}
          onChange={(e) => change({ on: e.currentTarget.checked })}
          error={sentence(errors.winnerSend)}
          data-testid="field-winnerSend"
        />
        {w.on && (
          <>
            <Group grow align="flex-start">
              <NumberInput
                label="List size"
                description="Recipients on the list"
                min={3}
                allowDecimal={false}
                thousandSeparator=","
                value={w.audienceSize}
                onChange={(v) => change({ audienceSize: v })}
                error={sentence(errors['winnerSend.audienceSize'])}
                data-testid="field-audienceSize"
              />
              <NumberInput
                label="Decision deadline"
                description="Hours after the test's send"
                min={0}
                max={720}
                value={w.decisionHours}
                onChange={(v) => change({ decisionHours: v })}
                error={sentence(errors['winnerSend.decisionHours'])}
                data-testid="field-decisionHours"
              />
            </Group>
            <NumberInput
              label="Test share"
              description="Share of the list tested (0–1); empty: the smallest that reaches the planned users"
              min={0}
              max={1}
              step={0.01}
              decimalScale={4}
              placeholder={minimum === null ? undefined : String(minimum)}
              value={w.testShare}
              onChange={(v) => change({ testShare: v })}
              error={sentence(errors['winnerSend.testShare'])}
              data-testid="field-testShare"
            />
            <Text size="xs" c="dimmed" data-testid="test-share-minimum">
              {minimum === null
                ? 'Give the list size and planned users to see the smallest test share.'
                : minimum >= 1
                  ? `A list of ${formatCount(list)} cannot hold the planned ${formatCount(planned)} users and a remainder.`
                  : `Smallest share: ${percent(minimum)} of the list (${formatCount(Math.ceil(minimum * list))} recipients) reaches the planned ${formatCount(planned)}; the remaining ${formatCount(Math.round(list * (1 - (typeof w.testShare === 'number' ? w.testShare : minimum))))} wait for the winner.`}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
