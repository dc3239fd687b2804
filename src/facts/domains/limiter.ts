// A small concurrency limiter: at most `max` tasks run at once; the rest wait in order.
export class Limiter {
  private running = 0;
  private readonly queue: (() => void)[] = [];

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`limit must be a positive integer, got ${max}`);
  }

  /** Tasks running now (for stats and tests). */
  get active(): number {
    return this.running;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.max) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.queue.shift()?.();
    }
  }
}

/** One limiter per key (a server host), created on first use. */
export class KeyedLimiter {
  private readonly limiters = new Map<string, Limiter>();

  constructor(readonly maxPerKey: number) {}

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    let l = this.limiters.get(key);
    if (!l) {
      l = new Limiter(this.maxPerKey);
      this.limiters.set(key, l);
    }
    return l.run(task);
  }
}
