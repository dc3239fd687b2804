// Other cores for large batches (`--workers`): filings are checked by worker threads (./worker.ts) as
// well as the main thread, which hands them out, answers the workers' domain lookups from the run's one
// lookup service, and writes the reports in input order as they come back.
import { Worker } from 'node:worker_threads';
import type { FilingReport } from '../model.js';
import type { DomainLookup } from '../facts/types.js';
import { DomainLookupService, type LookupOptions } from '../facts/domains/lookup.js';
import type { RunOptions } from './run.js';
import type { FactSources } from './gather.js';

/** What a worker is started with: the run's options (without functions) and the real paths to watch (--output). */
export interface WorkerSetup {
  options: Omit<RunOptions, 'onProgress' | 'usedWaivers'>;
  watch: string[];
  /** Offline, nothing goes out: a worker answers its lookups from the cache itself instead of asking the main thread. */
  offlineLookups?: LookupOptions;
}

export type ToWorker = { type: 'check'; id: number; file: string } | { type: 'lookup'; id: number; result: DomainLookup };

export type FromWorker =
  | { type: 'lookup'; id: number; domain: string }
  | ({ id: number; used: number[]; inspected: string[] } & ({ type: 'done'; report: FilingReport } | { type: 'failed'; error: string }));

/**
 * How many worker threads a run uses: none unless asked. A worker roughly halves the time of a
 * batch of thousands on a second core, and costs its own heap (about 100 MB): the default keeps a
 * run's memory small and flat; `--workers` trades memory for time.
 */
export function workersFor(asked: number | undefined): number {
  return asked === undefined ? 0 : Math.max(0, Math.floor(asked));
}

interface Pending {
  resolve: (r: FilingReport) => void;
  reject: (e: Error) => void;
  slot: Slot;
}

interface Slot {
  worker: Worker;
  busy: number;
  lost: boolean;
}

/** A worker thread ended (out of memory, killed): its filings are to be checked again elsewhere. */
export class WorkerLost extends Error {}

/** Worker threads that check files; `check` resolves with a filing's report. */
export class WorkerPool {
  private readonly workers: Slot[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(
    count: number,
    private readonly options: RunOptions,
    private readonly sources: FactSources,
  ) {
    const { onProgress: _p, usedWaivers: _u, ...plain } = options;
    const setup: WorkerSetup = { options: plain, watch: sources.images.watchedPaths() };
    if (sources.domains instanceof DomainLookupService && sources.domains.options.offline) setup.offlineLookups = sources.domains.options;
    for (let i = 0; i < count; i++) {
      const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: setup });
      const slot: Slot = { worker, busy: 0, lost: false };
      worker.on('message', (m: FromWorker) => this.receive(slot, m));
      worker.on('error', () => this.lose(slot));
      worker.on('exit', () => this.lose(slot));
      this.workers.push(slot);
    }
  }

  /** Filings being checked by the least busy worker still running (Infinity when none is). */
  get leastBusy(): number {
    return Math.min(...this.workers.filter((w) => !w.lost).map((w) => w.busy));
  }

  /** A filing's report from a worker; rejects with WorkerLost when the worker ends first. */
  check(file: string): Promise<FilingReport> {
    const slot = this.workers.filter((w) => !w.lost).reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    slot.busy++;
    return new Promise<FilingReport>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, slot });
      slot.worker.postMessage({ type: 'check', id, file } satisfies ToWorker);
    });
  }

  private receive(slot: Slot, m: FromWorker): void {
    if (m.type === 'lookup') {
      void this.sources.domains.lookup(m.domain).then((result) => slot.worker.postMessage({ type: 'lookup', id: m.id, result } satisfies ToWorker));
      return;
    }
    slot.busy--;
    const accept = this.options.accept ?? [];
    for (const i of m.used) if (accept[i]) this.options.usedWaivers?.add(accept[i]);
    for (const real of m.inspected) this.sources.images.markInspected(real);
    const p = this.pending.get(m.id);
    this.pending.delete(m.id);
    if (m.type === 'done') p?.resolve(m.report);
    else p?.reject(new Error(m.error));
  }

  private lose(slot: Slot): void {
    if (slot.lost) return;
    slot.lost = true;
    for (const [id, p] of this.pending) {
      if (p.slot !== slot) continue;
      this.pending.delete(id);
      p.reject(new WorkerLost('a worker thread ended'));
    }
  }

  async close(): Promise<void> {
    for (const w of this.workers) w.lost = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
