import type { RouterOutputs } from '@uplift/api';
import {
  CHANNELS,
  type Channel,
  defaultRungPolicy,
  isPriorDiscount,
  type LadderSettings,
  type RungPolicy,
  rungPolicy,
} from '@uplift/domain';

type Board = RouterOutputs['ladder']['board'];
type NumberValue = number | string;

/** A rung's policy as the form holds it: the practical threshold in percent, empty for none. */
export interface PolicyValues {
  minUnits: NumberValue;
  minLowerBoundPct: NumberValue;
  approval: RungPolicy['approval'];
  mode: RungPolicy['mode'];
  readinessGate: boolean;
}

export interface LadderSettingsValues {
  ladder: Channel[];
  /** Every channel's policy, also for channels off the ladder (their overrides are kept). */
  policies: Record<Channel, PolicyValues>;
  priorDiscount: NumberValue;
}

export type LadderSettingsUpdate = {
  ladder: Channel[];
  policies: LadderSettings['policies'];
  priorDiscount: number;
};

const num = (v: NumberValue) => (typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v));
const pct = (f: number) => Number((f * 100).toPrecision(12));

export function fromBoard(board: Board): LadderSettingsValues {
  const settings = { policies: (board.policies ?? {}) as LadderSettings['policies'] };
  const policies = Object.fromEntries(
    CHANNELS.map((c) => {
      const p = rungPolicy(settings, c);
      const values: PolicyValues = {
        minUnits: p.minUnits,
        minLowerBoundPct: p.minLowerBound === null ? '' : pct(p.minLowerBound),
        approval: p.approval,
        mode: p.mode,
        readinessGate: p.readinessGate,
      };
      return [c, values];
    }),
  ) as Record<Channel, PolicyValues>;
  return { ladder: [...board.ladder], policies, priorDiscount: board.priorDiscount };
}

function toPolicy(v: PolicyValues): RungPolicy {
  const lower = num(v.minLowerBoundPct);
  return {
    minUnits: num(v.minUnits),
    minLowerBound: Number.isNaN(lower) ? null : Number((lower / 100).toPrecision(12)),
    approval: v.approval,
    mode: v.mode,
    readinessGate: v.readinessGate,
  };
}

/**
 * What to send: the order, each channel's differences from the defaults (so a rung left at its defaults
 * follows them if they change), and the prior discount.
 */
export function toUpdate(v: LadderSettingsValues): LadderSettingsUpdate {
  const policies: LadderSettings['policies'] = {};
  for (const c of CHANNELS) {
    const policy = toPolicy(v.policies[c]);
    const defaults = defaultRungPolicy(c);
    const changed = Object.fromEntries(
      (Object.keys(policy) as (keyof RungPolicy)[]).filter((k) => policy[k] !== defaults[k]).map((k) => [k, policy[k]]),
    );
    if (Object.keys(changed).length) policies[c] = changed;
  }
  return { ladder: v.ladder, policies, priorDiscount: num(v.priorDiscount) };
}

export const sameSettings = (a: LadderSettingsValues, b: LadderSettingsValues) =>
  JSON.stringify(toUpdate(a)) === JSON.stringify(toUpdate(b));

/** Problems keyed `CHANNEL.field` or `priorDiscount`, checked only for rungs on the ladder past the first. */
export function validateLadder(v: LadderSettingsValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const c of v.ladder.slice(1)) {
    const p = v.policies[c];
    const units = num(p.minUnits);
    if (!(Number.isInteger(units) && units >= 0)) errors[`${c}.minUnits`] = 'Must be a whole number ≥ 0';
    const lower = num(p.minLowerBoundPct);
    if (p.minLowerBoundPct !== '' && !(lower > -100 && lower <= 1000)) {
      errors[`${c}.minLowerBoundPct`] = 'Must be above −100%, or empty for none';
    }
  }
  const discount = num(v.priorDiscount);
  if (!isPriorDiscount(discount)) errors.priorDiscount = 'Must be 1–100';
  return errors;
}

/** The ladder with the rung at `index` moved one place up (−1) or down (+1). */
export function moveRung(ladder: Channel[], index: number, by: -1 | 1): Channel[] {
  const to = index + by;
  if (to < 0 || to >= ladder.length) return ladder;
  const next = [...ladder];
  [next[index], next[to]] = [next[to] as Channel, next[index] as Channel];
  return next;
}
