import type { HypothesisStatus } from '@uplift/domain';

/** Open work in cool colours, decisions in green/red, finished work muted. */
export const STATUS_COLOR: Record<HypothesisStatus, string> = {
  DRAFT: 'gray',
  SUBMITTED: 'blue',
  APPROVED: 'teal',
  REJECTED: 'red',
  TESTING: 'violet',
  WON: 'green',
  LOST: 'orange',
  INCONCLUSIVE: 'yellow',
  ARCHIVED: 'dark',
};
