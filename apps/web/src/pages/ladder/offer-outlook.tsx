import { Text, type TextProps } from '@mantine/core';
import { rungName, rungPlace } from '../../lib/ladder-words';
import { useCurrency } from '../../lib/money';
import { signedAmount } from './evidence-words';
import type { OfferOutlook } from './offer-summary';

/** The offer's projection in words, or for a demoted offer why it has none. */
export function OfferOutlookLine({ outlook, ...props }: { outlook: OfferOutlook } & TextProps) {
  const currency = useCurrency();
  if (outlook.kind === 'demoted') {
    return (
      <Text {...props} data-testid="offer-demoted">
        Lost {rungPlace(outlook.from)} and stepped back to {rungName(outlook.to).toLowerCase()}: no projection until it
        wins again.
      </Text>
    );
  }
  return (
    <Text {...props} data-testid="offer-projected">
      Projected{' '}
      <Text span fw={600} inherit c={outlook.gain >= 0 ? 'teal' : 'red'}>
        {signedAmount(outlook.gain, currency)}
      </Text>{' '}
      per month {rungPlace(outlook.rung)}
    </Text>
  );
}
