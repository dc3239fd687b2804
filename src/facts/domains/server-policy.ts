// How hard each WHOIS and RDAP server may be asked, and how to tell that a server refuses to be
// asked faster. Registries throttle: whois.cnnic.cn answers "Queried interval is too short" to a
// client that asks again too soon, Verisign drops bursts, RDAP servers answer 429 with Retry-After.
// A rate-limit answer is never a record and never "not found": the server slows down to half its
// limit, the query waits (Retry-After, or a growing backoff with jitter) and is asked again within
// the domain's deadline, and a domain still refused ends unknown, to be looked up on the next run.

/** At most `concurrency` queries at once to the server, each started at least `minIntervalMs` after the one before. */
export interface ServerPolicy {
  concurrency: number;
  minIntervalMs: number;
}

/** Registries known to throttle, by host: gentler than the default from the start. */
export const KNOWN_POLICIES: Readonly<Record<string, ServerPolicy>> = {
  'whois.cnnic.cn': { concurrency: 1, minIntervalMs: 1000 },
  'whois.verisign-grs.com': { concurrency: 2, minIntervalMs: 250 },
  'rdap.verisign.com': { concurrency: 2, minIntervalMs: 250 },
};

/**
 * Lookups at once overall. Each registry is protected by its own limit above, so this bounds only
 * the sockets open at once, and is what a server the user names may take.
 */
export const DEFAULT_OVERALL = 16;

/** Queries at once to any other registry's server. */
export const DEFAULT_PER_SERVER = 2;

/** The host of a server key: `host:port`, `host` or an RDAP origin. */
export function hostOfServer(server: string): string {
  if (/^https?:\/\//i.test(server)) return URL.canParse(server) ? new URL(server).hostname.toLowerCase() : server.toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(server);
  if (bracketed) return bracketed[1]!.toLowerCase();
  return server.replace(/:\d+$/, '').toLowerCase();
}

/**
 * The policy of one server. One the user named (`--whois-server`, `--rdap-url`) is theirs to load:
 * it may take the overall limit of lookups at once. `perServer` (--per-server-concurrency) sets the
 * number for every server.
 */
export function policyFor(server: string, o: { named: ReadonlySet<string>; overall: number; perServer?: number }): ServerPolicy {
  const host = hostOfServer(server);
  if (o.named.has(host)) return { concurrency: o.perServer ?? o.overall, minIntervalMs: 0 };
  const known = KNOWN_POLICIES[host];
  if (known) return { ...known, concurrency: o.perServer ?? known.concurrency };
  return { concurrency: o.perServer ?? DEFAULT_PER_SERVER, minIntervalMs: 0 };
}

/** Words of WHOIS servers that refuse a query for its rate, not for the domain. */
const RATE_LIMIT_WORDS = [
  /queried interval is too short/i,
  /limit exceeded/i,
  /exceeded (?:the |your )?(?:query |request )?(?:limit|quota|rate)/i,
  /rate limit/i,
  /too many (?:requests|queries|connections)/i,
  /query rate/i,
  /请求过于频繁|查询过于频繁|查询频率/,
];

/** Signs of a record: an answer with these is data, whatever else it says. */
const RECORD_SIGNS = /^\s*(?:domain name|registrar|registrant|creation date|registration time|domain status)\s*:/im;

/**
 * Whether a WHOIS answer is a refusal for rate: empty, or throttling words in one of its first three
 * lines, in an answer that holds no record. (Terms of use further down often speak of throttling.)
 */
export function isRateLimitAnswer(text: string): boolean {
  if (text.trim() === '') return true;
  if (RECORD_SIGNS.test(text)) return false;
  const head = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 3)
    .filter((l) => l.length <= 200);
  return head.some((l) => RATE_LIMIT_WORDS.some((w) => w.test(l)));
}

/** HTTP statuses of a server that refuses for load or rate. */
export const RATE_LIMIT_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/** Retry-After (seconds or an HTTP date) in milliseconds from now, or undefined. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Queries asked again after a rate-limit answer, at most (the domain's deadline may stop them sooner). */
export const RATE_LIMIT_RETRIES = 3;

/** The wait before asking again: Retry-After when given, otherwise 500 ms doubled per attempt (at most 8 s); both with jitter. */
export function backoffMs(attempt: number, retryAfter: number | undefined, random = Math.random): number {
  if (retryAfter !== undefined) return retryAfter + Math.floor(random() * 250);
  const ceiling = Math.min(8000, 500 * 2 ** attempt);
  return Math.floor(ceiling / 2 + random() * (ceiling / 2));
}

/** A server kept refusing for rate until the domain's deadline. */
export class RateLimitedError extends Error {
  constructor(
    readonly server: string,
    readonly reason: string,
  ) {
    super(`${server}: rate-limited (${reason}); run again — the cache keeps the rest`);
    this.name = 'RateLimitedError';
  }
}
