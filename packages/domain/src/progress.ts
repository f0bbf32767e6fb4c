const DAY_MS = 86_400_000;

export interface ExperimentProgress {
  users: number;
  plannedUsers: number;
  /** Share of the planned sample reached, capped at 1. */
  fraction: number;
  /** Days to the planned sample at the pace so far: 0 once reached, null while there is no pace to tell. */
  daysLeft: number | null;
}

/** Progress to the planned sample, projected from the users per day since the start. */
export function experimentProgress(input: {
  users: number;
  plannedUsers: number;
  startedAt: Date | null;
  now: Date;
}): ExperimentProgress {
  const { users, plannedUsers, startedAt, now } = input;
  const elapsedDays = startedAt ? (now.getTime() - startedAt.getTime()) / DAY_MS : 0;
  const perDay = elapsedDays > 0 ? users / elapsedDays : 0;
  const remaining = Math.max(0, plannedUsers - users);
  return {
    users,
    plannedUsers,
    fraction: Math.min(1, users / plannedUsers),
    daysLeft: remaining === 0 ? 0 : perDay > 0 ? Math.ceil(remaining / perDay) : null,
  };
}
