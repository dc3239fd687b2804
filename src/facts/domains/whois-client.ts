// Port-43 WHOIS through node-whois: `encoding: 'utf8'` (without it a Chinese character split across
// TCP chunks becomes U+FFFD), `follow: 0` with referrals followed here so that each hop gets its own
// timeout, its own per-server limit, and an overall deadline.
import { createRequire } from 'node:module';
import { parseWhoisAnswer } from './parse-whois.js';

export interface WhoisServer {
  host: string;
  port: number;
  /** node-whois query template, e.g. `DOMAIN $addr\r\n` for Verisign. */
  query?: string;
}

export interface WhoisHop {
  server: string;
  data: string;
}

type ServerTable = Record<string, string | { host: string; port?: number; query?: string; punycode?: boolean }>;
// node-whois's own server table, read as data: loading the client itself is deferred to the first query.
const SERVERS = createRequire(import.meta.url)('whois/servers.json') as ServerTable;
let client: Promise<typeof import('whois')> | undefined;
const whoisClient = () => (client ??= import('whois'));

/** CNNIC answers for .中国 and .中國 on the same server as .cn (node-whois still names an older host). */
const OVERRIDES: ServerTable = { 'xn--fiqs8s': 'whois.cnnic.cn', 'xn--fiqz9s': 'whois.cnnic.cn' };

export function parseServer(text: string): WhoisServer {
  const m = /^\[?([^\]]+?)\]?(?::(\d{1,5}))?$/.exec(text.trim());
  if (!m || !m[1]) throw new Error(`expected host[:port], got "${text}"`);
  const port = m[2] ? Number(m[2]) : 43;
  if (port < 1 || port > 65535) throw new Error(`port out of range in "${text}"`);
  return { host: m[1].toLowerCase(), port };
}

/** The registry WHOIS server for a domain, from node-whois's table (longest suffix first). */
export function whoisServerFor(domain: string): WhoisServer | undefined {
  let suffix = domain.toLowerCase();
  while (suffix) {
    const entry = OVERRIDES[suffix] ?? (Object.hasOwn(SERVERS, suffix) ? SERVERS[suffix] : undefined);
    if (entry) {
      if (typeof entry === 'string') return entry ? parseServer(entry) : undefined;
      if (!entry.host) return undefined;
      const s: WhoisServer = { host: entry.host, port: entry.port ?? 43 };
      if (entry.query) s.query = entry.query;
      return s;
    }
    const dot = suffix.indexOf('.');
    suffix = dot === -1 ? '' : suffix.slice(dot + 1);
  }
  return undefined;
}

export const serverLabel = (s: WhoisServer) => (s.port === 43 ? s.host : `${s.host}:${s.port}`);

export interface WhoisQueryOptions {
  server: WhoisServer;
  /** Per hop: the socket's idle timeout. */
  timeoutMs: number;
  /** Absolute time (ms since epoch) after which the whole query gives up. */
  deadline: number;
  /** Referrals to follow after the first answer. */
  maxReferrals: number;
  /** Only follow referrals to this host (set when every lookup must go to one server). */
  onlyHost?: string;
  /** Wraps each hop, for per-server limits and counting. */
  perHop?: <T>(server: string, task: () => Promise<T>) => Promise<T>;
}

function oneHop(domain: string, server: WhoisServer, timeoutMs: number, deadline: number): Promise<string> {
  const remaining = deadline - Date.now();
  if (remaining <= 0) return Promise.reject(new Error('deadline passed before the query was sent'));
  return whoisClient().then((whoisModule) => new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no complete answer within the overall deadline from ${serverLabel(server)}`)), remaining);
    const target: { host: string; port: number; query?: string } = { host: server.host, port: server.port };
    if (server.query) target.query = server.query;
    whoisModule.lookup(
      domain,
      { server: target as { host: string; port: number }, follow: 0, timeout: Math.min(timeoutMs, remaining), encoding: 'utf8', punycode: true },
      (err, data) => {
        clearTimeout(timer);
        if (err) reject(new Error(`${serverLabel(server)}: ${err.message.replace(/^lookup: /, '')}`));
        else resolve(typeof data === 'string' ? data : data.map((d) => d.data).join('\n'));
      },
    );
  }));
}

/** Queries the registry and follows referrals; returns every answer, registry first. */
export async function queryWhois(domain: string, opts: WhoisQueryOptions): Promise<WhoisHop[]> {
  const hops: WhoisHop[] = [];
  const visited = new Set<string>();
  let server: WhoisServer | undefined = opts.server;
  const perHop = opts.perHop ?? (<T>(_s: string, t: () => Promise<T>) => t());
  while (server && hops.length <= opts.maxReferrals) {
    const label = serverLabel(server);
    visited.add(label);
    const current: WhoisServer = server;
    let data: string;
    try {
      data = await perHop(label, () => oneHop(domain, current, opts.timeoutMs, opts.deadline));
    } catch (err) {
      // A registrar that does not answer still leaves the registry's answer, which is worth keeping.
      if (hops.length === 0) throw err;
      break;
    }
    if (data.trim() === '' && hops.length === 0) throw new Error(`${label}: empty answer`);
    hops.push({ server: label, data });
    const referral = parseWhoisAnswer(data).referral;
    server = undefined;
    if (!referral) break;
    let next: WhoisServer;
    try {
      next = parseServer(referral);
    } catch {
      break;
    }
    if (visited.has(serverLabel(next)) || next.host === current.host && next.port === current.port) break;
    if (opts.onlyHost !== undefined && next.host !== opts.onlyHost) break;
    server = next;
  }
  return hops;
}
