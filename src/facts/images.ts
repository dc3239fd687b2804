// Image inspection: stat, then the header bytes only. (Placeholder API; see ImageInspector.)
import path from 'node:path';
import type { ImageFacts } from './types.js';

/** Inspects each file once per run, however many filings refer to it. */
export class ImageInspector {
  private readonly cache = new Map<string, Promise<ImageFacts>>();

  inspect(written: string, manifestDir: string): Promise<ImageFacts> {
    const resolved = path.resolve(manifestDir, written);
    let p = this.cache.get(resolved);
    if (!p) {
      p = Promise.resolve({ written, resolved, entry: 'missing' } satisfies ImageFacts);
      this.cache.set(resolved, p);
    }
    return p.then((f) => ({ ...f, written }));
  }
}
