import { describe, expect, it } from "vitest";
import { backupsToKeep } from "./backup-retention";

// One backup a day at 02:30 UTC for `days` days, ending on `last`.
function daily(last: string, days: number) {
  const end = new Date(`${last}T02:30:00Z`).getTime();
  return Array.from({ length: days }, (_, i) => ({ at: new Date(end - i * 86_400_000) }));
}

const days = (items: { at: Date }[]) => items.map((b) => b.at.toISOString().slice(0, 10));

describe("backupsToKeep", () => {
  it("keeps everything while there are fewer backups than the daily rule", () => {
    expect(backupsToKeep(daily("2026-12-02", 5))).toHaveLength(5);
  });

  it("after 400 daily backups keeps 7 days, 4 weeks' newest and 12 months' newest", () => {
    const kept = days(backupsToKeep(daily("2026-12-02", 400)));
    // The last 7 days (they also stand for this week and this month).
    expect(kept.slice(0, 7)).toEqual([
      "2026-12-02",
      "2026-12-01",
      "2026-11-30",
      "2026-11-29",
      "2026-11-28",
      "2026-11-27",
      "2026-11-26",
    ]);
    // Sundays close the ISO weeks before; the last day of each month closes the months before.
    for (const day of ["2026-11-22", "2026-11-15"]) expect(kept).toContain(day);
    for (const day of ["2026-10-31", "2026-09-30", "2026-01-31"]) expect(kept).toContain(day);
    expect(kept).not.toContain("2025-12-31"); // the thirteenth month back
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(new Set(kept).size).toBe(kept.length);
  });

  it("keeps the newest of several backups on the same day", () => {
    const kept = backupsToKeep([{ at: new Date("2026-12-02T01:00:00Z") }, { at: new Date("2026-12-02T09:00:00Z") }]);
    expect(kept.map((b) => b.at.toISOString())).toEqual(["2026-12-02T09:00:00.000Z"]);
  });
});
