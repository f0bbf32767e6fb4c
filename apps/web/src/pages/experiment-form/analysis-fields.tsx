import { Group, NumberInput, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { AnalysisMethodSelects } from '../../components/analysis-method-selects';
import { sentence } from '../../lib/format';
import type { FieldsProps } from './form-values';

/** How the results are computed; prefilled from the workspace defaults. */
export function AnalysisFields({ values, errors, set }: FieldsProps) {
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>Analysis</Title>
        <Text size="xs" c="dimmed">
          Prefilled from the workspace defaults. Change them only if you know why.
        </Text>
        <Group grow align="flex-start">
          <AnalysisMethodSelects
            engine={values.engine}
            correction={values.correction}
            onEngine={(engine) => set('engine', engine)}
            onCorrection={(correction) => set('correction', correction)}
            testIds={{ engine: 'field-engine', correction: 'field-correction' }}
          />
        </Group>
        <Group grow align="flex-start">
          <NumberInput
            label="Significance level α"
            description="0.05 = 95% confidence"
            min={0.001}
            max={0.5}
            step={0.01}
            decimalScale={4}
            value={values.alpha}
            onChange={(v) => set('alpha', v)}
            error={sentence(errors['analysis.alpha'])}
            data-testid="field-alpha"
          />
          <Stack gap={6}>
            <Switch
              mt={4}
              label="Sequential testing"
              description="Safe to look every day and stop early"
              checked={values.sequential}
              disabled={values.engine === 'bayesian'}
              onChange={(e) => {
                set('sequential', e.currentTarget.checked);
                // N* is best near the sample the test will reach: start from the planned users.
                if (values.sequentialN === '') set('sequentialN', values.plannedUsers);
              }}
              data-testid="field-sequential"
            />
            {values.sequential && values.engine === 'frequentist' && (
              <NumberInput
                label="Tuning N*"
                description="Expected total units; the interval is tightest there"
                min={1}
                allowDecimal={false}
                thousandSeparator=","
                value={values.sequentialN}
                onChange={(v) => set('sequentialN', v)}
                error={sentence(errors['analysis.sequential'])}
                data-testid="field-sequentialN"
              />
            )}
            {values.sequential && values.engine === 'frequentist' && (
              <NumberInput
                label="Minimum worthwhile lift (%)"
                description="Stops early as inconclusive once the interval lies inside ± this. Empty: half the hypothesis' expected lift, at least 1%"
                min={0}
                max={1000}
                decimalScale={2}
                suffix="%"
                value={values.minLiftPct}
                onChange={(v) => set('minLiftPct', v)}
                error={sentence(errors['analysis.minLift'])}
                data-testid="field-minLift"
              />
            )}
          </Stack>
        </Group>
      </Stack>
    </Paper>
  );
}
