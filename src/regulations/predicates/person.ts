// Conditions on a person: the subject of a `person` rule, the website's administrator in a
// `website` rule, the subject principal otherwise.
import { z } from 'zod';
import { ID_TYPES } from '../../manifest/schema.js';
import { normaliseProvince } from '../../manifest/provinces.js';
import { ageOn } from '../../facts/identity.js';
import { checkIdNumberOn } from '../id-check.js';
import type { Subject } from '../filing-view.js';
import { compareHolds, eqBool, isLegalRepresentative, subjectPerson, type Scope, type Tri } from '../scope.js';
import { definePredicate, type Compare } from './define.js';

const ROLES = ['principal', 'legalRepresentative', 'admin'] as const;
const ID_NUMBER_TYPES = new Set(['id-card', 'temporary-id-card', 'hk-macao-residence-permit', 'taiwan-residence-permit']);
const DOMICILE_TYPES = new Set(['id-card', 'temporary-id-card']);
/** Documents held only by Chinese citizens (mainland, Hong Kong, Macao, Taiwan residents). */
const CITIZEN_TYPES = new Set(['id-card', 'temporary-id-card', 'hk-macao-residence-permit', 'hk-macao-travel-permit', 'taiwan-residence-permit', 'taiwan-travel-permit']);

export function ageOf(subject: Subject, date: string): number | null {
  const id = subject.person.id;
  if (!id || !ID_NUMBER_TYPES.has(id.type)) return null;
  const checked = checkIdNumberOn(id.number, date);
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
  const checked = checkIdNumberOn(id.number, scope.date);
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
  return scope.view.filing.manifest.documents.some((d) => d.kind === 'residence-permit' && (d.for === undefined || roles.has(d.for) || subject.paths.includes(d.for)));
}

const personFlag = (name: string, doc: string, value: (scope: Scope, subject: Subject) => Tri) =>
  definePredicate<boolean>({ name, doc, subject: 'person', options: () => z.boolean(), evaluate: (v, s) => eqBool(value(s, subjectPerson(s)), v) });

export const personPredicates = [
  definePredicate<string[]>({
    name: 'role',
    doc: 'The person has one of these roles: principal, legalRepresentative, admin.',
    subject: 'person',
    options: (k) => k.oneOf(ROLES),
    evaluate: (v, s) => v.some((r) => subjectPerson(s).roles.has(r as never)),
  }),
  definePredicate<string[]>({
    name: 'idType',
    doc: "The person's identity document is of one of these types (unknown when none is declared).",
    subject: 'person',
    options: (k) => k.oneOf(ID_TYPES),
    evaluate(v, s) {
      const id = subjectPerson(s).person.id;
      return id === undefined ? null : v.includes(id.type);
    },
  }),
  definePredicate<Compare>({
    name: 'age',
    doc: 'Age in whole years on the check date, from the ID number (unknown for documents without one). Its value is `{age}` and `{count}`.',
    subject: 'person',
    counts: true,
    options: (k) => k.compare(),
    evaluate(cmp, s) {
      const age = ageOf(subjectPerson(s), s.date);
      if (age === null) return null;
      s.notes.age = age;
      return compareHolds(age, cmp);
    },
  }),
  personFlag('domicileInProvince', 'The domicile read from a mainland ID card is in the filing province; any other document is not from the province.', (s, p) => domicileInProvince(s, p)),
  personFlag('mobileInProvince', 'The declared `mobileProvince` is the filing province (unknown when not declared).', (s, p) => mobileInProvince(s, p)),
  personFlag('foreigner', 'Nationality is not CN (a passport alone does not say: unknown).', (_s, p) => foreigner(p)),
  personFlag('isLegalRepresentative', 'The person is the legal representative.', (s, p) => isLegalRepresentative(s.view, p)),
  personFlag('isPrincipal', 'The person is the subject principal.', (s, p) => p === s.view.principal),
  personFlag('hasResidencePermit', 'The person has a residence permit (`residencePermit` or a `documents[]` entry).', (s, p) => hasResidencePermit(s, p)),
];
