import type { Channel, Roadmap } from '@uplift/domain';

/** The channel whose planned tests end last: the one the backlog's length is counted in. */
export function longestChannel(roadmap: Roadmap): Channel | null {
  const last = roadmap.scheduled.find((s) => s.endWeek === roadmap.quarter.weeksOfBacklog);
  return last?.channel ?? null;
}

/** The roadmap's headline (issue 13): how many approved ideas fit this quarter, and how long the backlog is. */
export function quarterSentence(roadmap: Roadmap, ideas: number): string {
  const { fits, weeksOfBacklog } = roadmap.quarter;
  const head = `This quarter: ${fits} of ${ideas} approved ${ideas === 1 ? 'idea fits' : 'ideas fit'}`;
  const channel = longestChannel(roadmap);
  if (!channel) return `${head}; nothing is planned beyond the running tests`;
  const weeks = `${weeksOfBacklog} ${weeksOfBacklog === 1 ? 'week' : 'weeks'}`;
  return `${head}; the backlog holds ${weeks} of ${channel.toLowerCase()} tests`;
}
