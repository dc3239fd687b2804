// Domain lookups (RDAP first, port-43 WHOIS otherwise), shared by every filing of a run.
// (Placeholder API.)
import type { DomainLookup } from '../types.js';

export interface LookupOptions {
  offline: boolean;
  cacheDir?: string;
  useCache: boolean;
  timeoutMs: number;
  whoisServer?: string;
  rdapUrl?: string;
}

export class DomainLookupService {
  constructor(readonly options: LookupOptions) {}

  /** Looks a registrable domain (ASCII) up once per run. */
  async lookup(domain: string): Promise<DomainLookup> {
    return { domain, status: 'offline' };
  }

  async close(): Promise<void> {}
}
