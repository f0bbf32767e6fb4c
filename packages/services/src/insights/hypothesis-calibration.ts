import { type Channel, type FunnelStage, type StoredInsights, stageAndChannel } from '@uplift/domain';
import type { ActingScope } from '../acting';
import { mustGetHypothesis } from '../backlog/write-and-rerank';
import type { ServiceDeps } from '../deps';
import { getInsights } from './get-insights';

type Entry = StoredInsights['openHypotheses'][number];
type Calibration = StoredInsights['calibration'];

/** Wins behind the calibrated confidence: the win rate of the level the calibration used (null: the author's). */
function winsAt(calibration: Calibration, entry: Entry, h: { channel: Channel; funnelStage: FunnelStage }) {
  const { level, n } = entry.confidence;
  const rate =
    level === 'stageAndChannel'
      ? calibration.winRateByStageAndChannel.find((r) => r.group === stageAndChannel({ ...h, stage: h.funnelStage }))
      : level === 'channel'
        ? calibration.winRateByChannel.find((r) => r.group === h.channel)
        : level === 'workspace'
          ? calibration.winRate
          : null;
  // An idea moved to another stage or channel since the figures were computed: its counts are not shown.
  return rate && rate.n === n ? rate.wins : null;
}

/**
 * One hypothesis' calibrated ROI as the Insights job last computed it, with what it was built from (for the
 * sentence on its page). `calibrated` is null before the first computation or when the idea has no entry
 * (not open, or opened since).
 */
export async function hypothesisCalibration(
  deps: Pick<ServiceDeps, 'db'>,
  { workspace }: Pick<ActingScope, 'workspace'>,
  input: { id: string },
) {
  const h = await mustGetHypothesis(deps, workspace.id, input.id);
  const insights = await getInsights(deps, workspace.id);
  const entry = insights?.figures.openHypotheses.find((o) => o.id === h.id);
  if (!insights || !entry) return { computedAt: insights?.computedAt ?? null, calibrated: null };
  return {
    computedAt: insights.computedAt,
    calibrated: {
      channel: h.channel,
      stage: h.funnelStage,
      authorRoi: entry.author.roi,
      calibratedRoi: entry.calibrated.roi,
      confidence: { ...entry.confidence, wins: winsAt(insights.figures.calibration, entry, h) },
      lift: entry.lift,
    },
  };
}
