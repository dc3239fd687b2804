// The on-disk lookup cache: one JSON file per registrable domain, kept 24 hours, written atomically
// (temp file + rename) so a crash or a parallel run never leaves half a file; a corrupt file is ignored.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { DomainLookup } from '../types.js';

export const CACHE_TTL_MS = 24 * 60 * 60 * 1000;
const FORMAT = 1;

/** `$XDG_CACHE_HOME/icp-check`, else `~/.cache/icp-check`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  return xdg?.startsWith('/') ? join(xdg, 'icp-check') : join(homedir(), '.cache', 'icp-check');
}

interface Entry {
  format: number;
  storedAt: string;
  lookup: DomainLookup;
}

export class LookupCache {
  constructor(
    readonly dir: string,
    readonly ttlMs = CACHE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  private file(domain: string): string {
    // Registrable domains are ASCII LDH names; anything else is refused rather than used as a path.
    if (!/^[a-z0-9.-]+$/.test(domain) || domain.includes('..')) throw new Error(`not a cacheable domain: ${domain}`);
    return join(this.dir, 'domains', `${domain}.json`);
  }

  /** A fresh entry, or undefined when there is none, it is older than the TTL, or it cannot be read. */
  async get(domain: string): Promise<DomainLookup | undefined> {
    let text: string;
    try {
      text = await readFile(this.file(domain), 'utf8');
    } catch {
      return undefined;
    }
    try {
      const entry = JSON.parse(text) as Entry;
      const stored = Date.parse(entry.storedAt);
      const l = entry.lookup;
      if (entry.format !== FORMAT || Number.isNaN(stored) || !l || l.domain !== domain) return undefined;
      if (l.status !== 'found' && l.status !== 'not-found') return undefined;
      if (l.status === 'found' && (!l.record || !Array.isArray(l.record.statuses))) return undefined;
      const age = this.now() - stored;
      if (age < 0 || age > this.ttlMs) return undefined;
      return { ...l, fromCache: true };
    } catch {
      return undefined;
    }
  }

  /** Stores found and not-found answers; errors are not cached since they may pass. */
  async set(lookup: DomainLookup): Promise<void> {
    if (lookup.status !== 'found' && lookup.status !== 'not-found') return;
    const target = this.file(lookup.domain);
    await mkdir(join(this.dir, 'domains'), { recursive: true });
    const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    const { fromCache: _drop, ...rest } = lookup;
    const entry: Entry = { format: FORMAT, storedAt: new Date(this.now()).toISOString(), lookup: rest };
    try {
      await writeFile(tmp, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
      await rename(tmp, target);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }
}
