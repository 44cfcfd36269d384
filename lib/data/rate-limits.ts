import type { DbOrTx } from "../db";

/**
 * Counts one request under `key` in a fixed window and says whether it is within `limit`. Each step is one
 * conditional UPDATE (or the row's creation), so concurrent requests are all counted and never exceed the limit.
 */
export async function hitRateLimit(
  db: DbOrTx,
  key: string,
  limit: number,
  windowMs: number,
  now: Date,
): Promise<boolean> {
  const windowOpen = new Date(now.getTime() - windowMs);
  for (let attempt = 0; attempt < 5; attempt++) {
    // Within the current window and below the limit: one more.
    const counted = await db.rateLimit.updateMany({
      where: { key, windowStart: { gt: windowOpen }, count: { lt: limit } },
      data: { count: { increment: 1 } },
    });
    if (counted.count === 1) return true;
    // The window is over: this request opens a new one (only one of concurrent requests matches).
    const reopened = await db.rateLimit.updateMany({
      where: { key, windowStart: { lte: windowOpen } },
      data: { count: 1, windowStart: now },
    });
    if (reopened.count === 1) return true;
    const existing = await db.rateLimit.findUnique({ where: { key } });
    // Refused only when the row read is full and in its window. A row created or reset by a concurrent request
    // between the two updates above and this read is no reason to refuse (on PostgreSQL, where requests really
    // run at once, 19 of 20 concurrent first requests were refused that way): go round again.
    if (existing && existing.windowStart > windowOpen && existing.count >= limit) return false;
    if (existing) continue;
    try {
      await db.rateLimit.create({ data: { key, count: 1, windowStart: now } });
      return true;
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002") throw error;
    }
  }
  return false;
}
