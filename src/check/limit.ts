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
 * awaited one at a time, and the work goes on meanwhile (a slow reader of the output slows the
 * work down only once the window is full).
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
  let failure: { error: unknown } | undefined;
  let waiters: Array<() => void> = [];
  const wake = () => {
    const woken = waiters;
    waiters = [];
    for (const w of woken) w();
  };
  // One emitter at a time; whoever finishes the next result in order starts it if none is running.
  const kick = () => {
    if (draining || failure || !ready.has(emitted)) return;
    draining = (async () => {
      while (ready.has(emitted)) {
        const r = ready.get(emitted)!;
        ready.delete(emitted);
        await emit(r, emitted);
        emitted++;
        wake();
      }
    })()
      .catch((error: unknown) => {
        failure = { error };
        wake();
      })
      .finally(() => {
        draining = undefined;
        kick();
      });
  };
  const worker = async () => {
    for (;;) {
      while (!failure && next < items.length && next - emitted >= Math.max(1, window)) await new Promise<void>((resolve) => waiters.push(resolve));
      if (failure || next >= items.length) return;
      const i = next++;
      ready.set(i, await fn(items[i]!, i));
      kick();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(n, items.length)) }, worker));
  while (draining) await draining;
  if (failure) throw failure.error;
}
