import { channelWord } from './channel-words';

/** A notification the ladder's step implies. */
export interface LadderNotice {
  kind: 'ladder' | 'promotion_proposed' | 'demotion_proposed';
  title: string;
  body: string;
}

/**
 * What the ladder tells the workspace about an offer that was tested in `channel`; channels read as words
 * ("moves up to banners"), not enum values.
 */
export function stepNotice(offer: string, testedIn: string) {
  const channel = channelWord(testedIn);
  return {
    rolledOut: (): LadderNotice => ({
      kind: 'ladder',
      title: `"${offer}" won at the top rung (${channel})`,
      body: 'The offer is rolled out.',
    }),
    notQualified: (to: string, reasons: string[]): LadderNotice => ({
      kind: 'ladder',
      title: `"${offer}" won in ${channel} but does not qualify for ${channelWord(to)}`,
      body: reasons.join('; '),
    }),
    movesUp: (to: string, reason: string): LadderNotice => ({
      kind: 'ladder',
      title: `"${offer}" moves up to ${channelWord(to)}`,
      body: `It won in ${channel}: ${reason}`,
    }),
    proposeUp: (to: string, reason: string, readinessGate: boolean): LadderNotice => ({
      kind: 'promotion_proposed',
      title: `"${offer}" won in ${channel}: approve the step to ${channelWord(to)}?`,
      body: `${reason}${readinessGate ? ` The step to ${channelWord(to)} also needs a readiness check of delivery and unit economics.` : ''}`,
    }),
    proposeBack: (back: string, reason: string | undefined): LadderNotice => ({
      kind: 'demotion_proposed',
      title: `"${offer}" lost in ${channel}: step back to ${channelWord(back)}?`,
      body: `${reason ?? 'The treatment is worse than the control.'} Nothing changes until a product owner decides.`,
    }),
    proposeScoped: (to: string, segments: string[], reason: string): LadderNotice => ({
      kind: 'promotion_proposed',
      title: `"${offer}" won in ${channel} for ${segments.join(', ')} only: approve a scoped step to ${channelWord(to)}?`,
      body: `No overall win, but it wins in these segments after correcting across segments. ${reason}`,
    }),
  };
}
