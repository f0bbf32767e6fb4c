import type { CapacityUpdate, Channel, ChannelCapacities, WorkspaceSettingsInput } from '@uplift/domain';

type NumberValue = number | string;
export interface CapacityValues {
  rungs: Channel[];
  capacity: Partial<Record<Channel, { unitsPerWeek: NumberValue; maxConcurrent: NumberValue }>>;
  maxTestWeeks: NumberValue;
}
interface Workspace {
  ladder: Channel[];
  capacity: ChannelCapacities;
  maxTestWeeks: number;
}

const num = (v: NumberValue) => (typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v));
const blank = (v: NumberValue) => typeof v === 'string' && v.trim() === '';

/** One row per rung of the ladder, empty where no capacity is set. */
export function fromWorkspace(w: Workspace): CapacityValues {
  return {
    rungs: w.ladder,
    capacity: Object.fromEntries(
      w.ladder.map((rung) => [
        rung,
        { unitsPerWeek: w.capacity[rung]?.unitsPerWeek ?? '', maxConcurrent: w.capacity[rung]?.maxConcurrent ?? '' },
      ]),
    ),
    maxTestWeeks: w.maxTestWeeks,
  };
}

/** Only what changed: a rung filled in or edited is set, a rung emptied is cleared (null). */
export function capacityChanges(v: CapacityValues, w: Workspace): WorkspaceSettingsInput {
  const capacity: CapacityUpdate = {};
  for (const rung of v.rungs) {
    const row = v.capacity[rung];
    const current = w.capacity[rung];
    if (!row) continue;
    if (blank(row.unitsPerWeek) && blank(row.maxConcurrent)) {
      if (current) capacity[rung] = null;
      continue;
    }
    const next = { unitsPerWeek: num(row.unitsPerWeek), maxConcurrent: num(row.maxConcurrent) };
    if (next.unitsPerWeek !== current?.unitsPerWeek || next.maxConcurrent !== current?.maxConcurrent) {
      capacity[rung] = next;
    }
  }
  const changes: WorkspaceSettingsInput = {};
  if (Object.keys(capacity).length) changes.capacity = capacity;
  if (num(v.maxTestWeeks) !== w.maxTestWeeks) changes.maxTestWeeks = num(v.maxTestWeeks);
  return changes;
}

/** Problems keyed by the api's field names (`capacity.EMAIL.unitsPerWeek`), so server errors land alike. */
export function validateCapacity(v: CapacityValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const rung of v.rungs) {
    const row = v.capacity[rung];
    if (!row || (blank(row.unitsPerWeek) && blank(row.maxConcurrent))) continue;
    const units = num(row.unitsPerWeek);
    const slots = num(row.maxConcurrent);
    if (!(units > 0)) errors[`capacity.${rung}.unitsPerWeek`] = 'Must be above 0 (or clear both fields)';
    if (!(Number.isInteger(slots) && slots >= 1 && slots <= 1000)) {
      errors[`capacity.${rung}.maxConcurrent`] = 'Must be a whole number, 1–1000 (or clear both fields)';
    }
  }
  const weeks = num(v.maxTestWeeks);
  if (!(Number.isInteger(weeks) && weeks >= 1 && weeks <= 104)) errors.maxTestWeeks = 'Must be 1–104 whole weeks';
  return errors;
}
