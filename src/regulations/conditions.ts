// Three-valued evaluation of rule conditions (schema.ts) over a filing: true, false, or null when
// the manifest does not say (an undeclared mobile province, a passport's age), so a rule can tell
// the filer what to confirm instead of guessing.
import type { FilingWebsite } from '../manifest/filing.js';
import { normaliseProvince, provinceOfAddress } from '../manifest/provinces.js';
import { ageOn, checkIdNumber } from '../facts/identity.js';
import type { Condition } from './schema.js';
import type { FilingDomain, FilingView, Subject } from './filing-view.js';
import { mobileKey } from './filing-view.js';
import { sameName } from '../manifest/people.js';
import { documentsProvided } from './documents.js';

/** `null` is "unknown". */
export type Tri = boolean | null;

export type ScopeKind = 'filing' | 'website' | 'person' | 'domain';

export interface Scope {
  view: FilingView;
  /** The check date, YYYY-MM-DD. */
  date: string;
  kind: ScopeKind;
  website?: FilingWebsite;
  subject?: Subject;
  domain?: FilingDomain;
  /** Values found while evaluating, for message placeholders (`{keyword}`, `{age}` ...). */
  notes: Record<string, string | number>;
}

type Compare = { gte?: number; gt?: number; lte?: number; lt?: number; eq?: number };

export function compareHolds(value: number, c: Compare): boolean {
  if (c.gte !== undefined && !(value >= c.gte)) return false;
  if (c.gt !== undefined && !(value > c.gt)) return false;
  if (c.lte !== undefined && !(value <= c.lte)) return false;
  if (c.lt !== undefined && !(value < c.lt)) return false;
  if (c.eq !== undefined && value !== c.eq) return false;
  return true;
}

export function and(values: Tri[]): Tri {
  if (values.includes(false)) return false;
  if (values.includes(null)) return null;
  return true;
}

export function or(values: Tri[]): Tri {
  if (values.includes(true)) return true;
  if (values.includes(null)) return null;
  return false;
}

export function not(value: Tri): Tri {
  return value === null ? null : !value;
}

const eqBool = (value: Tri, expected: boolean): Tri => (value === null ? null : value === expected);

/** The person a person predicate speaks of in this scope. */
export function subjectPerson(scope: Scope): Subject {
  if (scope.kind === 'person' && scope.subject) return scope.subject;
  if (scope.kind === 'website' && scope.website) return scope.view.adminOf[scope.website.index] ?? scope.view.principal;
  return scope.view.principal;
}

/** The websites a website predicate speaks of in this scope. */
export function scopeWebsites(scope: Scope): FilingWebsite[] {
  const all = scope.view.filing.websites;
  if (scope.kind === 'website' && scope.website) return [scope.website];
  if (scope.kind === 'person' && scope.subject && scope.subject.websites.length > 0) return scope.subject.websites.map((i) => all[i]!);
  if (scope.kind === 'domain' && scope.domain) return scope.domain.websites.map((i) => all[i]!);
  return all;
}

/** Domains counted by `domainCount`/`prefixCount`: the website's in a website rule, the filing's otherwise. */
export function scopeDomains(scope: Scope): FilingDomain[] {
  if (scope.kind === 'website' && scope.website) {
    const i = scope.website.index;
    return scope.view.domains.filter((d) => d.websites.includes(i));
  }
  return scope.view.domains;
}

/** Is the subject the legal representative? Unknown when a non-individual entity declares none. */
export function isLegalRepresentative(view: FilingView, subject: Subject): Tri {
  if (view.legalRepresentative) return subject === view.legalRepresentative;
  return view.filing.manifest.entity.type === 'individual' ? false : null;
}

const ID_NUMBER_TYPES = new Set(['id-card', 'temporary-id-card', 'hk-macao-residence-permit', 'taiwan-residence-permit']);
const DOMICILE_TYPES = new Set(['id-card', 'temporary-id-card']);
/** Documents held only by Chinese citizens (mainland, Hong Kong, Macao, Taiwan residents). */
const CITIZEN_TYPES = new Set([
  'id-card',
  'temporary-id-card',
  'hk-macao-residence-permit',
  'hk-macao-travel-permit',
  'taiwan-residence-permit',
  'taiwan-travel-permit',
]);

export function ageOf(subject: Subject, date: string): number | null {
  const id = subject.person.id;
  if (!id || !ID_NUMBER_TYPES.has(id.type)) return null;
  const checked = checkIdNumber(id.number, date);
  return checked.ok ? ageOn(checked.facts.birthDate, date) : null;
}

/**
 * Only a mainland ID card (or temporary ID card) carries a domicile; any other document (a passport,
 * a Hong Kong, Macao or Taiwan permit) is not an ID card issued in the province, so it is `false`.
 * Unknown without a document or when the number cannot be read.
 */
function domicileInProvince(scope: Scope, subject: Subject): Tri {
  const id = subject.person.id;
  if (!id) return null;
  if (!DOMICILE_TYPES.has(id.type)) return false;
  const checked = checkIdNumber(id.number, scope.date);
  if (!checked.ok || !checked.facts.province) return null;
  return checked.facts.province === scope.view.filing.province;
}

function mobileInProvince(scope: Scope, subject: Subject): Tri {
  const declared = subject.person.mobileProvince;
  if (!declared) return null;
  const slug = normaliseProvince(declared);
  return slug === undefined ? null : slug === scope.view.filing.province;
}

function foreigner(subject: Subject): Tri {
  const { nationality, id } = subject.person;
  if (nationality) return nationality.toUpperCase() !== 'CN';
  if (id && CITIZEN_TYPES.has(id.type)) return false;
  return null;
}

function hasResidencePermit(scope: Scope, subject: Subject): Tri {
  if (subject.person.residencePermit) return true;
  const roles = new Set<string>(subject.roles);
  return scope.view.filing.manifest.documents.some(
    (d) => d.kind === 'residence-permit' && (d.for === undefined || roles.has(d.for) || subject.paths.includes(d.for)),
  );
}

function keywordTexts(scope: Scope, where: string): string[] {
  const m = scope.view.filing.manifest;
  const websites = scope.kind === 'website' ? scopeWebsites(scope) : scope.view.filing.websites;
  switch (where) {
    case 'entityName':
      return [m.entity.name];
    case 'businessScope':
      return m.entity.businessScope ? [m.entity.businessScope] : [];
    case 'websiteNames':
      return websites.map((w) => w.name);
    case 'remarks':
      return websites.flatMap((w) => (w.remarks ? [w.remarks] : []));
    default:
      return [];
  }
}

/**
 * A change from an individual filing to an organisation's: the previous name and number are a
 * person's, so there is no old entity name or certificate number to have changed (the
 * individual-to-enterprise rules judge such a change).
 */
function wasIndividual(m: FilingView['filing']['manifest']): boolean {
  return m.previousFiling?.entityType === 'individual' && m.entity.type !== 'individual';
}

const compact = (s: string) => s.replace(/[\s-]+/g, '').toUpperCase();

/**
 * The Three-in-One conversion: the previous number is a 9-character organisation code (GB 11714,
 * written with or without its hyphen) and the current 18-character unified social credit code
 * carries it in characters 9 to 17 (GB 32100).
 */
export function threeInOne(previous: string, current: string): boolean {
  const code = compact(previous);
  const credit = compact(current);
  return /^[0-9A-Z]{9}$/.test(code) && /^[0-9A-Z]{18}$/.test(credit) && credit.slice(8, 17) === code;
}

const contains = (haystack: string, needle: string) => haystack.toLocaleLowerCase().includes(needle.toLocaleLowerCase());

/** A compiled `nameMatches` pattern (validated at load time). */
const patterns = new Map<string, RegExp>();
export function namePattern(source: string): RegExp {
  let re = patterns.get(source);
  if (!re) {
    re = new RegExp(source, 'u');
    patterns.set(source, re);
  }
  return re;
}

/** Evaluates one predicate key. */
function predicate(key: string, value: unknown, scope: Scope): Tri {
  const { view } = scope;
  const m = view.filing.manifest;
  const strings = value as string[];
  const cmp = value as Compare;
  const every = (f: (w: FilingWebsite) => Tri) => and(scopeWebsites(scope).map(f));
  switch (key) {
    case 'province':
      return strings.includes(view.filing.province);
    case 'entityType':
      return strings.includes(m.entity.type);
    case 'filingKind':
      return strings.includes(m.filing);
    case 'previousEntityType': {
      const previous = m.previousFiling?.entityType;
      return previous === undefined ? null : strings.includes(previous);
    }
    case 'principalIsLegalRepresentative':
      return eqBool(isLegalRepresentative(view, view.principal), value as boolean);
    case 'allAdminsArePrincipal':
      return eqBool(
        view.adminOf.every((s) => s === view.principal),
        value as boolean,
      );
    case 'allAdminsAreLegalRepresentative':
      return eqBool(and(view.adminOf.map((s) => isLegalRepresentative(view, s))), value as boolean);
    case 'mobileSharedBetweenPeople': {
      const seen = new Set<string>();
      let shared = false;
      for (const s of view.subjects) {
        const k = mobileKey(s.person);
        if (k === undefined) continue;
        if (seen.has(k)) shared = true;
        seen.add(k);
      }
      return shared === value;
    }
    case 'domainCount': {
      const n = scopeDomains(scope).length;
      scope.notes.domains = scope.notes.domainCount = n;
      return compareHolds(n, cmp);
    }
    case 'prefixCount': {
      const n = new Set(scopeDomains(scope).map((d) => d.prefix)).size;
      scope.notes.prefixes = scope.notes.prefixCount = n;
      return compareHolds(n, cmp);
    }
    case 'domainsUnderSubject':
      scope.notes.domainsUnderSubject = view.domainsUnderSubject.size;
      return compareHolds(view.domainsUnderSubject.size, cmp);
    case 'prefixesUnderSubject':
      scope.notes.prefixesUnderSubject = view.prefixesUnderSubject.size;
      return compareHolds(view.prefixesUnderSubject.size, cmp);
    case 'websiteCount':
      scope.notes.websites = scope.notes.websiteCount = view.filing.websites.length;
      return compareHolds(view.filing.websites.length, cmp);
    case 'content': {
      const websites = scope.kind === 'website' ? scopeWebsites(scope) : view.filing.websites;
      return websites.some((w) => w.content.some((c) => strings.includes(c)));
    }
    case 'hasPreApproval': {
      const websites = scope.kind === 'website' ? scopeWebsites(scope) : view.filing.websites;
      return websites.some((w) => w.preApprovals.some((p) => strings.includes(p.type)));
    }
    case 'previousFilerIsLegalRepresentative': {
      const previous = m.previousFiling?.entityName;
      const representative = m.entity.legalRepresentative?.name;
      if (previous === undefined) return eqBool(isLegalRepresentative(view, view.principal), value as boolean);
      if (representative === undefined) return null;
      return sameName(previous, representative) === value;
    }
    case 'addressContains': {
      const address = m.entity.address;
      return address !== undefined && strings.some((t) => contains(address, t));
    }
    case 'certificateType': {
      const type = m.entity.certificate?.type;
      if (type === undefined) return null;
      scope.notes.certificateType = type;
      return strings.includes(type);
    }
    case 'keywords': {
      const k = value as { in: string[]; any: string[] };
      for (const where of k.in)
        for (const t of keywordTexts(scope, where))
          for (const word of k.any)
            if (contains(t, word)) {
              scope.notes.keyword = word;
              return true;
            }
      return false;
    }
    case 'addressInProvince': {
      const address = m.entity.address;
      const slug = address ? provinceOfAddress(address) : undefined;
      return slug === undefined ? null : (slug === view.filing.province) === value;
    }
    case 'entityNameChanged': {
      const previous = m.previousFiling?.entityName;
      if (wasIndividual(m)) return value === false;
      if (previous === undefined) return null;
      return (previous.trim() !== m.entity.name.trim()) === value;
    }
    case 'certificateNumberChanged': {
      const previous = m.previousFiling?.certificateNumber;
      const current = m.entity.certificate?.number;
      if (wasIndividual(m)) return value === false;
      if (previous === undefined || current === undefined) return null;
      return (compact(previous) !== compact(current)) === value;
    }
    case 'threeInOneConversion': {
      const previous = m.previousFiling?.certificateNumber;
      const current = m.entity.certificate?.number;
      if (previous === undefined || current === undefined) return null;
      return threeInOne(previous, current) === value;
    }
    case 'hasDocument': {
      const kinds = new Set(strings);
      return documentsProvided(view.filing, scope.date).some((d) => kinds.has(d.kind));
    }
    case 'adminIsPrincipal':
      return every((w) => (view.adminOf[w.index] === view.principal) === value);
    case 'adminIsLegalRepresentative':
      return every((w) => eqBool(isLegalRepresentative(view, view.adminOf[w.index] ?? view.principal), value as boolean));
    case 'remarksContain':
      return every((w) => strings.some((s) => w.remarks !== undefined && contains(w.remarks, s)));
    case 'nameMatches':
      return every((w) => namePattern(value as string).test(w.name));
    case 'role':
      return strings.some((r) => subjectPerson(scope).roles.has(r as never));
    case 'idType': {
      const id = subjectPerson(scope).person.id;
      return id === undefined ? null : strings.includes(id.type);
    }
    case 'age': {
      const age = ageOf(subjectPerson(scope), scope.date);
      if (age === null) return null;
      scope.notes.age = age;
      return compareHolds(age, cmp);
    }
    case 'domicileInProvince':
      return eqBool(domicileInProvince(scope, subjectPerson(scope)), value as boolean);
    case 'mobileInProvince':
      return eqBool(mobileInProvince(scope, subjectPerson(scope)), value as boolean);
    case 'foreigner':
      return eqBool(foreigner(subjectPerson(scope)), value as boolean);
    case 'isLegalRepresentative':
      return eqBool(isLegalRepresentative(view, subjectPerson(scope)), value as boolean);
    case 'isPrincipal':
      return (subjectPerson(scope) === view.principal) === value;
    case 'hasResidencePermit':
      return eqBool(hasResidencePermit(scope, subjectPerson(scope)), value as boolean);
    default:
      throw new Error(`unknown condition key ${key}`);
  }
}

/** A condition object holds when all its keys hold; `all`, `any` and `not` combine. */
export function evaluateCondition(condition: Condition | undefined, scope: Scope): Tri {
  if (condition === undefined) return true;
  const results: Tri[] = [];
  for (const [key, value] of Object.entries(condition)) {
    if (value === undefined) continue;
    let r: Tri;
    if (key === 'all') r = and((value as Condition[]).map((c) => evaluateCondition(c, scope)));
    else if (key === 'any') r = or((value as Condition[]).map((c) => evaluateCondition(c, scope)));
    else if (key === 'not') r = not(evaluateCondition(value as Condition, scope));
    else r = predicate(key, value, scope);
    // A false key settles the conjunction; later keys need not be read (nor leave notes).
    if (r === false) return false;
    results.push(r);
  }
  return and(results);
}

/** The numeric predicate a rule compares first, whose value is its `{count}`. */
export function firstCompareKey(condition: Condition | undefined): string | undefined {
  if (!condition) return undefined;
  for (const [key, value] of Object.entries(condition)) {
    if (['domainCount', 'prefixCount', 'domainsUnderSubject', 'prefixesUnderSubject', 'websiteCount', 'age'].includes(key)) return key;
    if (key === 'all' || key === 'any') {
      for (const c of value as Condition[]) {
        const found = firstCompareKey(c);
        if (found) return found;
      }
    }
    if (key === 'not') {
      const found = firstCompareKey(value as Condition);
      if (found) return found;
    }
  }
  return undefined;
}
