/** Bounded concurrency for the disk work of a run: enough to overlap its waits, never an open-file limit. */

/** Runs the tasks it is given with at most `max` of them under way at a time. */
export function concurrency(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/**
 * `task` over every item, at most `max` at a time, the results in the items' order. Every task is
 * settled before it returns, and a failure is the first in the items' order, whichever came first
 * in time, so the error a user sees does not depend on the disk's timing.
 */
export async function mapLimited<T, R>(items: readonly T[], max: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const limit = concurrency(max);
  const settled = await Promise.allSettled(items.map((item) => limit(() => task(item))));
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return settled.map((s) => (s as PromiseFulfilledResult<R>).value);
}

/**
 * `task` over every item, at most `max` at a time, and `after` for each in the items' order once its
 * task is done. A failure is rethrown once no task is still under way, so a rollback that follows
 * never races a write.
 */
export async function forEachInOrder<T>(items: readonly T[], max: number, task: (item: T) => Promise<unknown>, after: (item: T) => unknown): Promise<void> {
  const limit = concurrency(max);
  const running = items.map((item) => limit(() => task(item)));
  // Awaited in order below; until then a failure must not count as unhandled.
  for (const pending of running) pending.catch(() => undefined);
  try {
    for (const [i, pending] of running.entries()) {
      await pending;
      await after(items[i]!);
    }
  } finally {
    await Promise.allSettled(running);
  }
}
