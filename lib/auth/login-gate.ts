// Paces the logins this process handles, before next-auth does any work for them (app/api/auth/[...nextauth]).
//
// The hashing bound keeps a flood of logins from taking the CPU with scrypt, but refused at once the flooders come
// straight back: 20 clients then made ~15 logins a second, each two requests through Next and next-auth plus the
// throttle's writes, and the practice's pages waited behind them (issue #14: logged-in p95 29× its quiet value).
// Here every login takes the next free start time, LOGIN_INTERVAL_MS after the previous one, and waits for it
// without using the CPU; one that would wait more than LOGIN_MAX_WAIT_MS is refused after waiting that long, so the
// refusal slows the flooder too. Whatever the number of clients, logins are handled at most 1000 / LOGIN_INTERVAL_MS
// a second. A practice's few people rarely log in at the same second; during a flood they may wait or be asked to
// retry — the flood slows the login, never the pages of those already in.
export const LOGIN_INTERVAL_MS = 400;
export const LOGIN_MAX_WAIT_MS = 4_000;

export type LoginGate = { enter(): Promise<boolean> };

type Clock = { now(): number; sleep(ms: number): Promise<void> };

const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export function createLoginGate(options: { intervalMs?: number; maxWaitMs?: number; clock?: Clock } = {}): LoginGate {
  const intervalMs = options.intervalMs ?? LOGIN_INTERVAL_MS;
  const maxWaitMs = options.maxWaitMs ?? LOGIN_MAX_WAIT_MS;
  const clock = options.clock ?? realClock;
  let nextStart = 0;
  return {
    /** Resolves true when this login may go on (after its wait), false when it is refused (after the longest wait). */
    async enter() {
      const now = clock.now();
      const start = Math.max(now, nextStart);
      if (start - now > maxWaitMs) {
        await clock.sleep(maxWaitMs);
        return false;
      }
      nextStart = start + intervalMs;
      if (start > now) await clock.sleep(start - now);
      return true;
    },
  };
}

// One gate per process: kept on globalThis so that every bundle of the route shares it.
const shared = globalThis as { parcellaLoginGate?: LoginGate };
export function loginGate(): LoginGate {
  shared.parcellaLoginGate ??= createLoginGate();
  return shared.parcellaLoginGate;
}
