// RDAP over HTTPS (RFC 7480/9083) on Node's own http/https clients: one GET per hop, a per-hop
// timeout, redirects and the registrar's `related` record followed only where the caller's policy
// allows, and every connection made through `Destinations` (no loopback, private or link-local
// address unless the user named it; the address is checked when the connection is made).
import type { IncomingMessage } from 'node:http';
import { parseRdapDomain, relatedRdapLink } from './parse-rdap.js';
import type { ParsedWhois } from './parse-whois.js';
import { Destinations } from './destinations.js';

export interface RdapQueryOptions {
  timeoutMs: number;
  deadline: number;
  /** Follow the registrar's `related` link (not when every lookup must go to one server elsewhere). */
  followRelated: boolean;
  /** Only follow redirects and `related` links on this origin (`--rdap-url`). */
  onlyOrigin?: string;
  /**
   * Why a redirect or `related` link to this URL may not be followed, or undefined to follow it.
   * Without it, only `onlyOrigin` (when set) limits where a hop may go.
   */
  refuse?: (url: URL, kind: 'redirect' | 'related') => string | undefined;
  /** The connection guard; default: no host named, every private address refused. */
  destinations?: Destinations;
  perHop?: <T>(server: string, task: () => Promise<T>) => Promise<T>;
}

export interface RdapResult {
  status: 'found' | 'not-found';
  parsed: ParsedWhois;
  server: string;
  raw: string;
  /** A `related` link that was not followed, and why. */
  notFollowed?: string;
}

export class RdapHttpError extends Error {}

/** Redirects followed per hop (each one checked like the first request). */
export const MAX_RDAP_REDIRECTS = 3;

interface HttpAnswer {
  status: number;
  location?: string;
  text: string;
  /** The Retry-After header of a 429 or 503 answer. */
  retryAfter?: string;
}

/** node:http and node:https (with TLS), loaded on the first request: an offline run never needs them. */
let clients: Promise<[typeof import('node:http'), typeof import('node:https')]> | undefined;

/** One GET, no redirect followed, the body read up to the cap. */
function get(url: URL, timeoutMs: number, deadline: number, destinations: Destinations): Promise<HttpAnswer> {
  const remaining = Math.min(timeoutMs, deadline - Date.now());
  if (remaining <= 0) return Promise.reject(new RdapHttpError('deadline passed before the request was sent'));
  try {
    destinations.checkLiteral(url.hostname);
  } catch (err) {
    return Promise.reject(new RdapHttpError(`${url.host}: ${(err as Error).message}`));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return Promise.reject(new RdapHttpError(`${url.host}: not an http(s) URL`));
  clients ??= Promise.all([import('node:http'), import('node:https')]);
  return clients.then(([http, https]) => send(url.protocol === 'https:' ? https.request : http.request, url, remaining, destinations));
}

function send(request: typeof import('node:http').request, url: URL, remaining: number, destinations: Destinations): Promise<HttpAnswer> {
  return new Promise<HttpAnswer>((resolve, reject) => {
    let settled = false;
    const signal = AbortSignal.timeout(remaining);
    const fail = (err: Error & { code?: string }) => {
      if (settled) return;
      settled = true;
      req.destroy();
      if (err instanceof RdapHttpError) return reject(err);
      const why = signal.aborted ? `timeout after ${remaining} ms` : err.code === 'EREFUSEDDESTINATION' ? err.message : (err.code ?? err.message);
      reject(new RdapHttpError(`${url.host}: ${why}`));
    };
    const req = request(url, {
      method: 'GET',
      headers: { accept: 'application/rdap+json, application/json;q=0.9' },
      lookup: destinations.lookup as never,
      agent: false,
      signal,
    });
    req.on('error', fail);
    req.on('response', (res: IncomingMessage) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        settled = true;
        res.resume();
        req.destroy();
        return resolve({ status, location: res.headers.location, text: '' });
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        // An endless answer filled 1.5 GB before the timeout: reading stops at the cap.
        if (size > MAX_RDAP_ANSWER_BYTES) fail(new RdapHttpError(`${url.host}: the answer is larger than ${MAX_RDAP_ANSWER_BYTES} bytes`));
        else chunks.push(chunk);
      });
      res.on('error', fail);
      res.on('aborted', () => fail(new Error('the connection was closed during the answer')));
      res.on('end', () => {
        if (settled) return;
        settled = true;
        const retryAfter = res.headers['retry-after'];
        resolve({ status, text: Buffer.concat(chunks).toString('utf8'), ...(typeof retryAfter === 'string' ? { retryAfter } : {}) });
      });
    });
    req.end();
  });
}

/** GET with redirects followed only where `refuse` allows; the final answer parsed as JSON. */
async function getJson(
  url: URL,
  opts: RdapQueryOptions,
  destinations: Destinations,
  refuse: (url: URL, kind: 'redirect' | 'related') => string | undefined,
): Promise<{ status: number; body: unknown; text: string; retryAfter?: string }> {
  let current = url;
  for (let redirects = 0; ; redirects++) {
    const answer = await get(current, opts.timeoutMs, opts.deadline, destinations);
    if (answer.location === undefined) {
      let body: unknown;
      try {
        body = answer.text ? JSON.parse(answer.text) : undefined;
      } catch {
        body = undefined;
      }
      return { status: answer.status, body, text: answer.text, ...(answer.retryAfter !== undefined ? { retryAfter: answer.retryAfter } : {}) };
    }
    let next: URL;
    try {
      next = new URL(answer.location, current);
    } catch {
      throw new RdapHttpError(`${current.host}: HTTP ${answer.status} to an unreadable location`);
    }
    if (redirects >= MAX_RDAP_REDIRECTS) throw new RdapHttpError(`${current.host}: more than ${MAX_RDAP_REDIRECTS} redirects`);
    const why = refuse(next, 'redirect');
    if (why) throw new RdapHttpError(`${current.host}: HTTP ${answer.status} redirect to ${next.origin} not followed: ${why}`);
    current = next;
  }
}

/** An answer past this is not an RDAP domain object (real ones are a few KB); reading stops there. */
export const MAX_RDAP_ANSWER_BYTES = 1024 * 1024;

export function rdapDomainUrl(base: string, domain: string): string {
  return `${base.endsWith('/') ? base : `${base}/`}domain/${encodeURIComponent(domain)}`;
}

export async function queryRdap(domain: string, base: string, opts: RdapQueryOptions): Promise<RdapResult> {
  const perHop = opts.perHop ?? (<T>(_s: string, t: () => Promise<T>) => t());
  const destinations = opts.destinations ?? new Destinations([]);
  const refuse = (u: URL, kind: 'redirect' | 'related'): string | undefined => {
    if (opts.onlyOrigin !== undefined && u.origin !== opts.onlyOrigin) return `only ${opts.onlyOrigin} (--rdap-url) is asked`;
    return opts.refuse?.(u, kind);
  };
  const url = new URL(rdapDomainUrl(base, domain));
  const server = url.origin;
  const first = await perHop(server, () => getJson(url, opts, destinations, refuse));
  if (first.status === 404) return { status: 'not-found', parsed: { notFound: true, recognised: true, statuses: [], redacted: false, style: 'unknown' }, server, raw: first.text };
  if (first.status !== 200) throw new RdapHttpError(`${url.host}: HTTP ${first.status}`);
  const parsed = parseRdapDomain(first.body);
  if (!parsed.recognised) throw new RdapHttpError(`${url.host}: the answer is not an RDAP domain object`);
  let raw = first.text;
  let notFollowed: string | undefined;
  const related = opts.followRelated && !parsed.registrantName && !parsed.registrantOrganization ? relatedRdapLink(first.body) : undefined;
  if (related) {
    let relUrl: URL | undefined;
    try {
      relUrl = new URL(related, url);
    } catch {
      relUrl = undefined;
    }
    const why = !relUrl ? 'not a URL' : (refuse(relUrl, 'related') ?? (relUrl.protocol !== 'https:' && relUrl.origin !== server ? 'not https' : undefined));
    if (why) notFollowed = `the registrar's record at ${relUrl?.origin ?? 'an unreadable link'} was not asked: ${why}`;
    else if (relUrl) {
      try {
        const target = relUrl;
        const second = await perHop(target.origin, () => getJson(target, opts, destinations, refuse));
        if (second.status === 200) {
          const p2 = parseRdapDomain(second.body);
          for (const k of ['registrantName', 'registrantOrganization', 'privacyMarker'] as const) if (p2[k] && !parsed[k]) parsed[k] = p2[k];
          parsed.redacted ||= p2.redacted;
          parsed.registrar ??= p2.registrar;
          raw = `${raw}\n${second.text}`;
        }
      } catch (err) {
        // The registrar's record is a bonus; the registry's answer stands without it, and says why.
        notFollowed = `the registrar's record could not be read: ${(err as Error).message}`;
      }
    }
  }
  return notFollowed ? { status: 'found', parsed, server, raw, notFollowed } : { status: 'found', parsed, server, raw };
}
