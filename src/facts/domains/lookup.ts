// Domain lookups (RDAP first, port-43 WHOIS otherwise), shared by every filing of a run: each
// registrable domain is looked up once, under an overall and a per-server concurrency limit, with
// an on-disk cache and a fully offline mode.
import { domainToASCII } from 'node:url';
import type { DomainLookup, WhoisRecord } from '../types.js';
import { UsageError } from '../../errors.js';
import { loadBootstrap, rdapBaseFor, type RdapBootstrap } from './bootstrap.js';
import { LookupCache, CACHE_TTL_MS, defaultCacheDir } from './cache.js';
import { KeyedLimiter, Limiter } from './limiter.js';
import { mergeWhoisAnswers, parseWhoisAnswer, stripControl, type ParsedWhois } from './parse-whois.js';
import { queryRdap } from './rdap-client.js';
import { parseServer, queryWhois, whoisServerFor, type WhoisServer } from './whois-client.js';

export interface LookupOptions {
  /** No network at all: answers come from the cache or nowhere (`status: 'offline'`). */
  offline: boolean;
  /** Default: `$XDG_CACHE_HOME/icp-check` or `~/.cache/icp-check`. */
  cacheDir?: string;
  useCache: boolean;
  /** Per hop (connection or HTTP request); default 10 s on the command line. */
  timeoutMs: number;
  /** `host:port`: every WHOIS query goes there, and RDAP is not used (unless `rdapUrl` is also set). */
  whoisServer?: string;
  /** Base URL: every lookup goes to this RDAP server (with `whoisServer` too: those of suffixes that have an RDAP service). */
  rdapUrl?: string;
  /** Whole lookup of one domain, all hops; default 2 × `timeoutMs` + 1 s. */
  deadlineMs?: number;
  /** Lookups at once overall; default 8. */
  concurrency?: number;
  /** Queries at once per server; default 2. */
  perServerConcurrency?: number;
  /** An RDAP bootstrap (IANA `dns.json` shape) instead of the bundled snapshot. */
  bootstrap?: RdapBootstrap;
  bootstrapFile?: string;
  /** WHOIS referrals followed after the registry's answer; default 1. */
  maxReferrals?: number;
  /** Default 24 h. */
  cacheTtlMs?: number;
  /** Raw answers kept in records, in characters; default 20 000. */
  maxRawChars?: number;
}

export interface LookupStats {
  /** Domains that went to the network (after the in-run and on-disk caches). */
  lookups: number;
  whoisQueries: number;
  rdapQueries: number;
  /** Answers taken from the on-disk cache. */
  cacheHits: number;
  /** Calls of `lookup()` answered by an earlier or in-flight lookup of the same run. */
  shared: number;
  errors: number;
  cacheWriteErrors: number;
}

function normaliseDomain(domain: string): string {
  const d = domain.trim().toLowerCase().replace(/\.$/, '');
  return domainToASCII(d) || d;
}

export class DomainLookupService {
  private readonly memo = new Map<string, Promise<DomainLookup>>();
  private readonly cache?: LookupCache;
  private readonly overall: Limiter;
  private readonly perServer: KeyedLimiter;
  private bootstrapData?: RdapBootstrap;
  private readonly fixedWhois?: WhoisServer;
  private readonly counters: LookupStats = { lookups: 0, whoisQueries: 0, rdapQueries: 0, cacheHits: 0, shared: 0, errors: 0, cacheWriteErrors: 0 };

  constructor(readonly options: LookupOptions) {
    if (options.useCache) this.cache = new LookupCache(options.cacheDir ?? defaultCacheDir(), options.cacheTtlMs ?? CACHE_TTL_MS);
    this.overall = new Limiter(options.concurrency ?? 8);
    this.perServer = new KeyedLimiter(options.perServerConcurrency ?? 2);
    if (options.whoisServer) {
      try {
        this.fixedWhois = parseServer(options.whoisServer);
      } catch (err) {
        throw new UsageError(`--whois-server: ${(err as Error).message}`);
      }
    }
    if (options.rdapUrl && !URL.canParse(options.rdapUrl)) throw new UsageError(`--rdap-url: expected an http(s) URL, got "${options.rdapUrl}"`);
    if (options.rdapUrl && !/^https?:\/\//i.test(options.rdapUrl)) throw new UsageError(`--rdap-url: expected an http(s) URL, got "${options.rdapUrl}"`);
    if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0) throw new UsageError(`--whois-timeout: expected a positive duration, got ${options.timeoutMs} ms`);
  }

  /** Looks a registrable domain (ASCII) up once per run. */
  lookup(domain: string): Promise<DomainLookup> {
    const key = normaliseDomain(domain);
    const known = this.memo.get(key);
    if (known) {
      this.counters.shared++;
      return known;
    }
    const p = this.resolve(key);
    this.memo.set(key, p);
    return p;
  }

  /** Counts for the report's closing note and for tests. */
  stats(): LookupStats {
    return { ...this.counters };
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.memo.values()]);
  }

  private async resolve(domain: string): Promise<DomainLookup> {
    if (this.cache) {
      const hit = await this.cache.get(domain);
      if (hit) {
        this.counters.cacheHits++;
        return hit;
      }
    }
    if (this.options.offline) return { domain, status: 'offline' };
    const result = await this.overall.run(() => this.fetch(domain));
    if (result.status === 'error') this.counters.errors++;
    if (this.cache && (result.status === 'found' || result.status === 'not-found')) {
      try {
        await this.cache.set(result);
      } catch {
        // A cache that cannot be written costs a lookup next time, nothing more.
        this.counters.cacheWriteErrors++;
      }
    }
    return result;
  }

  private bootstrap(): RdapBootstrap {
    this.bootstrapData ??= this.options.bootstrap ?? loadBootstrap(this.options.bootstrapFile);
    return this.bootstrapData;
  }

  private hop = <T>(server: string, task: () => Promise<T>): Promise<T> => this.perServer.run(server, task);

  private async fetch(domain: string): Promise<DomainLookup> {
    this.counters.lookups++;
    const timeoutMs = this.options.timeoutMs;
    const deadline = Date.now() + (this.options.deadlineMs ?? 2 * timeoutMs + 1000);
    const fetchedAt = new Date().toISOString();
    const knownRdap = safe(() => rdapBaseFor(this.bootstrap(), domain));
    // With both `--rdap-url` and `--whois-server`, a suffix without an RDAP service (.cn) goes to WHOIS.
    const rdapBase = this.options.rdapUrl && (knownRdap || !this.fixedWhois) ? this.options.rdapUrl : this.fixedWhois ? undefined : knownRdap;
    let rdapError: string | undefined;

    if (rdapBase) {
      try {
        this.counters.rdapQueries++;
        const fixedOrigin = this.options.rdapUrl ? new URL(this.options.rdapUrl).origin : undefined;
        const r = await queryRdap(domain, rdapBase, {
          timeoutMs,
          deadline,
          followRelated: true,
          ...(fixedOrigin ? { onlyOrigin: fixedOrigin } : {}),
          perHop: this.hop,
        });
        if (r.status === 'not-found') return { domain, status: 'not-found', server: r.server, fetchedAt };
        return { domain, status: 'found', record: this.record(domain, r.parsed, 'rdap', r.server, r.raw), server: r.server, fetchedAt };
      } catch (err) {
        rdapError = (err as Error).message;
        // With `--rdap-url` the user asked for that server only; otherwise WHOIS may still answer.
        if (this.options.rdapUrl) return { domain, status: 'error', error: `RDAP ${rdapError}`, server: rdapBase, fetchedAt };
      }
    }

    const server = this.fixedWhois ?? whoisServerFor(domain);
    if (!server) {
      return {
        domain,
        status: 'error',
        error: rdapError ? `RDAP ${rdapError}; no WHOIS server is known for this suffix` : 'no RDAP or WHOIS server is known for this suffix',
        fetchedAt,
      };
    }
    try {
      this.counters.whoisQueries++;
      const hops = await queryWhois(domain, {
        server,
        timeoutMs,
        deadline,
        maxReferrals: this.options.maxReferrals ?? 1,
        ...(this.fixedWhois ? { onlyHost: this.fixedWhois.host } : {}),
        perHop: this.hop,
      });
      const parsed = mergeWhoisAnswers(hops.map((h) => parseWhoisAnswer(h.data)));
      const first = hops[0]!;
      const last = hops[hops.length - 1]!;
      const raw = hops.map((h) => (hops.length > 1 ? `# ${h.server}\n${h.data}` : h.data)).join('\n');
      if (parsed.notFound) return { domain, status: 'not-found', server: first.server, fetchedAt };
      if (!parsed.recognised) return { domain, status: 'error', error: `${first.server}: the answer could not be read as WHOIS data`, server: first.server, fetchedAt };
      const serverText = hops.length > 1 ? `${first.server} → ${last.server}` : first.server;
      return { domain, status: 'found', record: this.record(domain, parsed, 'whois', serverText, raw), server: serverText, fetchedAt };
    } catch (err) {
      const msg = (err as Error).message;
      return { domain, status: 'error', error: rdapError ? `RDAP ${rdapError}; WHOIS ${msg}` : msg, server: `${server.host}:${server.port}`, fetchedAt };
    }
  }

  private record(domain: string, p: ParsedWhois, source: 'rdap' | 'whois', server: string, raw: string): WhoisRecord {
    const r: WhoisRecord = { domain, statuses: p.statuses, redacted: p.redacted, source, server };
    if (p.registrar) r.registrar = p.registrar;
    if (p.registrantName) r.registrantName = p.registrantName;
    if (p.registrantOrganization) r.registrantOrganization = p.registrantOrganization;
    if (p.created) r.created = p.created;
    if (p.expires) r.expires = p.expires;
    if (p.privacyMarker) r.privacyMarker = p.privacyMarker;
    r.raw = stripControl(raw).slice(0, this.options.maxRawChars ?? 20_000);
    return r;
  }
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
