// RDAP domain answers (RFC 9083) to the fields of a `WhoisRecord`: registrar and registrant entities
// with jCard (RFC 7095), events, and statuses in RFC 8056 spelling turned into EPP spelling.
import { normaliseStatus, privacyMarkerOf, stripControl, type ParsedWhois } from './parse-whois.js';

interface RdapEntity {
  roles?: unknown;
  vcardArray?: unknown;
  entities?: unknown;
  status?: unknown;
  remarks?: unknown;
}

export interface RdapLink {
  rel?: string;
  href?: string;
  type?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? stripControl(v.trim()) : undefined);

/** One property of a jCard: `["fn", {}, "text", "Name"]`. */
function vcardValue(vcard: unknown, name: string): string | undefined {
  if (!Array.isArray(vcard) || vcard[0] !== 'vcard' || !Array.isArray(vcard[1])) return undefined;
  for (const prop of vcard[1] as unknown[]) {
    if (!Array.isArray(prop) || prop[0] !== name) continue;
    const value = prop[3];
    if (Array.isArray(value)) return str(value.filter((v) => typeof v === 'string' && v !== '').join(' '));
    return str(value);
  }
  return undefined;
}

function entitiesOf(node: unknown): RdapEntity[] {
  if (!node || typeof node !== 'object') return [];
  const list = (node as { entities?: unknown }).entities;
  return Array.isArray(list) ? (list.filter((e) => e && typeof e === 'object') as RdapEntity[]) : [];
}

function hasRole(e: RdapEntity, role: string): boolean {
  return Array.isArray(e.roles) && e.roles.some((r) => typeof r === 'string' && r.toLowerCase() === role);
}

/** Entities at any depth (a registrar nests its abuse contact; some servers nest the registrant). */
function allEntities(node: unknown, depth = 0): RdapEntity[] {
  if (depth > 3) return [];
  return entitiesOf(node).flatMap((e) => [e, ...allEntities(e, depth + 1)]);
}

function remarkTitles(node: unknown): string[] {
  const remarks = (node as { remarks?: unknown }).remarks;
  if (!Array.isArray(remarks)) return [];
  return remarks.flatMap((r) => {
    if (!r || typeof r !== 'object') return [];
    const t = str((r as { title?: unknown }).title);
    const d = (r as { description?: unknown }).description;
    return [t, ...(Array.isArray(d) ? d.map(str) : [])].filter((x): x is string => x !== undefined);
  });
}

/** Parses an RDAP domain object. */
export function parseRdapDomain(json: unknown): ParsedWhois {
  const out: ParsedWhois = { notFound: false, recognised: false, statuses: [], redacted: false, style: 'unknown' };
  if (!json || typeof json !== 'object') return out;
  const doc = json as Record<string, unknown>;
  if (doc.objectClassName !== undefined && doc.objectClassName !== 'domain') return out;
  out.recognised = typeof doc.ldhName === 'string' || doc.objectClassName === 'domain';

  if (Array.isArray(doc.status)) {
    for (const s of doc.status) {
      // RFC 8056: RDAP `active` is EPP `ok`, `associated` is `linked`.
      const epp: Record<string, string> = { active: 'ok', associated: 'linked' };
      const n = typeof s === 'string' ? (epp[s.trim().toLowerCase()] ?? normaliseStatus(s)) : undefined;
      if (n && !out.statuses.includes(n)) out.statuses.push(n);
    }
  }
  if (Array.isArray(doc.events)) {
    for (const ev of doc.events) {
      if (!ev || typeof ev !== 'object') continue;
      const action = str((ev as { eventAction?: unknown }).eventAction)?.toLowerCase();
      const date = str((ev as { eventDate?: unknown }).eventDate);
      const t = date ? new Date(date) : undefined;
      if (!t || Number.isNaN(t.getTime())) continue;
      if (action === 'registration' && !out.created) out.created = t.toISOString();
      if (action === 'expiration' && !out.expires) out.expires = t.toISOString();
    }
  }

  const entities = allEntities(doc);
  const registrar = entities.find((e) => hasRole(e, 'registrar'));
  if (registrar) {
    const name = vcardValue(registrar.vcardArray, 'fn') ?? vcardValue(registrar.vcardArray, 'org');
    if (name) out.registrar = name;
  }
  const registrant = entities.find((e) => hasRole(e, 'registrant'));
  if (registrant) {
    const fn = vcardValue(registrant.vcardArray, 'fn');
    const org = vcardValue(registrant.vcardArray, 'org');
    if (fn) out.registrantName = fn;
    if (org) out.registrantOrganization = org;
    const statuses = Array.isArray(registrant.status) ? registrant.status.map((s) => String(s).toLowerCase()) : [];
    // RFC 8056 adds `private`, `proxy`, `removed` and `obscured` for contacts hidden from view.
    const hidden = statuses.find((s) => ['private', 'proxy', 'removed', 'obscured'].includes(s));
    const marker = privacyMarkerOf(fn) ?? privacyMarkerOf(org) ?? remarkTitles(registrant).find((t) => privacyMarkerOf(t)) ?? (hidden ? `status: ${hidden}` : undefined);
    if (marker) {
      out.redacted = true;
      out.privacyMarker = marker;
    }
  }
  // RFC 9537 lists redacted fields by name.
  if (!out.redacted && Array.isArray(doc.redacted)) {
    const hit = doc.redacted.find((r) => {
      const n =
        r && typeof r === 'object'
          ? (str((r as { name?: { type?: unknown; description?: unknown } }).name?.type) ?? str((r as { name?: { description?: unknown } }).name?.description))
          : undefined;
      return n !== undefined && /registrant/i.test(n) && /name|organi[sz]ation/i.test(n);
    });
    if (hit) {
      out.redacted = true;
      out.privacyMarker = 'RDAP redacted: registrant';
    }
  }
  return out;
}

/** The registrar's own RDAP record (`rel: related`), where thin registries send for the registrant. */
export function relatedRdapLink(json: unknown): string | undefined {
  if (!json || typeof json !== 'object') return undefined;
  const links = (json as { links?: unknown }).links;
  if (!Array.isArray(links)) return undefined;
  for (const l of links as RdapLink[]) {
    if (l && l.rel === 'related' && typeof l.href === 'string' && /\/domain\//i.test(l.href) && (!l.type || /rdap\+json|json/i.test(l.type))) {
      return l.href;
    }
  }
  return undefined;
}
