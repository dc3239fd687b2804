// The scope a condition is evaluated in (the filing, one website, one person or one domain) and
// the three-valued logic: true, false, or null when the manifest does not say.
import type { FilingWebsite } from '../manifest/filing.js';
import type { FilingDomain, FilingView, Subject } from './filing-view.js';
import { memoise } from '../memo.js';

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

export type Compare = { gte?: number; gt?: number; lte?: number; lt?: number; eq?: number };

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

export const eqBool = (value: Tri, expected: boolean): Tri => (value === null ? null : value === expected);

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

/** A text in lower case, once per distinct text: the same keywords and names are compared for every rule and day. */
const lower = memoise((text) => text.toLocaleLowerCase());

export const contains = (haystack: string, needle: string) => lower(haystack).includes(lower(needle));
