// Runs async work over items with at most `n` at once, keeping the input order in the output.
export async function mapLimit<T, R>(items: readonly T[], n: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(n, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  });
  await Promise.all(workers);
  return out;
}

/**
 * Runs async work over items with at most `n` at once and hands each result to `emit` in input
 * order, as soon as it and every earlier one are done. No item starts more than `window` places
 * ahead of the last one emitted, so the results waiting for an earlier one stay few; `emit` is
 * awaited (a slow reader of the output slows the work down instead of filling memory).
 */
export async function eachInOrder<T, R>(
  items: readonly T[],
  n: number,
  window: number,
  fn: (item: T, index: number) => Promise<R>,
  emit: (result: R, index: number) => Promise<void> | void,
): Promise<void> {
  const ready = new Map<number, R>();
  let next = 0;
  let emitted = 0;
  let draining: Promise<void> | undefined;
  let waiters: Array<() => void> = [];
  const drain = async () => {
    while (ready.has(emitted)) {
      const r = ready.get(emitted)!;
      ready.delete(emitted);
      await emit(r, emitted);
      emitted++;
      const woken = waiters;
      waiters = [];
      for (const w of woken) w();
    }
  };
  const worker = async () => {
    for (;;) {
      while (next < items.length && next - emitted >= Math.max(1, window)) await new Promise<void>((resolve) => waiters.push(resolve));
      if (next >= items.length) return;
      const i = next++;
      ready.set(i, await fn(items[i]!, i));
      // One drain at a time; a worker whose result is not next leaves it to the one running.
      while (draining) await draining;
      if (ready.has(emitted)) {
        draining = drain().finally(() => {
          draining = undefined;
        });
        await draining;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(n, items.length)) }, worker));
}
