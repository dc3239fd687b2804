// RDAP over HTTPS with Node's fetch (RFC 7480/9083): one GET per hop, a per-hop timeout, and the
// registrar's `related` record followed once when the registry does not show the registrant.
import { parseRdapDomain, relatedRdapLink } from './parse-rdap.js';
import type { ParsedWhois } from './parse-whois.js';

export interface RdapQueryOptions {
  timeoutMs: number;
  deadline: number;
  /** Follow the registrar's `related` link (not when every lookup must go to one server elsewhere). */
  followRelated: boolean;
  /** Only follow `related` links on this origin. */
  onlyOrigin?: string;
  perHop?: <T>(server: string, task: () => Promise<T>) => Promise<T>;
}

export interface RdapResult {
  status: 'found' | 'not-found';
  parsed: ParsedWhois;
  server: string;
  raw: string;
}

export class RdapHttpError extends Error {}

async function getJson(url: string, timeoutMs: number, deadline: number): Promise<{ status: number; body: unknown; text: string }> {
  const remaining = Math.min(timeoutMs, deadline - Date.now());
  if (remaining <= 0) throw new RdapHttpError('deadline passed before the request was sent');
  let res: Response;
  try {
    res = await fetch(url, {
      headers: { accept: 'application/rdap+json, application/json;q=0.9' },
      redirect: 'follow',
      signal: AbortSignal.timeout(remaining),
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const why = e.name === 'TimeoutError' || e.name === 'AbortError' ? `timeout after ${remaining} ms` : (e.cause?.code ?? e.cause?.message ?? e.message);
    throw new RdapHttpError(`${new URL(url).host}: ${why}`);
  }
  const text = await boundedText(res, url);
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, body, text };
}

/** An answer past this is not an RDAP domain object (real ones are a few KB); reading stops there. */
export const MAX_RDAP_ANSWER_BYTES = 1024 * 1024;

/** The body as text, refused past the cap: an endless answer filled 1.5 GB before the timeout. */
async function boundedText(res: Response, url: string): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_RDAP_ANSWER_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new RdapHttpError(`${new URL(url).host}: the answer is larger than ${MAX_RDAP_ANSWER_BYTES} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function rdapDomainUrl(base: string, domain: string): string {
  return `${base.endsWith('/') ? base : `${base}/`}domain/${encodeURIComponent(domain)}`;
}

export async function queryRdap(domain: string, base: string, opts: RdapQueryOptions): Promise<RdapResult> {
  const perHop = opts.perHop ?? (<T>(_s: string, t: () => Promise<T>) => t());
  const url = rdapDomainUrl(base, domain);
  const server = new URL(url).origin;
  const first = await perHop(server, () => getJson(url, opts.timeoutMs, opts.deadline));
  if (first.status === 404) return { status: 'not-found', parsed: { notFound: true, recognised: true, statuses: [], redacted: false, style: 'unknown' }, server, raw: first.text };
  if (first.status !== 200) throw new RdapHttpError(`${new URL(url).host}: HTTP ${first.status}`);
  const parsed = parseRdapDomain(first.body);
  if (!parsed.recognised) throw new RdapHttpError(`${new URL(url).host}: the answer is not an RDAP domain object`);
  let raw = first.text;
  const related = opts.followRelated && !parsed.registrantName && !parsed.registrantOrganization ? relatedRdapLink(first.body) : undefined;
  if (related) {
    try {
      const relUrl = new URL(related, url);
      if ((relUrl.protocol === 'https:' || relUrl.origin === server) && (opts.onlyOrigin === undefined || relUrl.origin === opts.onlyOrigin)) {
        const second = await perHop(relUrl.origin, () => getJson(relUrl.href, opts.timeoutMs, opts.deadline));
        if (second.status === 200) {
          const p2 = parseRdapDomain(second.body);
          for (const k of ['registrantName', 'registrantOrganization', 'privacyMarker'] as const) if (p2[k] && !parsed[k]) parsed[k] = p2[k];
          parsed.redacted ||= p2.redacted;
          parsed.registrar ??= p2.registrar;
          raw = `${raw}\n${second.text}`;
        }
      }
    } catch {
      // The registrar's record is a bonus; the registry's answer stands without it.
    }
  }
  return { status: 'found', parsed, server, raw };
}
