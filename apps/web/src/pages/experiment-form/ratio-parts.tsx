import { Group, TextInput } from '@mantine/core';
import { sentence } from '../../lib/format';

interface Props {
  numerator: string;
  denominator: string;
  onChange: (patch: { numerator?: string; denominator?: string }) => void;
  /** The api's error path of this metric (`metrics.primary`, `metrics.guardrails.2`). */
  path: string;
  errors: Record<string, string | undefined>;
}

/** A ratio metric's numerator and denominator: two binomial or mean metrics of the experiment, by name. */
export function RatioParts({ numerator, denominator, onChange, path, errors }: Props) {
  return (
    <Group align="flex-start" grow data-testid="ratio-parts">
      <TextInput
        label="Numerator"
        description="A metric of this experiment, e.g. revenue"
        value={numerator}
        onChange={(e) => onChange({ numerator: e.currentTarget.value })}
        error={sentence(errors[`${path}.numerator`])}
      />
      <TextInput
        label="Denominator"
        description="Another one, e.g. orders"
        value={denominator}
        onChange={(e) => onChange({ denominator: e.currentTarget.value })}
        error={sentence(errors[`${path}.denominator`])}
      />
    </Group>
  );
}
