/** A running experiment with no new data for this long raises a no-data alert (once, until data arrives). */
export const NO_DATA_AFTER_MS = 24 * 3600 * 1000;

export interface NoDataClock {
  lastDataAt: Date | null;
  startedAt: Date | null;
  noDataAlertedAt: Date | null;
}

/** Since when the experiment has waited for data: its last event or report, else its start. */
export const noDataSince = (e: Pick<NoDataClock, 'lastDataAt' | 'startedAt'>) => e.lastDataAt ?? e.startedAt;

/** Due when `now − (lastDataAt ?? startedAt) ≥ 24 h` and no alert was raised since the last data. */
export function noDataDue(e: NoDataClock, now: Date): boolean {
  const since = noDataSince(e);
  return !e.noDataAlertedAt && since !== null && now.getTime() - since.getTime() >= NO_DATA_AFTER_MS;
}

/** The alert's notification: whole hours without data, and what to check. */
export function noDataNotice(experiment: { key: string; name: string }, since: Date, now: Date) {
  const hours = Math.floor((now.getTime() - since.getTime()) / 3_600_000);
  return {
    kind: 'no_data' as const,
    title: `No data for "${experiment.name}" in ${hours} hours`,
    body: `The experiment is running but has received no events or reports since ${since.toISOString()}. Check the email tool's integration.`,
    data: { experiment: experiment.key, since: since.toISOString() },
  };
}
