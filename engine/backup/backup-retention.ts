export interface RetentionPolicy {
  /** Keep the newest backup of each of the last this many days that have one. */
  daily: number;
  /** Keep the newest backup of each of the last this many ISO weeks that have one. */
  weekly: number;
}

/**
 * Which backups a retention keeps: grandfather-father-son, as backup tools count it. The newest
 * backup of a day is that day's; of the days that have a backup, the newest `daily` keep theirs,
 * and likewise the newest `weekly` weeks (Monday to Sunday, UTC). The newest backup is always kept.
 */
export function keptBackups(backups: readonly { name: string; createdAt: string }[], policy: RetentionPolicy): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const kept = new Set<string>(newestFirst.slice(0, 1).map((backup) => backup.name));
  const keepNewestPer = (period: (at: Date) => string, count: number) => {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      const key = period(new Date(backup.createdAt));
      if (seen.has(key)) continue;
      if (seen.size >= count) break;
      seen.add(key);
      kept.add(backup.name);
    }
  };
  keepNewestPer((at) => at.toISOString().slice(0, 10), policy.daily);
  keepNewestPer(isoWeek, policy.weekly);
  return kept;
}

/** The Monday of the date's week, as the week's key. */
function isoWeek(at: Date): string {
  const monday = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return monday.toISOString().slice(0, 10);
}
