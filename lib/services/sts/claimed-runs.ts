import { createLimiter, inPool, type Limiter } from "./pool";

/**
 * A scheduled job's pass over its work (the nightly reconciliation's practitioner-years, the daily reading of
 * citizens' reports): each item is claimed for the slot, so that two workers on the same schedule never do it
 * twice, then done, at most `concurrency` at a time (the installation's STS_CONCURRENCY), with the calls toward STS
 * sharing one bound. An item that fails is logged and counted, and the others go on. Returns the number of failures.
 */
export async function runClaimed<T>(
  items: T[],
  options: {
    concurrency: number;
    /** Whether this worker takes the item for the slot (false: another did, or there is nothing to do). */
    claim: (item: T) => Promise<boolean>;
    run: (item: T, stsCalls: Limiter) => Promise<void>;
    /** The log line's subject when the item fails: "reconciliation of <id> 2026". */
    subject: (item: T) => string;
    log?: (line: string) => void;
  },
): Promise<number> {
  const stsCalls = createLimiter(options.concurrency);
  let failed = 0;
  await inPool(items, options.concurrency, async (item) => {
    if (!(await options.claim(item))) return;
    try {
      await options.run(item, stsCalls);
    } catch (error) {
      failed++;
      options.log?.(`${options.subject(item)} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  return failed;
}
