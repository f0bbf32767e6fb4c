import { NumberInput, Select, SimpleGrid, Switch } from '@mantine/core';
import type { Channel } from '@uplift/domain';
import type { PolicyValues } from './ladder-settings-values';

interface Props {
  rung: Channel;
  value: PolicyValues;
  onChange: <K extends keyof PolicyValues>(field: K, value: PolicyValues[K]) => void;
  errors: Record<string, string>;
}

const APPROVALS = [
  { value: 'none', label: 'Nobody (at once)' },
  { value: 'product_owner', label: 'Product owner' },
];
const MODES = [
  { value: 'experiment', label: 'New A/B experiment' },
  { value: 'rollout', label: 'Rollout, 10% holdout' },
];

/** What it takes for an offer to step onto one rung. */
export function RungPolicyFields({ rung, value, onChange, errors }: Props) {
  const id = (field: string) => `policy-${field}-${rung}`;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} data-testid={`policy-${rung}`}>
      <NumberInput
        label="Minimum units"
        description="In the winning experiment"
        min={0}
        allowDecimal={false}
        thousandSeparator=","
        value={value.minUnits}
        onChange={(v) => onChange('minUnits', v)}
        error={errors[`${rung}.minUnits`]}
        data-testid={id('minUnits')}
      />
      <NumberInput
        label="Practical threshold"
        description="The lift's lower bound must exceed it"
        placeholder="None"
        suffix="%"
        decimalScale={2}
        value={value.minLowerBoundPct}
        onChange={(v) => onChange('minLowerBoundPct', v)}
        error={errors[`${rung}.minLowerBoundPct`]}
        data-testid={id('minLowerBound')}
      />
      <Select
        label="Who approves"
        data={APPROVALS}
        value={value.approval}
        onChange={(v) => v && onChange('approval', v as PolicyValues['approval'])}
        allowDeselect={false}
        data-testid={id('approval')}
      />
      <Select
        label="Next step"
        data={MODES}
        value={value.mode}
        onChange={(v) => v && onChange('mode', v as PolicyValues['mode'])}
        allowDeselect={false}
        data-testid={id('mode')}
      />
      <Switch
        mt="md"
        label="Readiness gate"
        description="A product owner confirms delivery at scale and unit economics first"
        checked={value.readinessGate}
        onChange={(e) => onChange('readinessGate', e.currentTarget.checked)}
        data-testid={id('readinessGate')}
      />
    </SimpleGrid>
  );
}
