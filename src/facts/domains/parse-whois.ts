// Our own port-43 WHOIS parser for CNNIC, ICANN-style and IANA answers. whois-json was the first
// choice, but it glues an empty CRLF field onto the next line (its issues #14 and #32), which turns
// `Registrant Organization:` followed by `Registrant Street:` into a wrong holder name.
import type { WhoisRecord } from '../types.js';
import { stripControl as stripUnsafe } from '../../report/sanitize.js';

/** What one or more WHOIS answers say about a domain, before it becomes a `WhoisRecord`. */
export interface ParsedWhois
  extends Pick<WhoisRecord, 'registrar' | 'registrantName' | 'registrantOrganization' | 'created' | 'expires' | 'statuses' | 'redacted' | 'privacyMarker'> {
  /** The answer says the domain is not registered ("No matching record." and the like). */
  notFound: boolean;
  /** The answer named the domain or one of the fields below. */
  recognised: boolean;
  /** `Registrar WHOIS Server:` / `refer:`: where a thin registry sends us next. */
  referral?: string;
  style: 'cnnic' | 'icann' | 'iana' | 'unknown';
}

/** Control characters (except tab and newline) removed so nothing from a server reaches a terminal raw. */
export const stripControl = (text: string): string => stripUnsafe(text, true);

const NOT_FOUND = [
  /^no matching record/im,
  /^no match(es)? for\b/im,
  /^not found\b/im,
  /^no data found/im,
  /^domain not found/im,
  /^no entries found/im,
  /^no object found/im,
  /the queried object does not exist/i,
  /^%+ *no match/im,
  /^status:\s*(free|available)\s*$/im,
  /^the domain has not been registered/im,
  /^no found/im,
];

/** Statuses, EPP spelling (RFC 5731) from RDAP's RFC 8056 phrases or WHOIS text with URLs. */
export function normaliseStatus(value: string): string | undefined {
  let v = value.trim();
  v = v
    .replace(/\(?\s*https?:\/\/\S*\)?/gi, '')
    .replace(/\s+-\s*$/, '')
    .trim();
  v = v.replace(/[\s,;-]+$/, '');
  if (!v) return undefined;
  const special: Record<string, string> = { active: 'ok', associated: 'linked' };
  if (/\s/.test(v)) {
    const words = v
      .toLowerCase()
      .split(/[\s_]+/)
      .filter(Boolean);
    const joined = words.join(' ');
    if (special[joined]) return special[joined];
    return words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
  }
  return v;
}

/** Privacy services and redaction texts as WHOIS and RDAP print them. */
const PRIVACY = [
  /redacted for privacy/i,
  /^redacted\b/i,
  /\bdata redacted\b/i,
  /domains by proxy/i,
  /whois privacy protection/i,
  /withheld for privacy/i,
  /privacy ?guardian/i,
  /contact privacy/i,
  /whoisguard/i,
  /privacydotlink|privacy-link/i,
  /domain protection services/i,
  /privacy protect/i,
  /perfect privacy/i,
  /identity protection service/i,
  /super privacy service/i,
  /data protected/i,
  /not disclosed/i,
  /statutory masking/i,
  /隐私保护/,
  /隐私/,
];

export function privacyMarkerOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return PRIVACY.some((re) => re.test(value)) ? value : undefined;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/**
 * A WHOIS date as ISO 8601 UTC. `defaultOffset` applies when the text has no zone: CNNIC prints China
 * Standard Time (+08:00) without saying so; others are taken as UTC.
 */
export function parseWhoisDate(text: string, defaultOffset = 'Z'): string | undefined {
  let t = text.trim().replace(/\s*\(.*\)$/, '');
  if (!t) return undefined;
  // `2001-06-14-T10:32:43Z` (Uniregistry) and `2003-03-17 12:20:05`.
  t = t.replace(/^(\d{4}-\d{2}-\d{2})-?[T ](\d)/, '$1T$2');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:T(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i.exec(t);
  if (!m) {
    const d = /^(\d{1,2})[-. ]([a-z]{3})[a-z]*[-. ](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i.exec(t);
    if (!d || MONTHS[d[2]!.toLowerCase()] === undefined) return undefined;
    m = [d[0], d[3]!, String(MONTHS[d[2]!.toLowerCase()]), d[1]!, d[4] ?? '', d[5] ?? '', d[6] ?? '', '', d[7] ?? ''] as unknown as RegExpExecArray;
  }
  const [, y, mo, da, h, mi, s, , zone] = m;
  const pad = (v: string | undefined, n = 2) => (v ?? '0').padStart(n, '0');
  let offset = zone ? zone.toUpperCase() : defaultOffset;
  if (offset === 'UTC' || offset === 'GMT') offset = 'Z';
  if (/^[+-]\d{4}$/.test(offset)) offset = `${offset.slice(0, 3)}:${offset.slice(3)}`;
  const iso = `${y}-${pad(mo)}-${pad(da)}T${pad(h || '0')}:${pad(mi || '0')}:${pad(s || '0')}${offset}`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

type Field = 'registrar' | 'registrantName' | 'registrantOrganization' | 'created' | 'expires' | 'status' | 'referral' | 'domain';

/** Labels in order of preference within one answer (lower-case, single spaces). */
const LABELS: Record<Field, string[]> = {
  domain: ['domain name', 'domain', 'domainname'],
  registrar: ['registrar', 'sponsoring registrar', 'registrar name', 'registrar organization', 'sponsoring registrar organization'],
  registrantName: ['registrant name', 'registrant', 'registrant contact name'],
  registrantOrganization: ['registrant organization', 'registrant organisation', 'registrant org'],
  created: ['registration time', 'creation date', 'created date', 'created on', 'registration date', 'domain registration date', 'registered on', 'created'],
  expires: [
    'registry expiry date',
    'expiration time',
    'registry expiration date',
    'registrar registration expiration date',
    'expiration date',
    'expiry date',
    'expires on',
    'domain expiration date',
    'paid-till',
    'expires',
  ],
  status: ['domain status', 'status'],
  referral: ['registrar whois server', 'whois server', 'refer', 'referralserver'],
};

const LABEL_TO_FIELD = new Map<string, { field: Field; rank: number }>();
for (const [field, labels] of Object.entries(LABELS) as [Field, string[]][]) {
  labels.forEach((l, rank) => LABEL_TO_FIELD.set(l, { field, rank }));
}

interface Collected {
  values: Map<Field, { rank: number; value: string }>;
  statuses: string[];
}

function isIana(text: string): boolean {
  return /^% IANA WHOIS server/m.test(text) || (/^domain:\s+\S+\s*$/m.test(text) && /^contact:\s+/m.test(text));
}

function isCnnic(text: string): boolean {
  return /^(Registration Time|Expiration Time|Sponsoring Registrar|ROID):/im.test(text) || /^No matching record\./m.test(text);
}

/** Parses one WHOIS answer. */
export function parseWhoisAnswer(raw: string): ParsedWhois {
  const text = stripControl(raw.replace(/\r\n?/g, '\n'));
  const style: ParsedWhois['style'] = isIana(text) ? 'iana' : isCnnic(text) ? 'cnnic' : 'icann';
  const c: Collected = { values: new Map(), statuses: [] };
  let section: 'top' | 'contact' = 'top';

  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('%') || line.startsWith('#') || line.startsWith('>>>')) continue;
    // A label is short text before the first colon; a URL's `https:` is not a label.
    const m = /^([A-Za-z][A-Za-z /.()-]{0,60}?)\s*:(?!\/\/)\s*(.*)$/.exec(line);
    if (!m) continue;
    const label = m[1]!.toLowerCase().replace(/\s+/g, ' ').trim();
    const value = m[2]!.trim();
    if (style === 'iana') {
      // IANA answers describe the TLD: `organisation:` before the first `contact:` is its registry.
      if (label === 'contact') section = 'contact';
      if (section === 'top' && label === 'organisation' && value) set(c, 'registrantOrganization', 0, value);
      if (label === 'created' && value) set(c, 'created', 0, value);
      if (label === 'status' && value) c.statuses.push(value);
      if (label === 'whois' && value) set(c, 'referral', 0, value);
      if (label === 'domain' && value) set(c, 'domain', 0, value);
      continue;
    }
    const hit = LABEL_TO_FIELD.get(label);
    // A value with U+FFFD was not UTF-8 (a GBK answer): garbled, it would be compared as a name.
    if (!hit || !value || value.includes('\ufffd')) continue;
    if (hit.field === 'status') {
      const s = normaliseStatus(value);
      if (s && !c.statuses.includes(s)) c.statuses.push(s);
      continue;
    }
    // `Registrant:` in ICANN answers sometimes opens a block; CNNIC uses it for the holder's name.
    set(c, hit.field, hit.rank, value);
  }

  const get = (f: Field) => c.values.get(f)?.value;
  const offset = style === 'cnnic' ? '+08:00' : 'Z';
  const registrantName = get('registrantName');
  const registrantOrganization = get('registrantOrganization');
  const privacyMarker = privacyMarkerOf(registrantName) ?? privacyMarkerOf(registrantOrganization);
  const parsed: ParsedWhois = {
    notFound: false,
    // A referral alone says where to ask, not that the domain is registered.
    recognised: [...c.values.keys()].some((f) => f !== 'referral') || c.statuses.length > 0,
    statuses: c.statuses,
    redacted: privacyMarker !== undefined,
    style,
  };
  const registrar = get('registrar');
  if (registrar) parsed.registrar = registrar;
  if (registrantName) parsed.registrantName = registrantName;
  if (registrantOrganization) parsed.registrantOrganization = registrantOrganization;
  const created = get('created') && parseWhoisDate(get('created')!, offset);
  if (created) parsed.created = created;
  const expires = get('expires') && parseWhoisDate(get('expires')!, offset);
  if (expires) parsed.expires = expires;
  if (privacyMarker) parsed.privacyMarker = privacyMarker;
  const referral = get('referral');
  if (referral) parsed.referral = referral.replace(/^(r?whois|https?):\/\//i, '').replace(/\/.*$/, '');
  const hasData = parsed.registrar !== undefined || parsed.created !== undefined || parsed.expires !== undefined;
  parsed.notFound = !hasData && NOT_FOUND.some((re) => re.test(text));
  return parsed;
}

function set(c: Collected, field: Field, rank: number, value: string): void {
  const old = c.values.get(field);
  // The first value of the best-ranked label wins: a thick answer repeats fields in later sections.
  if (!old || rank < old.rank) c.values.set(field, { rank, value });
}

/**
 * Merges the answers of a referral chain (registry first, then registrar). The registry's registrar,
 * dates and statuses are authoritative; the registrant comes from whichever answer shows it.
 */
export function mergeWhoisAnswers(parts: ParsedWhois[]): ParsedWhois {
  const first = parts[0];
  if (!first) return { notFound: false, recognised: false, statuses: [], redacted: false, style: 'unknown' };
  const found = parts.filter((p) => !p.notFound && p.recognised);
  if (found.length === 0) return { ...first };
  const pick = <K extends keyof ParsedWhois>(k: K) => found.find((p) => p[k] !== undefined && p[k] !== '')?.[k];
  const merged: ParsedWhois = {
    notFound: false,
    recognised: true,
    statuses: found.find((p) => p.statuses.length > 0)?.statuses ?? [],
    redacted: found.some((p) => p.redacted),
    style: found[0]!.style,
  };
  for (const k of ['registrar', 'registrantName', 'registrantOrganization', 'created', 'expires', 'privacyMarker'] as const) {
    const v = pick(k);
    if (v !== undefined) (merged as unknown as Record<string, unknown>)[k] = v;
  }
  return merged;
}
