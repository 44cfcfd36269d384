import { describe, expect, it } from "vitest";
import {
  backupLevel,
  certificateLevel,
  diskLevel,
  drillLevel,
  dumpLevel,
  heartbeatLevel,
  hourlyRunLevel,
  overallLevel,
  pendingMigrationsLevel,
} from "./installation-health";

const now = new Date("2026-12-02T10:00:00Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe("installation health", () => {
  it.each([
    [null, "error"],
    [ago(0.5), "ok"],
    [ago(2), "ok"],
    [ago(4), "warn"],
    [ago(6), "error"],
    [ago(60 * 24), "error"],
  ] as const)("worker heartbeat %s → %s", (beat, level) => {
    expect(heartbeatLevel(beat, now)).toBe(level);
  });

  it.each([
    [null, "warn"],
    [{ finishedAt: ago(50), ok: true }, "ok"],
    [{ finishedAt: ago(50), ok: false }, "error"],
    [{ finishedAt: ago(3 * 60), ok: true }, "warn"],
  ] as const)("hourly run %o → %s", (run, level) => {
    expect(hourlyRunLevel(run, now)).toBe(level);
  });

  it.each([
    [null, "error"],
    [{ ok: true, lastOkAt: ago(60) }, "ok"],
    [{ ok: true, lastOkAt: ago(30 * 60) }, "warn"],
    [{ ok: true, lastOkAt: ago(3 * 24 * 60) }, "error"],
    [{ ok: false, lastOkAt: ago(60) }, "error"],
  ] as const)("backup %o → %s", (run, level) => {
    expect(backupLevel(run, now)).toBe(level);
  });

  it.each([
    [null, "warn"],
    [{ ok: true, lastOkAt: ago(60) }, "ok"],
    [{ ok: true, lastOkAt: ago(3 * 24 * 60) }, "error"],
    [{ ok: false, lastOkAt: null }, "error"],
  ] as const)("PostgreSQL dump %o → %s", (run, level) => {
    expect(dumpLevel(run, now)).toBe(level);
  });

  it("drill, certificate, disk, migrations, overall", () => {
    expect(drillLevel(null)).toBe("warn");
    expect(drillLevel({ ok: false, finishedAt: ago(1) })).toBe("error");
    expect(drillLevel({ ok: true, finishedAt: ago(1) })).toBe("ok");
    expect([certificateLevel(120), certificateLevel(30), certificateLevel(-1), certificateLevel(null)]).toEqual([
      "ok",
      "warn",
      "error",
      "warn",
    ]);
    expect([diskLevel(10 * 1024 ** 3), diskLevel(1024 ** 3), diskLevel(100 * 1024 ** 2)]).toEqual([
      "ok",
      "warn",
      "error",
    ]);
    expect([pendingMigrationsLevel(0), pendingMigrationsLevel(1)]).toEqual(["ok", "warn"]);
    expect(overallLevel(["ok", "warn", "ok"])).toBe("warn");
    expect(overallLevel(["ok", "warn", "error"])).toBe("error");
    expect(overallLevel(["ok"])).toBe("ok");
  });
});
