import { Group, Spoiler, Stack, Text } from '@mantine/core';
import {
  LOCATION_TEST_WEEKS,
  type LocationMethod,
  type LocationSplit as ProposedSplit,
  storedLocationMethod,
} from '@uplift/domain';
import { formatAmount } from '../../../lib/format';

/** The experiment's `locationSplit` JSON: the proposed split with the seed and start it was made from. */
export type LocationSplitRecord = ProposedSplit & {
  seed: string;
  start: string;
  plannedWeeks?: number;
  method?: LocationMethod;
  chosen?: boolean;
};

const METHOD_NAMES: Record<LocationMethod, string> = {
  did: 'difference-in-differences',
  synthetic: 'synthetic control',
  auto: 'auto (synthetic control below 5 treated locations, else difference-in-differences)',
};

/** |d| below 0.1 is the usual bar for balanced groups (Austin 2009, Stat Med 28:3083). */
const verdict = (d: number) =>
  Math.abs(d) < 0.1 ? 'well balanced' : Math.abs(d) < 0.25 ? 'acceptably balanced' : 'unbalanced: consider new data';

/** The proposed treatment / holdout split of the locations and how alike the two groups sold before. */
export function LocationSplit({ split }: { split: LocationSplitRecord }) {
  const { treatmentMean, holdoutMean, standardizedDifference: d } = split.balance;
  return (
    <Stack gap={4} data-testid="location-split">
      <Text size="sm">
        <Text span fw={600}>
          {split.treatment.length} treatment
        </Text>{' '}
        and{' '}
        <Text span fw={600}>
          {split.holdout.length} holdout
        </Text>{' '}
        locations,{' '}
        {split.chosen ? (
          <>treatment chosen from a plan, compared on sales before {split.start}.</>
        ) : (
          <>
            stratified by sales before {split.start} (seed <code>{split.seed}</code>).
          </>
        )}
      </Text>
      <Text size="sm" data-testid="location-balance">
        {`Mean weekly sales before: treatment ${formatAmount(treatmentMean)}, holdout ${formatAmount(holdoutMean)}; `}
        standardized difference {d.toFixed(3)} ({verdict(d)}).
      </Text>
      <Text size="sm" data-testid="location-split-method">
        Analysed by {METHOD_NAMES[storedLocationMethod(split)]} over {split.plannedWeeks ?? LOCATION_TEST_WEEKS} planned
        weeks.
      </Text>
      <Spoiler maxHeight={0} showLabel="Show the locations" hideLabel="Hide the locations">
        <Group align="flex-start" gap="xl">
          <Text size="xs">
            <b>Treatment:</b> {split.treatment.join(', ')}
          </Text>
          <Text size="xs">
            <b>Holdout:</b> {split.holdout.join(', ')}
          </Text>
        </Group>
      </Spoiler>
    </Stack>
  );
}
