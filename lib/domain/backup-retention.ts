// Which backups to keep: the newest of each of the last `daily` days, `weekly` ISO weeks and `monthly` months that
// have a backup (a grandfather-father-son rotation). Pure: the backups' times come in, the ones to delete go out.

export type RetentionRule = { daily: number; weekly: number; monthly: number };

export const DEFAULT_RETENTION: RetentionRule = { daily: 7, weekly: 4, monthly: 12 };

function dayKey(at: Date): string {
  return at.toISOString().slice(0, 10);
}

// ISO 8601 week: the week (Monday to Sunday) belongs to the year of its Thursday.
function weekKey(at: Date): string {
  const thursday = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() + 3 - ((thursday.getUTCDay() + 6) % 7));
  const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

function monthKey(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** The items to keep, newest first; everything else may be deleted. */
export function backupsToKeep<T extends { at: Date }>(backups: T[], rule: RetentionRule = DEFAULT_RETENTION): T[] {
  const newestFirst = [...backups].sort((a, b) => b.at.getTime() - a.at.getTime());
  const keep = new Set<T>();
  for (const [count, key] of [
    [rule.daily, dayKey],
    [rule.weekly, weekKey],
    [rule.monthly, monthKey],
  ] as const) {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      const bucket = key(backup.at);
      if (seen.has(bucket)) continue;
      if (seen.size >= count) break;
      seen.add(bucket);
      keep.add(backup);
    }
  }
  return newestFirst.filter((b) => keep.has(b));
}
