import type { Channel, OfferState } from '@uplift/domain';

export { OFFER_STATES, type OfferState } from '@uplift/domain';

export const OFFER_STATE_LABEL: Record<OfferState, string> = {
  TESTING: 'Testing',
  READY: 'Ready to test',
  AWAITING_APPROVAL: 'Waiting for approval',
  WON: 'Won',
  ROLLED_OUT: 'Rolled out',
  DEMOTED: 'Demoted',
  LOST: 'Lost',
  INCONCLUSIVE: 'Inconclusive',
  STOPPED: 'Stopped',
};

export const OFFER_STATE_COLOR: Record<OfferState, string> = {
  TESTING: 'blue',
  READY: 'cyan',
  AWAITING_APPROVAL: 'yellow',
  WON: 'green',
  ROLLED_OUT: 'teal',
  DEMOTED: 'orange',
  LOST: 'red',
  INCONCLUSIVE: 'gray',
  STOPPED: 'dark',
};

export const isOfferState = (value: unknown): value is OfferState =>
  typeof value === 'string' && value in OFFER_STATE_LABEL;

/** A rung's name as a column heading. */
export const RUNG_NAME: Record<Channel, string> = {
  EMAIL: 'Email',
  BANNER: 'Banners',
  OFFLINE: 'Offline',
  PUSH: 'Push',
  SMS: 'SMS',
};

/** A rung inside a sentence: "+7.4% in email", "projected … on banners". */
export const RUNG_PLACE: Record<Channel, string> = {
  EMAIL: 'in email',
  BANNER: 'on banners',
  OFFLINE: 'offline',
  PUSH: 'in push',
  SMS: 'by SMS',
};

/** What one unit of an experiment is on each rung (a location test counts stores). */
export const RUNG_UNITS: Record<Channel, string> = {
  EMAIL: 'recipients',
  BANNER: 'visitors',
  OFFLINE: 'locations',
  PUSH: 'recipients',
  SMS: 'recipients',
};

export const rungName = (rung: string) => RUNG_NAME[rung as Channel] ?? rung;
export const rungPlace = (rung: string) => RUNG_PLACE[rung as Channel] ?? `on ${rung.toLowerCase()}`;
export const rungUnits = (rung: string) => RUNG_UNITS[rung as Channel] ?? 'units';
