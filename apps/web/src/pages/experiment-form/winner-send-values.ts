import type { Channel, WinnerSendInput } from '@uplift/domain';

/** Mantine's NumberInput reports '' while empty and a string while a number is half typed. */
type NumberValue = number | string;

/** The experiment form's winner send: off, or the list size, the deadline and an optional test share. */
export interface WinnerSendValues {
  on: boolean;
  audienceSize: NumberValue;
  decisionHours: NumberValue;
  /** Empty: the smallest share that reaches the planned sample (shown beside the field). */
  testShare: NumberValue;
}

export const NO_WINNER_SEND_VALUES: WinnerSendValues = { on: false, audienceSize: '', decisionHours: 4, testShare: '' };

const num = (v: NumberValue): number | undefined => {
  if (typeof v === 'number') return v;
  return v.trim() === '' ? undefined : Number(v);
};

/** The api's `winnerSend`: null when off or when the channel is not EMAIL (the option is hidden there). */
export function winnerSendInput(v: WinnerSendValues, channel: Channel): WinnerSendInput | null {
  if (!v.on || channel !== 'EMAIL') return null;
  const testShare = num(v.testShare);
  return {
    audienceSize: num(v.audienceSize) as number,
    decisionHours: num(v.decisionHours) as number,
    ...(testShare === undefined ? {} : { testShare }),
  };
}

/** A saved experiment's winner send as the form shows it (its stored share, which may be the default). */
export function winnerSendValues(e: {
  audienceSize: number | null;
  testShare: number | null;
  decisionHours: number | null;
}): WinnerSendValues {
  if (e.audienceSize === null || e.decisionHours === null) return NO_WINNER_SEND_VALUES;
  return { on: true, audienceSize: e.audienceSize, decisionHours: e.decisionHours, testShare: e.testShare ?? '' };
}
