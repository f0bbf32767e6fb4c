import type { PreparedEvent } from '@uplift/domain';
import { Prisma } from '../generated/prisma/client';
import { textArray } from '../pg-arrays';
import type { Sql } from '../pg-transaction';
import { type AggregateDelta, delta } from './aggregate-deltas';
import { batchOf, events, FIRST_IN_FRESH, FIRST_STORED, run, type StoredKeys, units } from './ingestion-batch-sql';

export type { StoredKeys };

/** Experiment, then unit, then time: a unit's events side by side, its first exposure first among them. */
const unitOrder = (a: PreparedEvent, b: PreparedEvent) =>
  a.experimentId < b.experimentId
    ? -1
    : a.experimentId > b.experimentId
      ? 1
      : a.unitId < b.unitId
        ? -1
        : a.unitId > b.unitId
          ? 1
          : a.ts.getTime() - b.ts.getTime();

/**
 * A batch's events in unit order (`unitOrder`; at equal times, as sent), and per event whether it is the first
 * exposure of its unit in the batch (`first`: the one that may store the unit), and whether it is a conversion of
 * a unit the batch itself exposes (`here`: attributed whatever is stored). Sorted here rather than by the batch
 * statement: Postgres spent about 1 ms of CPU a batch of 900 exposures sorting them for DISTINCT ON (issue 15).
 * The units are inserted in this order, the same in every batch, so overlapping batches take their keys in one
 * order (see `insertBatch`).
 */
export function inUnitOrder(batch: readonly PreparedEvent[]): {
  events: PreparedEvent[];
  here: boolean[];
  first: boolean[];
} {
  const events = [...batch].sort(unitOrder);
  const here = new Array<boolean>(events.length).fill(false);
  const first = new Array<boolean>(events.length).fill(false);
  for (let start = 0; start < events.length; ) {
    const { experimentId, unitId } = events[start] as PreparedEvent;
    let end = start + 1;
    while (end < events.length && events[end]?.unitId === unitId && events[end]?.experimentId === experimentId) end++;
    let exposure = start;
    while (exposure < end && events[exposure]?.type !== 'exposure') exposure++;
    if (exposure < end) {
      first[exposure] = true;
      for (let i = start; i < end; i++) here[i] = events[i]?.type === 'conversion';
    }
    start = end;
  }
  return { events, here, first };
}

/**
 * Whether some conversion's unit is neither exposed by the batch nor stored as exposed: such a conversion is
 * stored unattributed, and a concurrent batch exposing its unit could miss it, so that batch is written under
 * the experiment's exclusive lock (ingestion.ts).
 */
export async function hasUnexposedConversions(db: Sql, events: PreparedEvent[], here: boolean[]) {
  const rest = events.filter((e, i) => e.type === 'conversion' && !here[i]);
  if (!rest.length) return false;
  const [row] = await db.$queryRaw<{ missing: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM unnest(${textArray(rest.map((e) => e.experimentId))}::text[],
                           ${textArray(rest.map((e) => e.unitId))}::text[]) AS t(e, u)
      WHERE NOT EXISTS (SELECT 1 FROM "ExperimentUnit" x WHERE x."experimentId" = t.e AND x."unitId" = t.u)
    ) AS missing`;
  return row?.missing ?? true;
}

/** What the batch statement does with a stored event id and with a stored unit (`StoredKeys`). */
export interface OnStored {
  events: StoredKeys;
  units: StoredKeys;
}
export const SKIP_STORED: OnStored = { events: 'skip', units: 'skip' };

/** Where a 'fail' insert hit a stored key: an event id (any partition's primary key), a unit, or neither. */
export function storedKeyConflict(error: unknown): 'events' | 'units' | null {
  if ((error as { code?: string }).code !== '23505') return null;
  const table = (error as { table?: string }).table ?? '';
  if (/^ExperimentEvent/.test(table)) return 'events';
  return table === 'ExperimentUnit' ? 'units' : null;
}

/** Per experiment: the events stored now, the conversions among them left unattributed, the attributed ones' ids. */
export interface StoredEvents {
  experimentId: string;
  stored: number;
  orphans: number;
  attributed: string[];
}

/**
 * A batch's events (one per experiment and event id) in unit order, with `here` and `first` (`inUnitOrder`), and
 * the experiments whose first exposures are stored on their unit rows: email campaigns, whose send exposes each
 * recipient once. On other channels (a banner: every view an exposure) an exposure is an event row, the first as
 * the others, and its unit keeps no event id.
 */
export interface BatchRows {
  events: PreparedEvent[];
  here: boolean[];
  first: boolean[];
  onUnit: ReadonlySet<string>;
}

/** The units part answers, beside the units, how many of them hold their first exposure (its id). */
type Answer = (
  | (AggregateDelta & { part: 'units'; firsts: number })
  | (StoredEvents & { part: 'events'; variant: null })
)[];

/**
 * Stores a batch's raw events and its new units:
 * 1. new exposures fix their unit's variant (first exposure wins) — answered as the units (and covariates) they
 *    add per variant and segment; the unit row is its first exposure's raw event;
 * 2. then the other events are inserted once per (experiment, event id), conversions attributed or not — answered
 *    per experiment as the events stored (a new unit's first exposure among them), the conversions left
 *    unattributed, and the attributed ones' ids.
 * Both in key order, units before events, so concurrent overlapping batches never deadlock (the units in the
 * order of `rows`, `inUnitOrder`'s, which the statement keeps: it reads them from the arrays without sorting).
 * When new units are inserted plainly (`onStored.units` 'fail': every exposed unit is new, or the statement fails), this is one
 * statement: the units first, as the UNION ALL reads its branches in order and each branch's aggregate reads its
 * whole insert before answering (data-modifying CTEs run when read: Postgres manual, 7.8.4). When stored units are
 * skipped in a batch of an email experiment (`onUnit`), the events follow in a statement of their own, whose
 * snapshot sees the first exposure of every unit the batch exposes, stored by whichever batch (`FIRST_STORED`):
 * with one statement, a unit a concurrent batch was inserting would be skipped unseen, and its first exposure, in
 * both batches, stored twice. Other experiments' first exposures are event rows, which the primary key keeps
 * once: their batches stay one statement, as a banner's, which re-exposes units batch after batch, must.
 */
export async function insertBatch(tx: Sql, { events: rows, here, first, onUnit }: BatchRows, onStored: OnStored) {
  const { started, covered, unitsIn, eventsIn } = batchOf(rows, here, first, onUnit);
  let answer: Answer;
  if (onStored.units === 'fail' || !rows.some((r) => onUnit.has(r.experimentId))) {
    const u = units(onStored.units);
    const e = events(onStored.events, FIRST_IN_FRESH);
    answer = await run<Answer>(
      tx,
      Prisma.sql`WITH ${started}, ${covered}, ${unitsIn()}, ${eventsIn(FIRST_IN_FRESH.leaveOut)}, ${u.insert}, ${e.insert}
        ${u.answer} UNION ALL ${e.answer}`,
    );
  } else {
    const u = units('skip');
    const e = events(onStored.events, FIRST_STORED);
    answer = [
      ...(first.some(Boolean)
        ? await run<Answer>(tx, Prisma.sql`WITH ${started}, ${covered}, ${unitsIn()}, ${u.insert} ${u.answer}`)
        : []),
      ...(await run<Answer>(
        tx,
        Prisma.sql`WITH ${started}, ${eventsIn(FIRST_STORED.leaveOut)}, ${e.insert} ${e.answer}`,
      )),
    ];
  }
  const deltas: AggregateDelta[] = [];
  const stored = new Map<string, StoredEvents>();
  const of = (experimentId: string) => {
    const entry = stored.get(experimentId) ?? { experimentId, stored: 0, orphans: 0, attributed: [] };
    stored.set(experimentId, entry);
    return entry;
  };
  for (const { part, ...row } of answer) {
    if (part === 'units') {
      const {
        experimentId,
        variant,
        segment,
        metric,
        units: n,
        covariateUnits,
        covariateSum,
        covariateSumSquares,
        firsts,
      } = row as AggregateDelta & { firsts: number };
      deltas.push(
        delta({ experimentId, variant, segment, metric, units: n, covariateUnits, covariateSum, covariateSumSquares }),
      );
      of(experimentId).stored += firsts; // first exposures stored on their unit rows (the others: event rows)
    } else {
      const { experimentId, stored: count, orphans, attributed } = row as StoredEvents;
      const entry = of(experimentId);
      entry.stored += count;
      entry.orphans = orphans;
      entry.attributed = attributed;
    }
  }
  return { units: deltas, stored: [...stored.values()] };
}
