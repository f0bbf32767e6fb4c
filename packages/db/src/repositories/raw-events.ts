import type { Tx } from '../client';
import type { ExperimentEvent, Prisma } from '../generated/prisma/client';

/** A raw event as received (a unit's first exposure has no receipt time of its own: its unit row keeps none). */
export type RawEvent = Omit<ExperimentEvent, 'receivedAt'>;

/**
 * Raw events as stored: the event rows, and each unit's first exposure, which its unit row holds (migration
 * 20261206090000_first_exposure_on_unit; units stored before it have their first exposure among the event rows).
 */
export async function rawEventsOf(db: Tx, experimentId: string): Promise<RawEvent[]> {
  const [rows, units] = await Promise.all([
    db.experimentEvent.findMany({ where: { experimentId }, omit: { receivedAt: true } }),
    db.experimentUnit.findMany({ where: { experimentId, eventId: { not: null } } }),
  ]);
  const firsts = units.map(
    (u): RawEvent => ({
      experimentId: u.experimentId,
      eventId: u.eventId as string,
      unitId: u.unitId,
      type: 'exposure',
      variant: u.variant,
      metric: null,
      value: null,
      ts: u.exposedAt,
      attributed: true,
    }),
  );
  return [...rows, ...firsts];
}

/** How many raw events are stored (as `rawEventsOf` lists them) for the experiments `experimentId` picks. */
export async function countRawEvents(db: Tx, experimentId?: string | Prisma.StringFilter): Promise<number> {
  const [rows, firsts] = await Promise.all([
    db.experimentEvent.count({ where: { experimentId } }),
    db.experimentUnit.count({ where: { experimentId, eventId: { not: null } } }),
  ]);
  return rows + firsts;
}
