/**
 * Why an experiment in `status` takes no data (events, reports, location sales), or null while it runs. Data
 * after the end is refused, not stored: a completed or stopped experiment's results stay those it was decided on.
 */
export function closedToData(status: string, draftHint: string): string | null {
  if (status === 'DRAFT') return `is a draft; start it before ${draftHint}`;
  if (status === 'COMPLETED' || status === 'STOPPED') return `is ${status.toLowerCase()}; it takes no more data`;
  return null;
}
