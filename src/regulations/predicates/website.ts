// Conditions on websites: in a `website` rule, that website; otherwise every website of the scope.
import { z } from 'zod';
import type { FilingWebsite } from '../../manifest/filing.js';
import { and, contains, eqBool, isLegalRepresentative, scopeWebsites, type Scope, type Tri } from '../scope.js';
import { definePredicate } from './define.js';

const every = (scope: Scope, f: (w: FilingWebsite) => Tri) => and(scopeWebsites(scope).map(f));

/** A compiled `nameMatches` pattern (validated by the schema). */
const patterns = new Map<string, RegExp>();
export function namePattern(source: string): RegExp {
  let re = patterns.get(source);
  if (!re) {
    re = new RegExp(source, 'u');
    patterns.set(source, re);
  }
  return re;
}

function validPattern(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

export const websitePredicates = [
  definePredicate<boolean>({
    name: 'adminIsPrincipal',
    doc: "The website's administrator is the subject principal.",
    subject: 'website',
    options: () => z.boolean(),
    evaluate: (v, s) => every(s, (w) => (s.view.adminOf[w.index] === s.view.principal) === v),
  }),
  definePredicate<boolean>({
    name: 'adminIsLegalRepresentative',
    doc: "The website's administrator is the legal representative (unknown when an organisation declares none).",
    subject: 'website',
    options: () => z.boolean(),
    evaluate: (v, s) => every(s, (w) => eqBool(isLegalRepresentative(s.view, s.view.adminOf[w.index] ?? s.view.principal), v)),
  }),
  definePredicate<string[]>({
    name: 'remarksContain',
    doc: "The website's remarks contain one of these texts (case-insensitive).",
    subject: 'website',
    options: (k) => k.texts(),
    evaluate: (v, s) => every(s, (w) => v.some((t) => w.remarks !== undefined && contains(w.remarks, t))),
  }),
  definePredicate<string>({
    name: 'nameMatches',
    doc: "The website's name matches this regular expression (Unicode).",
    subject: 'website',
    options: () => z.string().min(1).refine(validPattern, 'expected a valid regular expression'),
    evaluate: (v, s) => every(s, (w) => namePattern(v).test(w.name)),
  }),
];
