// Domain lookups (RDAP first, port-43 WHOIS otherwise), shared by every filing of a run: each
// registrable domain is looked up once, under an overall and a per-server concurrency limit, with
// an on-disk cache and a fully offline mode.
import { domainToASCII } from 'node:url';
import type { DomainLookup, WhoisRecord } from '../types.js';
import { UsageError } from '../../errors.js';
import { loadBootstrap, rdapBaseFor, type RdapBootstrap } from './bootstrap.js';
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { LookupCache, CACHE_TTL_MS, PUBLIC_ROUTE, defaultCacheDir } from './cache.js';
import { KeyedLimiter, Limiter } from './limiter.js';
import { backoffMs, DEFAULT_OVERALL, isRateLimitAnswer, policyFor, RATE_LIMIT_RETRIES, RATE_LIMIT_STATUSES, RateLimitedError, retryAfterMs } from './server-policy.js';
import { mergeWhoisAnswers, parseWhoisAnswer, stripControl, type ParsedWhois } from './parse-whois.js';
import { queryRdap } from './rdap-client.js';
import { knownServers, parseServer, queryWhois, serverLabel, whoisRegistryFor, type ServerTable, type WhoisServer } from './whois-client.js';
import { Destinations, isUnder, normaliseHost, ownDomainOf } from './destinations.js';

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
  /** Lookups at once overall; default 16 (DEFAULT_OVERALL). */
  concurrency?: number;
  /**
   * Queries at once per server, for every server; by default 2, less for registries known to
   * throttle (server-policy.ts), and the overall limit for the servers the user names.
   */
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
  /**
   * Hosts or addresses that may be loopback or private (a WHOIS proxy on the office network, test
   * servers). The hosts of `whoisServer` and `rdapUrl` are always allowed; no other is.
   */
  trustedHosts?: string[];
  /** A WHOIS server table (node-whois's `servers.json` shape) instead of node-whois's own. */
  whoisServers?: ServerTable;
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
  /** Answers refusing a query for its rate (each slowed its server down and was asked again, if time allowed). */
  rateLimited: number;
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
  private readonly destinations: Destinations;
  private knownWhois?: Set<string>;
  /** Which servers answer this run's lookups: the cache keeps each route's answers apart. */
  private readonly route: string;
  private readonly counters: LookupStats = { lookups: 0, whoisQueries: 0, rdapQueries: 0, cacheHits: 0, shared: 0, errors: 0, cacheWriteErrors: 0, rateLimited: 0 };

  constructor(readonly options: LookupOptions) {
    if (options.useCache) this.cache = new LookupCache(options.cacheDir ?? defaultCacheDir(), options.cacheTtlMs ?? CACHE_TTL_MS);
    this.overall = new Limiter(options.concurrency ?? DEFAULT_OVERALL);
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
    // Only the hosts the user named may be loopback or private addresses.
    const named = [...(options.trustedHosts ?? [])];
    if (this.fixedWhois) named.push(this.fixedWhois.host);
    if (options.rdapUrl) named.push(new URL(options.rdapUrl).hostname);
    this.destinations = new Destinations(named);
    this.route = routeOf(options, this.fixedWhois);
    const namedHosts = new Set([...(this.fixedWhois ? [this.fixedWhois.host.toLowerCase()] : []), ...(options.rdapUrl ? [new URL(options.rdapUrl).hostname.toLowerCase()] : [])]);
    this.perServer = new KeyedLimiter((server) => policyFor(server, { named: namedHosts, overall: this.overall.max, perServer: options.perServerConcurrency }));
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
      // Offline, only answers from the real servers are reused: never a test server's.
      const hit = await this.cache.get(domain, this.options.offline ? PUBLIC_ROUTE : this.route);
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
        await this.cache.set(result, this.route);
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

  /**
   * One query to a server under its limit, asked again while the server refuses it for rate (an
   * empty or throttling WHOIS answer, a reset connection, HTTP 429 or 503): the server's limit is
   * halved and the query waits (Retry-After, or backoff with jitter) as long as `deadline` allows.
   */
  private hopUntil(deadline: number) {
    return async <T>(server: string, task: () => Promise<T>): Promise<T> => {
      for (let attempt = 0; ; attempt++) {
        let retryAfter: number | undefined;
        let reason: string;
        try {
          const result = await this.perServer.run(server, task);
          if (!isRateLimited(result)) return result;
          if (typeof result === 'string') reason = result.trim() === '' ? 'empty answer' : clean(result.trim().split('\n')[0]!).slice(0, 120);
          else {
            const answer = result as { status: number; retryAfter?: string };
            retryAfter = retryAfterMs(answer.retryAfter);
            reason = `HTTP ${answer.status}${answer.retryAfter ? `, Retry-After ${clean(answer.retryAfter).slice(0, 40)}` : ''}`;
          }
        } catch (err) {
          const message = (err as Error).message;
          if (!/ECONNRESET|socket hang up/.test(message)) throw err;
          reason = clean(message.replace(`${server}: `, ''));
        }
        this.counters.rateLimited++;
        this.perServer.limiter(server).slowDown();
        const wait = backoffMs(attempt, retryAfter);
        // A query needs time too: give up when the wait leaves less than a second before the deadline.
        if (attempt >= RATE_LIMIT_RETRIES || Date.now() + wait + 1000 > deadline) throw new RateLimitedError(server, reason);
        await new Promise((r) => setTimeout(r, wait));
      }
    };
  }

  private async fetch(domain: string): Promise<DomainLookup> {
    this.counters.lookups++;
    const timeoutMs = this.options.timeoutMs;
    const deadline = Date.now() + (this.options.deadlineMs ?? 2 * timeoutMs + 1000);
    const fetchedAt = new Date().toISOString();
    const knownRdap = safe(() => rdapBaseFor(this.bootstrap(), domain));
    // With both `--rdap-url` and `--whois-server`, a suffix without an RDAP service (.cn) goes to WHOIS.
    const rdapBase = this.options.rdapUrl && (knownRdap || !this.fixedWhois) ? this.options.rdapUrl : this.fixedWhois ? undefined : knownRdap;
    let rdapError: string | undefined;
    const hop = this.hopUntil(deadline);

    if (rdapBase) {
      try {
        this.counters.rdapQueries++;
        const fixedOrigin = this.options.rdapUrl ? new URL(this.options.rdapUrl).origin : undefined;
        const r = await queryRdap(domain, rdapBase, {
          timeoutMs,
          deadline,
          followRelated: true,
          ...(fixedOrigin ? { onlyOrigin: fixedOrigin } : { refuse: (u: URL) => this.refuseRdap(u, rdapBase) }),
          destinations: this.destinations,
          perHop: hop,
        });
        if (r.status === 'not-found') return { domain, status: 'not-found', server: r.server, fetchedAt };
        let { notFollowed, raw } = r;
        let server = r.server;
        if (notFollowed && !fixedOrigin && !r.parsed.registrantName && !r.parsed.registrantOrganization) {
          // The registrar's RDAP record is off limits: its port-43 WHOIS, reached by the registry's referral, may show the holder.
          const holder = await this.holderFromWhois(domain, deadline);
          if (holder) {
            for (const k of ['registrantName', 'registrantOrganization', 'privacyMarker'] as const) if (holder.parsed[k] && !r.parsed[k]) r.parsed[k] = holder.parsed[k];
            r.parsed.redacted ||= holder.parsed.redacted;
            server = `${r.server} + WHOIS ${holder.server}`;
            raw = `${raw}\n${holder.raw}`;
            notFollowed = undefined;
          }
        }
        return { domain, status: 'found', record: this.record(domain, r.parsed, 'rdap', server, raw, notFollowed), server, fetchedAt };
      } catch (err) {
        if (err instanceof RateLimitedError && this.options.rdapUrl) return { domain, status: 'error', error: clean(err.message), server: rdapBase, fetchedAt };
        rdapError = clean((err as Error).message);
        // With `--rdap-url` the user asked for that server only; otherwise WHOIS may still answer.
        if (this.options.rdapUrl) return { domain, status: 'error', error: `RDAP ${rdapError}`, server: rdapBase, fetchedAt };
      }
    }

    const registry = this.fixedWhois ? undefined : whoisRegistryFor(domain, this.options.whoisServers);
    const server = this.fixedWhois ?? registry?.server;
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
      const { hops, notFollowed } = await queryWhois(domain, {
        server,
        timeoutMs,
        deadline,
        maxReferrals: this.options.maxReferrals ?? 1,
        refuse: (next) => this.refuseReferral(next, registry?.suffix),
        destinations: this.destinations,
        perHop: hop,
      });
      const parsed = mergeWhoisAnswers(hops.map((h) => parseWhoisAnswer(h.data)));
      const first = hops[0]!;
      const last = hops[hops.length - 1]!;
      const raw = hops.map((h) => (hops.length > 1 ? `# ${h.server}\n${h.data}` : h.data)).join('\n');
      if (parsed.notFound) return { domain, status: 'not-found', server: first.server, fetchedAt };
      if (!parsed.recognised) return { domain, status: 'error', error: `${first.server}: the answer could not be read as WHOIS data`, server: first.server, fetchedAt };
      const serverText = hops.length > 1 ? `${first.server} → ${last.server}` : first.server;
      return { domain, status: 'found', record: this.record(domain, parsed, 'whois', serverText, raw, notFollowed), server: serverText, fetchedAt };
    } catch (err) {
      const msg = clean((err as Error).message);
      if (err instanceof RateLimitedError) return { domain, status: 'error', error: msg, server: `${server.host}:${server.port}`, fetchedAt };
      return { domain, status: 'error', error: rdapError ? `RDAP ${rdapError}; WHOIS ${msg}` : msg, server: `${server.host}:${server.port}`, fetchedAt };
    }
  }

  /** The holder as port-43 WHOIS shows it (registry, then the registrar it refers to), or undefined. */
  private async holderFromWhois(domain: string, deadline: number): Promise<{ parsed: ParsedWhois; server: string; raw: string } | undefined> {
    const registry = whoisRegistryFor(domain, this.options.whoisServers);
    if (!registry) return undefined;
    try {
      this.counters.whoisQueries++;
      const { hops } = await queryWhois(domain, {
        server: registry.server,
        timeoutMs: this.options.timeoutMs,
        deadline,
        maxReferrals: this.options.maxReferrals ?? 1,
        refuse: (next) => this.refuseReferral(next, registry.suffix),
        destinations: this.destinations,
        perHop: this.hopUntil(deadline),
      });
      const parsed = mergeWhoisAnswers(hops.map((h) => parseWhoisAnswer(h.data)));
      if (!parsed.recognised || (!parsed.registrantName && !parsed.registrantOrganization)) return undefined;
      const last = hops[hops.length - 1]!;
      return { parsed, server: last.server, raw: hops.map((h) => `# ${h.server}\n${h.data}`).join('\n') };
    } catch {
      return undefined;
    }
  }

  /**
   * Why an RDAP redirect or `related` link may not be followed: only HTTPS on the standard port, to
   * a server the bootstrap names or a host under the registry's own domain.
   */
  private refuseRdap(u: URL, base: string): string | undefined {
    if (u.protocol !== 'https:' || (u.port !== '' && u.port !== '443')) return 'only HTTPS on port 443 is followed';
    const host = normaliseHost(u.hostname);
    const registryHost = normaliseHost(new URL(base).hostname);
    // A registry named by address has no domain of its own.
    const own = isIP(registryHost) === 0 ? ownDomainOf(registryHost) : undefined;
    if (own !== undefined && isUnder(host, own)) return undefined;
    if (this.bootstrapHosts().has(host)) return undefined;
    return `${host} is neither named by the RDAP bootstrap nor under the registry's domain${own ? ` ${own}` : ''}`;
  }

  private bootstrapHostSet?: Set<string>;
  private bootstrapHosts(): Set<string> {
    if (!this.bootstrapHostSet) {
      this.bootstrapHostSet = new Set();
      for (const [, urls] of safe(() => this.bootstrap())?.services ?? []) for (const u of urls) if (URL.canParse(u)) this.bootstrapHostSet.add(normaliseHost(new URL(u).hostname));
    }
    return this.bootstrapHostSet;
  }

  /**
   * Why a WHOIS referral may not be followed: under `--whois-server` never (only that server is
   * asked); otherwise only to port 43 of a host in the known-servers table or under the registry's
   * suffix, or to the exact `host:port` a table entry names.
   */
  private refuseReferral(next: WhoisServer, suffix: string | undefined): string | undefined {
    if (this.fixedWhois) return `only ${serverLabel(this.fixedWhois)} (--whois-server) is asked`;
    this.knownWhois ??= knownServers(this.options.whoisServers);
    const host = normaliseHost(next.host);
    if (this.knownWhois.has(`${host}:${next.port}`)) return undefined;
    if (next.port !== 43) return 'only port 43 is followed';
    if (this.knownWhois.has(`${host}:43`) || (suffix !== undefined && isUnder(host, suffix) && host !== suffix)) return undefined;
    return `${host} is neither a known WHOIS server nor under .${suffix ?? '?'}`;
  }

  private record(domain: string, p: ParsedWhois, source: 'rdap' | 'whois', server: string, raw: string, notFollowed?: string): WhoisRecord {
    const r: WhoisRecord = { domain, statuses: p.statuses, redacted: p.redacted, source, server };
    if (notFollowed) r.notFollowed = clean(notFollowed);
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

/**
 * The cache route of a run: `public` when the real servers answer (the bundled bootstrap and
 * node-whois's table), otherwise the protocol and the servers named (`whois:host:port`,
 * `rdap:origin`), or a hash of a custom bootstrap or server table.
 */
function routeOf(o: LookupOptions, fixedWhois: WhoisServer | undefined): string {
  const parts: string[] = [];
  if (o.rdapUrl) parts.push(`rdap:${new URL(o.rdapUrl).origin}`);
  if (fixedWhois) parts.push(`whois:${fixedWhois.host}:${fixedWhois.port}`);
  const custom = { bootstrap: o.rdapUrl || fixedWhois ? undefined : (o.bootstrap ?? o.bootstrapFile), whoisServers: fixedWhois ? undefined : o.whoisServers };
  if (custom.bootstrap !== undefined || custom.whoisServers !== undefined) parts.push(`custom:${createHash('sha256').update(JSON.stringify(custom)).digest('hex')}`);
  return parts.length ? parts.join('+') : PUBLIC_ROUTE;
}

/** Text from outside (hosts in answers) without control characters, and short. */
function clean(text: string): string {
  const t = stripControl(text);
  return t.length > 300 ? `${t.slice(0, 300)}…` : t;
}

/** A hop's answer that refuses for rate: a WHOIS text (string) or an RDAP answer (with an HTTP status). */
function isRateLimited(result: unknown): boolean {
  if (typeof result === 'string') return isRateLimitAnswer(result);
  const status = (result as { status?: unknown } | null)?.status;
  return typeof status === 'number' && RATE_LIMIT_STATUSES.has(status);
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
