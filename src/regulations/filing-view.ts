// What the rule data reads from a filing, computed once per evaluation: the distinct people
// (the same person written twice counts once), the filing's registrable domains and those
// under the subject, so predicates stay cheap and agree with each other.
import type { Filing, FilingWebsite, Role } from '../manifest/filing.js';
import type { Person } from '../manifest/schema.js';
import { parseDomain } from '../facts/domain-name.js';
import { normaliseMobile } from '../facts/identity.js';
import { samePerson } from '../manifest/people.js';

/** One real person of the filing, however many roles and manifest entries they have. */
export interface Subject {
  /** The person with fields merged from every entry that names them (the first given wins). */
  person: Person;
  /** Manifest path of the first entry: `entity.principal`, `entity.legalRepresentative`, `websites[i].admin`. */
  path: string;
  roles: Set<Role>;
  /** Every manifest path naming this person. */
  paths: string[];
  /** Indexes of the websites this person administers. */
  websites: number[];
}

export interface FilingDomain {
  /** Registrable domain, ASCII lower-case (or the lower-cased input when it cannot be parsed). */
  key: string;
  /** Unicode display form of the registrable domain. */
  display: string;
  prefix: string;
  /** Manifest path of the first mention, `websites[i].domains[j]`. */
  path: string;
  websites: number[];
}

export interface FilingView {
  filing: Filing;
  subjects: Subject[];
  principal: Subject;
  legalRepresentative?: Subject;
  /** The subject administering each website, by website index. */
  adminOf: Subject[];
  domains: FilingDomain[];
  /** Registrable domains of this filing plus `previousFiling.domains`. */
  domainsUnderSubject: Set<string>;
  prefixesUnderSubject: Set<string>;
}


function mergePeople(a: Person, b: Person): Person {
  const merged: Record<string, unknown> = Object.assign({}, b);
  for (const [k, v] of Object.entries(a)) if (v !== undefined) merged[k] = v;
  return merged as Person;
}

/** A domain as a registrable key, display form and prefix; unparseable input keeps its own text. */
export function domainKey(input: string): { key: string; display: string; prefix: string } {
  const parsed = parseDomain(input);
  if (parsed.ok) return { key: parsed.domain.registrable, display: parsed.domain.registrableUnicode, prefix: parsed.domain.prefix };
  const key = input.trim().toLowerCase().replace(/\.$/, '');
  return { key, display: key, prefix: key };
}

export function buildView(filing: Filing): FilingView {
  const { principal: principalPerson, legalRepresentative: legalPerson } = filing.manifest.entity;
  const principal: Subject = { person: principalPerson, path: 'entity.principal', roles: new Set(['principal']), paths: ['entity.principal'], websites: [] };
  const subjects: Subject[] = [principal];

  const place = (person: Person, path: string, role: Role, website?: number): Subject => {
    let found = subjects.find((s) => samePerson(s.person, person));
    if (found) {
      found.person = mergePeople(found.person, person);
      if (!found.paths.includes(path)) found.paths.push(path);
    } else {
      found = { person, path, roles: new Set(), paths: [path], websites: [] };
      subjects.push(found);
    }
    found.roles.add(role);
    if (website !== undefined && !found.websites.includes(website)) found.websites.push(website);
    return found;
  };

  const legalRepresentative = legalPerson ? place(legalPerson, 'entity.legalRepresentative', 'legalRepresentative') : undefined;
  const adminOf = filing.websites.map((w: FilingWebsite) =>
    w.adminIsPrincipal ? place(principalPerson, 'entity.principal', 'admin', w.index) : place(w.admin, w.adminPath, 'admin', w.index),
  );

  const byKey = new Map<string, FilingDomain>();
  filing.websites.forEach((w, i) =>
    w.domains.forEach((d, j) => {
      const { key, display, prefix } = domainKey(d);
      const found = byKey.get(key);
      if (found) {
        if (!found.websites.includes(i)) found.websites.push(i);
      } else byKey.set(key, { key, display, prefix, path: `websites[${i}].domains[${j}]`, websites: [i] });
    }),
  );
  const domains = [...byKey.values()];
  const domainsUnderSubject = new Set(domains.map((d) => d.key));
  const prefixesUnderSubject = new Set(domains.map((d) => d.prefix));
  for (const d of filing.manifest.previousFiling?.domains ?? []) {
    const { key, prefix } = domainKey(d);
    domainsUnderSubject.add(key);
    prefixesUnderSubject.add(prefix);
  }
  return { filing, subjects, principal, legalRepresentative, adminOf, domains, domainsUnderSubject, prefixesUnderSubject };
}

const views = new WeakMap<Filing, FilingView>();

/**
 * The view of a filing, built once however many days and rules read it: a filing and its view are
 * not changed after they are made.
 */
export function viewOf(filing: Filing): FilingView {
  let view = views.get(filing);
  if (!view) views.set(filing, (view = buildView(filing)));
  return view;
}

/** The holder path documents of this person are filed under. */
export function holderOf(view: FilingView, person: Person): string {
  return view.subjects.find((s) => samePerson(s.person, person))?.path ?? 'entity.principal';
}

/** A mobile number comparable across people: normalised when it is a mainland mobile. */
export function mobileKey(person: Person): string | undefined {
  if (!person.mobile) return undefined;
  return normaliseMobile(person.mobile) ?? person.mobile.replace(/[\s-]/g, '');
}
