// The opening of an event batch's transaction (ingestion.ts): its experiments' locks and state.
import { textArray } from '../pg-arrays';
import type { Opening, Prepared } from '../pg-transaction';

/** The experiments' data locks in the order of their ids (covariates.ts `lockExperimentData`), shared or exclusive. */
const LOCKS = (exclusive: boolean): Prepared => ({
  name: exclusive ? 'uplift_data_locks' : 'uplift_data_locks_shared',
  types: 'text[]',
  text: `SELECT ${exclusive ? 'pg_advisory_xact_lock' : 'pg_advisory_xact_lock_shared'}(hashtextextended(t.id, 7))
    FROM unnest($1) WITH ORDINALITY AS t(id, n) ORDER BY t.n`,
});
/** The experiments' state as a batch reads it after their locks. */
const STATE: Prepared = {
  name: 'uplift_ingestion_state',
  types: 'text[]',
  text: `SELECT id, status::text AS status, "unattributedEvents" AS unattributed, channel::text AS channel
    FROM "Experiment" WHERE id = ANY($1)`,
};

/**
 * The experiments' data locks (`LOCKS`), in id order, then their state read after them (`STATE`): status, and the
 * unattributed events counted so far. With `savepoint`, a savepoint follows the locks: where insertEvents undoes a
 * plain insert of the batch's events. Prepared statements (pg-transaction.ts `Prepared`), parsed and planned once
 * per connection.
 */
export const dataLock =
  (ids: string[], exclusive: boolean, savepoint: boolean): Opening =>
  (literal, execute) => {
    const sorted = literal(textArray(ids));
    return `${execute(LOCKS(exclusive), [sorted])};
      ${savepoint ? 'SAVEPOINT before_events;' : ''}
      ${execute(STATE, [sorted])}`;
  };
