import type { LadderChannel, RungPolicy } from './policy';

const CHANNEL_SUFFIX_KEY = /-(email|banner|offline|push|sms)$/i;
const CHANNEL_SUFFIX_NAME = / — (email|banner|offline|push|sms)$/i;

/** The next rung's experiment key stem: the source's key without its channel suffix, plus the new rung. */
export function nextExperimentStem(sourceKey: string, rung: LadderChannel): string {
  return `${sourceKey.replace(CHANNEL_SUFFIX_KEY, '')}-${rung.toLowerCase()}`;
}

/** The next rung's experiment name: the source's name without its channel suffix, ` — <rung>`. */
export function nextExperimentName(sourceName: string, rung: LadderChannel): string {
  return `${sourceName.replace(CHANNEL_SUFFIX_NAME, '')} — ${rung.toLowerCase()}`;
}

/** The first of `stem`, `stem-2`, `stem-3`, … that `taken` does not hold. */
export async function freeKey(stem: string, taken: (key: string) => boolean | Promise<boolean>): Promise<string> {
  let key = stem;
  for (let n = 2; await taken(key); n++) key = `${stem}-${n}`;
  return key;
}

export interface DesignVariant {
  key: string;
  name: string;
  weight: number;
  [extra: string]: unknown;
}

export interface NextExperimentDesign {
  design: 'ab' | 'rollout';
  /** A rollout starts running at once; an A/B test waits as a draft. */
  running: boolean;
  variants: DesignVariant[];
}

/**
 * The next rung's design: for a rollout rung the winner goes to 90% with a 10% holdout that keeps the control,
 * else a new 50/50 A/B test of the control against the winner (the recorded winner, or the first treatment).
 */
export function nextExperimentDesign(
  policy: Pick<RungPolicy, 'mode'>,
  variants: readonly DesignVariant[],
  winnerKey: string | null | undefined,
): NextExperimentDesign {
  const control = variants[0] as DesignVariant;
  const winner = variants.find((v) => v.key === winnerKey) ?? (variants[1] as DesignVariant);
  if (policy.mode === 'rollout') {
    return {
      design: 'rollout',
      running: true,
      variants: [
        { key: 'holdout', name: `Holdout (${control.name})`, weight: 0.1 },
        { key: winner.key, name: winner.name, weight: 0.9 },
      ],
    };
  }
  return {
    design: 'ab',
    running: false,
    variants: [
      { ...control, weight: 0.5 },
      { ...winner, weight: 0.5 },
    ],
  };
}
