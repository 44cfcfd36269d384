// Runs `work` over `items` with at most `concurrency` in flight: the bound on concurrent calls toward STS.
export async function inPool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  });
  await Promise.all(runners);
}

export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

// At most `concurrency` tasks run at once; the others wait their turn, first come first served. Used to bound the
// calls in flight toward STS while more documents are prepared and saved around them.
export function createLimiter(concurrency: number): Limiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next)
        next(); // the slot passes straight to the next task
      else running--;
    }
  };
}
