import { Alert, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle, IconShield, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import type { MetricKind, VariantDefinition } from '@uplift/domain';
import { formatCount, formatDateTime, formatPInline } from '../../lib/format';
import { guardrailState, harmedTreatments } from './guardrail-state';
import { formatDifference, formatInterval } from './stat-format';
import { analysisOf, guardrailsOf, type Results } from './types';

interface Props {
  results: Results;
  variants: VariantDefinition[];
  guardrailKinds: Record<string, MetricKind>;
}

/** Plain-words warnings: a failed evaluation (stale figures), a broken split, harmed guardrails, conversions nobody was exposed for. */
export function HealthBanners({ results, variants, guardrailKinds }: Props) {
  const analysis = analysisOf(results.analysis);
  const guardrails = guardrailsOf(results.guardrails);
  const total = analysis?.variants.reduce((s, v) => s + v.users, 0) ?? 0;
  return (
    <Stack gap="sm">
      {results.evaluationFailure && (
        <Alert color="red" icon={<IconAlertTriangle />} title="These results are stale" data-testid="evaluation-failed">
          <Text size="sm">
            The last evaluation failed ({formatDateTime(results.evaluationFailure.failedAt)}):{' '}
            {results.evaluationFailure.message} The figures below are from the evaluation before it.
          </Text>
        </Alert>
      )}
      {analysis?.srm.flagged && (
        <Alert color="red" icon={<IconAlertTriangle />} title="The traffic split is broken" data-testid="srm-banner">
          <Text size="sm">
            The variants did not get the shares their weights promise (sample ratio mismatch,{' '}
            {formatPInline(analysis.srm.pValue)}). This usually means recipients were assigned or exposures logged
            differently per variant. No result can be trusted until that is fixed.
          </Text>
          <List size="sm" mt="xs">
            {analysis.variants.map((v) => {
              const weight = variants.find((d) => d.key === v.key)?.weight ?? 0;
              return (
                <List.Item key={v.key}>
                  {v.key}: {formatCount(v.users)} units, expected about {formatCount(Math.round(total * weight))}
                </List.Item>
              );
            })}
          </List>
        </Alert>
      )}
      {guardrails.map((g) => {
        const kind = guardrailKinds[g.name] ?? 'binomial';
        const state = guardrailState(g.analysis, g.direction);
        const good = g.direction === 'down' ? 'down is good' : 'up is good';
        if (state === 'no_data') {
          return (
            <Alert
              key={g.name}
              color="gray"
              variant="light"
              icon={<IconShield />}
              p="xs"
              data-testid="guardrail-no-data"
            >
              <Text size="sm">
                Guardrail “{g.name}” ({good}): not enough data yet to tell whether a treatment harms it.
              </Text>
            </Alert>
          );
        }
        const hurt = harmedTreatments(g.analysis, g.direction);
        if (state === 'ok') {
          return (
            <Alert
              key={g.name}
              color="teal"
              variant="light"
              icon={<IconShieldCheck />}
              p="xs"
              data-testid="guardrail-ok"
            >
              <Text size="sm">
                Guardrail “{g.name}” ({good}): no treatment harms it.
              </Text>
            </Alert>
          );
        }
        return (
          <Alert
            key={g.name}
            color="orange"
            icon={<IconShieldX />}
            title={`Guardrail “${g.name}” is harmed`}
            data-testid="guardrail-harmed"
          >
            {hurt.map((t) => (
              <Text size="sm" key={t.key}>
                “{t.key}” moves it {formatDifference(t.estimate ?? 0, kind, 'absolute')} (interval{' '}
                {formatInterval(t.ci, kind, 'absolute')}), but {good}. A win on the primary metric does not count while
                this holds.
              </Text>
            ))}
          </Alert>
        );
      })}
      {results.unattributed > 0 && (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle />} data-testid="unattributed-banner">
          <Text size="sm">
            {formatCount(results.unattributed)} conversion{results.unattributed === 1 ? '' : 's'} arrived for units
            never exposed to the experiment. They are kept but not counted: send each exposure before its conversions.
          </Text>
        </Alert>
      )}
      {analysis && analysis.warnings.length > 0 && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle />} title="Notes from the analysis">
          <List size="sm">
            {analysis.warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
