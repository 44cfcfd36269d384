import { AppError } from "../../app-error";
import type { Db } from "../../db";
import { hitRateLimit } from "../../data/rate-limits";
import { env } from "../../env";

export const LOGIN_WINDOW_MS = 15 * 60_000;
export const REGISTRATION_WINDOW_MS = 60 * 60_000;
export const ADDRESS_LIMITED = "Troppi tentativi da questa rete: riprova tra qualche minuto.";

/** Counts a login or a registration from a client address; beyond the limit of its window, refuses. */
export async function limitByAddress(
  db: Db,
  kind: "login" | "register",
  address: string | undefined,
  now: Date,
): Promise<void> {
  if (!address) return;
  const [limit, windowMs] =
    kind === "login"
      ? [env().LOGIN_LIMIT_PER_ADDRESS, LOGIN_WINDOW_MS]
      : [env().REGISTRATION_LIMIT_PER_ADDRESS, REGISTRATION_WINDOW_MS];
  if (!(await hitRateLimit(db, `${kind}:${address}`, limit, windowMs, now))) {
    throw new AppError("rate_limited", ADDRESS_LIMITED);
  }
}
