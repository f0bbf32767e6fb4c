// The figures the ingestion tests compare: the aggregates ingestion keeps, and the same figures computed from
// scratch from the stored raw rows.
import { type Db, rawEventsOf } from '@uplift/db';
import type { Deps } from '../context';
import { callerFor, insertHypothesis, sampleExperiment, type TestWorkspace } from './fixtures';

const METRICS = {
  primary: { name: 'purchase', kind: 'binomial' as const },
  guardrails: [{ name: 'revenue', kind: 'mean' as const, direction: 'up' as const }],
};
const KINDS: Record<string, 'binomial' | 'mean'> = { purchase: 'binomial', revenue: 'mean' };

/**
 * A running experiment with a binomial primary metric and a mean guardrail, an email one unless `channel` says
 * (set in the row, as the ladder's rules for reaching a banner are not what these tests are about).
 */
export async function runningExperiment(deps: Deps, ws: TestWorkspace, channel: 'EMAIL' | 'BANNER' = 'EMAIL') {
  const h = await insertHypothesis(deps.db, ws, ws.users.MARKETER.id, { status: 'APPROVED' });
  const owner = callerFor(deps, ws.users.PRODUCT_OWNER, ws.slug);
  const e = await owner.experiment.create({ ...sampleExperiment(h.id), metrics: METRICS, start: true });
  if (channel !== 'EMAIL') await deps.db.experiment.update({ where: { id: e.id }, data: { channel } });
  const { startedAt } = await deps.db.experiment.findUniqueOrThrow({ where: { id: e.id } });
  return { id: e.id, key: e.key, startedAt: startedAt as Date };
}

const line = (r: { variant: string; metric: string; units: number; sum: number; sumSquares: number }) =>
  `${r.variant}/${r.metric}:${r.units}/${r.sum}/${r.sumSquares}`;

/** The aggregates as ingestion keeps them, and the unattributed count. */
export async function keptFigures(db: Db, experimentId: string) {
  const rows = await db.experimentAggregate.findMany({ where: { experimentId } });
  const { unattributedEvents } = await db.experiment.findUniqueOrThrow({ where: { id: experimentId } });
  return {
    rows: rows
      .filter((r) => r.units > 0 || r.metric === '')
      .map(line)
      .sort(),
    unattributed: unattributedEvents,
  };
}

/** The same figures computed from scratch from the stored raw rows: attributed = unit exposed and ts ≥ start. */
export async function figuresFromScratch(db: Db, experimentId: string, startedAt: Date) {
  const raw = await rawEventsOf(db, experimentId);
  const variantOf = new Map(raw.filter((r) => r.type === 'exposure').map((r) => [r.unitId, r.variant as string]));
  const agg = new Map<string, { variant: string; metric: string; units: number; sum: number; sumSquares: number }>();
  const at = (variant: string, metric: string) => {
    const k = `${variant}/${metric}`;
    if (!agg.has(k)) agg.set(k, { variant, metric, units: 0, sum: 0, sumSquares: 0 });
    return agg.get(k) as { units: number; sum: number; sumSquares: number };
  };
  for (const v of new Set(variantOf.values())) at(v, '');
  for (const v of variantOf.values()) at(v, '').units++;
  const perUnit = new Map<string, { variant: string; metric: string; value: number }>();
  let unattributed = 0;
  for (const r of raw.filter((e) => e.type === 'conversion')) {
    const variant = variantOf.get(r.unitId);
    if (!variant || r.ts < startedAt) {
      unattributed++;
      continue;
    }
    const metric = r.metric as string;
    const u = perUnit.get(`${metric}/${r.unitId}`) ?? { variant, metric, value: 0 };
    u.value = KINDS[metric] === 'mean' ? u.value + (r.value ?? 0) : 1;
    perUnit.set(`${metric}/${r.unitId}`, u);
  }
  for (const u of perUnit.values()) {
    const a = at(u.variant, u.metric);
    a.units++;
    a.sum += u.value;
    a.sumSquares += u.value * u.value;
  }
  return {
    rows: [...agg.values()]
      .filter((r) => r.units > 0 || r.metric === '')
      .map(line)
      .sort(),
    unattributed,
  };
}
