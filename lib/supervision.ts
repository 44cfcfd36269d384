// The launcher's restart policy, pure (times come in as arguments): how long to wait before restarting a process
// that exited, and when its exits count as a crash loop that the administrator must hear about.

export type ExitRecord = { at: number };

export const RESTART_POLICY = {
  firstDelayMs: 1_000,
  maxDelayMs: 30_000,
  /** A process that ran this long before exiting starts again from the first delay. */
  healthyAfterMs: 60_000,
  /** This many exits within the window is a crash loop. */
  loopExits: 5,
  loopWindowMs: 5 * 60_000,
} as const;

/** Delay before the next start, given how many consecutive quick exits there were (1 = the first). */
export function restartDelayMs(consecutiveExits: number, policy = RESTART_POLICY): number {
  const exponent = Math.max(0, consecutiveExits - 1);
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** exponent);
}

/** The consecutive-exit count after an exit: reset when the process had been running long enough. */
export function nextConsecutiveExits(previous: number, ranForMs: number, policy = RESTART_POLICY): number {
  return ranForMs >= policy.healthyAfterMs ? 1 : previous + 1;
}

export function isCrashLoop(exits: ExitRecord[], now: number, policy = RESTART_POLICY): boolean {
  return exits.filter((exit) => now - exit.at <= policy.loopWindowMs).length >= policy.loopExits;
}

/** What the launcher writes into DATA_DIR for the status page: one entry per supervised process. */
export const LAUNCHER_STATUS_FILE = "launcher-status.json";

export type SupervisedProcessStatus = {
  pid: number | null;
  startedAt: string | null;
  restarts: number;
  lastExit: { at: string; reason: string } | null;
  crashLoop: boolean;
};

export type LauncherStatus = {
  pid: number;
  startedAt: string;
  updatedAt: string;
  processes: Record<string, SupervisedProcessStatus>;
};
