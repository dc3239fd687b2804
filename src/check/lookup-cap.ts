// A run looks up at most so many distinct domains: a folder of generated manifests must not turn
// into hours of WHOIS and RDAP traffic. Beyond the cap a domain is not looked up; its checks say
// so (unconfirmed, not passed), and the command says how many were left out.
import type { DomainLookup } from '../facts/types.js';
import { DomainLookupService, type LookupOptions } from '../facts/domains/lookup.js';

/** Far above any real run (an agency's whole repository), far below a flood. */
export const MAX_LOOKUPS_PER_RUN = 5000;

export class CappedDomainLookups extends DomainLookupService {
  private readonly asked = new Set<string>();
  private readonly left = new Set<string>();

  private readonly offline: boolean;

  constructor(
    options: LookupOptions,
    readonly cap: number = MAX_LOOKUPS_PER_RUN,
  ) {
    super(options);
    this.offline = options.offline;
  }

  override lookup(domain: string): Promise<DomainLookup> {
    // Offline, nothing goes out: the cache or the manifest answers, for any number of domains.
    if (this.offline) return super.lookup(domain);
    const key = domain.trim().toLowerCase().replace(/\.$/, '');
    if (!this.asked.has(key)) {
      if (this.asked.size >= this.cap) {
        this.left.add(key);
        return Promise.resolve({ domain, status: 'error', error: `not looked up: this run already looked up ${this.cap} domains, the most it does` });
      }
      this.asked.add(key);
    }
    return super.lookup(domain);
  }

  /** Distinct domains that were not looked up because of the cap. */
  get leftOut(): number {
    return this.left.size;
  }
}
