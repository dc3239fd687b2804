// A thread that checks filings for the main thread (./pool.ts): each `check` message is one
// manifest; domain lookups go back to the main thread, so the per-server limits, the per-run cap
// and the cache stay shared by the whole run.
import { parentPort, workerData } from 'node:worker_threads';
import type { DomainLookup } from '../facts/types.js';
import { ImageInspector } from '../facts/images.js';
import { DomainLookupService } from '../facts/domains/lookup.js';
import { checkFiling, type RunOptions } from './run.js';
import type { FromWorker, ToWorker, WorkerSetup } from './pool.js';

const port = parentPort!;
const setup = workerData as WorkerSetup;
const images = new ImageInspector();
for (const real of setup.watch) images.watch(real);
const asked = new Map<number, (r: DomainLookup) => void>();
let nextAsk = 0;
const send = (m: FromWorker) => port.postMessage(m);
const domains = setup.offlineLookups
  ? new DomainLookupService(setup.offlineLookups)
  : {
      lookup: (domain: string) =>
        new Promise<DomainLookup>((resolve) => {
          const id = nextAsk++;
          asked.set(id, resolve);
          send({ type: 'lookup', id, domain });
        }),
    };
const used = new Set<NonNullable<RunOptions['accept']>[number]>();
const options: RunOptions = { ...setup.options, usedWaivers: used };

port.on('message', (m: ToWorker) => {
  if (m.type === 'lookup') {
    asked.get(m.id)?.(m.result);
    asked.delete(m.id);
    return;
  }
  void checkFiling(m.file, options, { images, domains })
    .then(
      (report) => ({ type: 'done' as const, id: m.id, report }),
      (err: unknown) => ({ type: 'failed' as const, id: m.id, error: err instanceof Error ? err.message : String(err) }),
    )
    .then((reply) => {
      const accept = options.accept ?? [];
      send({ ...reply, used: [...used].map((w) => accept.indexOf(w)).filter((i) => i >= 0), inspected: setup.watch.filter((r) => images.inspected(r)) });
      used.clear();
    });
});
