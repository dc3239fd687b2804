// Port-43 WHOIS (RFC 3912) with node-whois's server table: referrals are followed here so that each
// hop gets its own timeout, its own per-server limit, and an overall deadline that closes the socket.
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import { domainToASCII } from 'node:url';
import { parseWhoisAnswer } from './parse-whois.js';
import { Destinations } from './destinations.js';

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

export type ServerTable = Record<string, string | { host: string; port?: number; query?: string; punycode?: boolean }>;
// node-whois's own server table, read as data: loading the client itself is deferred to the first query.
const SERVERS = createRequire(import.meta.url)('whois/servers.json') as ServerTable;

/** CNNIC answers for .中国 and .中國 on the same server as .cn (node-whois still names an older host). */
const OVERRIDES: ServerTable = { 'xn--fiqs8s': 'whois.cnnic.cn', 'xn--fiqz9s': 'whois.cnnic.cn' };

export function parseServer(text: string): WhoisServer {
  const m = /^\[?([^\]]+?)\]?(?::(\d{1,5}))?$/.exec(text.trim());
  if (!m?.[1]) throw new Error(`expected host[:port], got "${text}"`);
  const port = m[2] ? Number(m[2]) : 43;
  if (port < 1 || port > 65535) throw new Error(`port out of range in "${text}"`);
  return { host: m[1].toLowerCase(), port };
}

/** The server a table entry names, if any. */
function entryServer(entry: ServerTable[string]): WhoisServer | undefined {
  if (typeof entry === 'string') return entry ? parseServer(entry) : undefined;
  if (!entry?.host) return undefined;
  const s: WhoisServer = { host: entry.host.toLowerCase(), port: entry.port ?? 43 };
  if (entry.query) s.query = entry.query;
  return s;
}

/** The registry WHOIS server for a domain, from node-whois's table (longest suffix first), and the suffix it serves. */
export function whoisRegistryFor(domain: string, table: ServerTable = SERVERS): { server: WhoisServer; suffix: string } | undefined {
  let suffix = domain.toLowerCase();
  while (suffix) {
    const entry = (table === SERVERS ? OVERRIDES[suffix] : undefined) ?? (Object.hasOwn(table, suffix) ? table[suffix] : undefined);
    if (entry) {
      const server = entryServer(entry);
      return server ? { server, suffix } : undefined;
    }
    const dot = suffix.indexOf('.');
    suffix = dot === -1 ? '' : suffix.slice(dot + 1);
  }
  return undefined;
}

/** Every server a table names, as `host:port` (port 43 unless the entry says otherwise). */
export function knownServers(table: ServerTable = SERVERS): Set<string> {
  const out = new Set<string>();
  const all = table === SERVERS ? [...Object.values(SERVERS), ...Object.values(OVERRIDES)] : Object.values(table);
  for (const entry of all) {
    try {
      const s = entryServer(entry);
      if (s) out.add(`${s.host}:${s.port}`);
    } catch {
      // An entry that names no usable server names nothing.
    }
  }
  return out;
}

/** The registry WHOIS server for a domain, from node-whois's table (longest suffix first). */
export function whoisServerFor(domain: string): WhoisServer | undefined {
  let suffix = domain.toLowerCase();
  while (suffix) {
    const entry = OVERRIDES[suffix] ?? (Object.hasOwn(SERVERS, suffix) ? SERVERS[suffix] : undefined);
    if (entry) return entryServer(entry);
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
  /** Why a referral to this server may not be followed, or undefined to follow it. */
  refuse?: (next: WhoisServer) => string | undefined;
  /** The connection guard; default: no host named, every private address refused. */
  destinations?: Destinations;
  /** Wraps each hop, for per-server limits and counting. */
  perHop?: <T>(server: string, task: () => Promise<T>) => Promise<T>;
}

/** An answer past this is not WHOIS data (real ones are a few KB); the connection is dropped. */
export const MAX_WHOIS_ANSWER_BYTES = 1024 * 1024;

/**
 * One query over our own socket rather than node-whois's, which cannot be closed from outside: a
 * server dripping bytes below the idle timeout kept the process alive after the deadline, and an
 * endless answer grew without bound.
 */
function oneHop(domain: string, server: WhoisServer, timeoutMs: number, deadline: number, destinations: Destinations): Promise<string> {
  const remaining = deadline - Date.now();
  if (remaining <= 0) return Promise.reject(new Error('deadline passed before the query was sent'));
  const label = serverLabel(server);
  try {
    destinations.checkLiteral(server.host);
  } catch (err) {
    return Promise.reject(new Error(`${label}: ${(err as Error).message}`));
  }
  return new Promise<string>((resolve, reject) => {
    // The name is resolved and its addresses checked by the guard, at connection time.
    const socket = connect({ host: server.host, port: server.port, lookup: destinations.lookup as never });
    // A UTF-8 character split across TCP chunks is joined, not turned into U+FFFD.
    const decoder = new StringDecoder('utf8');
    let data = '';
    let bytes = 0;
    let settled = false;
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve(data + decoder.end());
    };
    const timer = setTimeout(() => finish(new Error(`no complete answer within the overall deadline from ${label}`)), remaining);
    socket.setTimeout(Math.min(timeoutMs, remaining), () => finish(new Error(`${label}: timeout`)));
    socket.on('connect', () => socket.write((server.query ?? '$addr\r\n').replace('$addr', domainToASCII(domain) || domain)));
    socket.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > MAX_WHOIS_ANSWER_BYTES) finish(new Error(`${label}: the answer is larger than ${MAX_WHOIS_ANSWER_BYTES} bytes`));
      else data += decoder.write(chunk);
    });
    socket.on('error', (err) => finish(new Error(`${label}: ${err.message}`)));
    socket.on('close', () => finish());
  });
}

export interface WhoisAnswers {
  /** Every answer, registry first. */
  hops: WhoisHop[];
  /** A referral that was not followed, and why. */
  notFollowed?: string;
}

/** Queries the registry and follows referrals the policy allows. */
export async function queryWhois(domain: string, opts: WhoisQueryOptions): Promise<WhoisAnswers> {
  const hops: WhoisHop[] = [];
  const destinations = opts.destinations ?? new Destinations([]);
  let notFollowed: string | undefined;
  const visited = new Set<string>();
  let server: WhoisServer | undefined = opts.server;
  const perHop = opts.perHop ?? (<T>(_s: string, t: () => Promise<T>) => t());
  while (server && hops.length <= opts.maxReferrals) {
    const label = serverLabel(server);
    visited.add(label);
    const current: WhoisServer = server;
    let data: string;
    try {
      data = await perHop(label, () => oneHop(domain, current, opts.timeoutMs, opts.deadline, destinations));
    } catch (err) {
      // A registrar that does not answer still leaves the registry's answer, which is worth keeping.
      if (hops.length === 0) throw err;
      notFollowed = `the referral to ${label} failed: ${(err as Error).message}`;
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
      notFollowed = `the referral "${referral.slice(0, 80)}" is not a host`;
      break;
    }
    if (visited.has(serverLabel(next)) || (next.host === current.host && next.port === current.port)) break;
    if (hops.length > opts.maxReferrals) break;
    const why = opts.refuse?.(next);
    if (why) {
      notFollowed = `the referral to ${serverLabel(next)} was not followed: ${why}`;
      break;
    }
    server = next;
  }
  return notFollowed ? { hops, notFollowed } : { hops };
}
