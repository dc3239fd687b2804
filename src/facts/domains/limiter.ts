// Concurrency limiters: at most `max` tasks run at once; the rest wait in order. A limiter may also
// space the starts of its tasks, and be slowed down (its limit halved) when its server says so.
export class Limiter {
  private running = 0;
  private readonly queue: (() => void)[] = [];
  private nextStart = 0;

  constructor(
    public max: number,
    readonly minIntervalMs = 0,
  ) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`limit must be a positive integer, got ${max}`);
  }

  /** Tasks running now (for stats and tests). */
  get active(): number {
    return this.running;
  }

  /** Halves the limit (never below one). */
  slowDown(): void {
    this.max = Math.max(1, Math.floor(this.max / 2));
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    let waited = false;
    while (this.running >= this.max) {
      // A waiter woken while the limit is still full (it was lowered) keeps its place at the front.
      await new Promise<void>((resolve) => (waited ? this.queue.unshift(resolve) : this.queue.push(resolve)));
      waited = true;
    }
    this.running++;
    try {
      if (this.minIntervalMs > 0) {
        const now = Date.now();
        const at = Math.max(now, this.nextStart);
        this.nextStart = at + this.minIntervalMs;
        if (at > now) await new Promise((r) => setTimeout(r, at - now));
      }
      return await task();
    } finally {
      this.running--;
      this.queue.shift()?.();
    }
  }
}

/** One limiter per key (a server), created on first use with the key's limit and spacing. */
export class KeyedLimiter {
  private readonly limiters = new Map<string, Limiter>();

  constructor(readonly policy: number | ((key: string) => { concurrency: number; minIntervalMs: number })) {}

  /** The key's limiter (for stats, tests and slowing down). */
  limiter(key: string): Limiter {
    let l = this.limiters.get(key);
    if (!l) {
      const p = typeof this.policy === 'number' ? { concurrency: this.policy, minIntervalMs: 0 } : this.policy(key);
      l = new Limiter(p.concurrency, p.minIntervalMs);
      this.limiters.set(key, l);
    }
    return l;
  }

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    return this.limiter(key).run(task);
  }
}
