import { afterEach, describe, expect, it, vi } from "vitest";
import cron from "node-cron";
import { schedules } from "./schedules";
import { TIMEZONE, slotOf } from "./worker";

const hourly = schedules.find((s) => s.name === "sts-automatic-sending")!;

function romeTime(date: Date) {
  return new Intl.DateTimeFormat("it-IT", {
    timeZone: "Europe/Rome",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(date);
}

function nextRuns(from: string, count: number): Date[] {
  vi.useFakeTimers({ now: new Date(from) });
  const task = cron.createTask(hourly.cron, () => {}, { timezone: hourly.timezone ?? TIMEZONE });
  const runs = task.getNextRuns(count);
  void task.destroy();
  return runs;
}

afterEach(() => vi.useRealTimers());

describe("the hourly automatic sending schedule", () => {
  it("fires at minute 10 of every hour in Europe/Rome", () => {
    const runs = nextRuns("2026-11-26T09:00:00Z", 3);
    expect(runs.map(romeTime)).toEqual(["10:10", "11:10", "12:10"]);
  });

  it("keeps one run per real hour across the autumn DST change (the 02:00 hour happens twice)", () => {
    const runs = nextRuns("2026-10-24T22:30:00Z", 5); // 00:30 CEST on 25 October 2026
    expect(runs.map((r) => r.toISOString())).toEqual([
      "2026-10-24T23:10:00.000Z", // 01:10 CEST
      "2026-10-25T00:10:00.000Z", // 02:10 CEST
      "2026-10-25T01:10:00.000Z", // 02:10 CET
      "2026-10-25T02:10:00.000Z", // 03:10 CET
      "2026-10-25T03:10:00.000Z",
    ]);
  });

  it("skips no real hour across the spring DST change (02:00 does not exist)", () => {
    const runs = nextRuns("2027-03-28T00:30:00Z", 3); // 01:30 CET on 28 March 2027
    expect(runs.map((r) => r.toISOString())).toEqual([
      "2027-03-28T01:10:00.000Z", // 03:10 CEST (the 02:xx hour is skipped by the clock, not by us)
      "2027-03-28T02:10:00.000Z",
      "2027-03-28T03:10:00.000Z",
    ]);
    for (const r of runs) expect(r.getUTCMinutes()).toBe(10);
  });

  it("would miss the first 02:10 of the autumn change if scheduled in Europe/Rome (why the job runs in UTC)", () => {
    vi.useFakeTimers({ now: new Date("2026-10-24T22:30:00Z") });
    const task = cron.createTask(hourly.cron, () => {}, { timezone: "Europe/Rome" });
    const runs = task.getNextRuns(3).map((r) => r.toISOString());
    void task.destroy();
    expect(runs).not.toContain("2026-10-25T00:10:00.000Z");
  });

  it("names the slot by its scheduled minute", () => {
    expect(slotOf(new Date("2026-11-26T09:10:07.345Z")).toISOString()).toBe("2026-11-26T09:10:00.000Z");
  });
});
