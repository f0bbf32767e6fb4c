import { Badge, type BadgeProps } from '@mantine/core';
import { isOfferState, OFFER_STATE_COLOR, OFFER_STATE_LABEL } from '../lib/ladder-words';

/** Where an offer stands on its rung (testing, waiting for approval, rolled out…). */
export function OfferStateBadge({ state, ...props }: { state: string } & BadgeProps) {
  const known = isOfferState(state);
  return (
    <Badge
      color={known ? OFFER_STATE_COLOR[state] : 'gray'}
      variant="light"
      miw="max-content"
      data-testid="offer-state"
      data-state={state}
      {...props}
    >
      {known ? OFFER_STATE_LABEL[state] : state}
    </Badge>
  );
}
