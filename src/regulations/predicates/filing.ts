// Conditions on the filing as a whole: province, entity, previous filing, counts, documents.
import { z } from 'zod';
import { CERTIFICATE_TYPES, CONTENT_CATEGORIES, ENTITY_TYPES, FILING_KINDS, PRE_APPROVAL_TYPES } from '../../manifest/schema.js';
import { PROVINCES, provinceOfAddress } from '../../manifest/provinces.js';
import { sameName } from '../../manifest/people.js';
import { documentsProvided } from '../documents.js';
import { mobileKey, type FilingView } from '../filing-view.js';
import { and, compareHolds, contains, eqBool, isLegalRepresentative, scopeDomains, scopeWebsites, type Scope } from '../scope.js';
import { definePredicate, type Compare } from './define.js';

const SLUGS = PROVINCES.map((p) => p.slug);

/** Websites a filing-level content or pre-approval condition looks at: the rule's website, else all. */
const websitesOf = (scope: Scope) => (scope.kind === 'website' ? scopeWebsites(scope) : scope.view.filing.websites);

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

const KEYWORD_TEXTS = ['entityName', 'businessScope', 'websiteNames', 'remarks'] as const;

function keywordTexts(scope: Scope, where: string): string[] {
  const m = scope.view.filing.manifest;
  const websites = websitesOf(scope);
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

/** A count of the filing compared with bounds; the value is noted under the condition's name (and `also`). */
function counting(name: string, doc: string, count: (scope: Scope) => number, also?: string) {
  return definePredicate<Compare>({
    name,
    doc,
    subject: 'filing',
    counts: true,
    options: (k) => k.compare(),
    evaluate(cmp, scope) {
      const n = count(scope);
      scope.notes[name] = n;
      if (also) scope.notes[also] = n;
      return compareHolds(n, cmp);
    },
  });
}

export const filingPredicates = [
  definePredicate<string[]>({
    name: 'province',
    doc: 'The filing province is one of these (slugs, or a group of provinces).',
    subject: 'filing',
    options: (k) => k.oneOf(SLUGS),
    evaluate: (v, s) => v.includes(s.view.filing.province),
  }),
  definePredicate<string[]>({
    name: 'entityType',
    doc: 'The entity type (`entity.type`) is one of these.',
    subject: 'filing',
    options: (k) => k.oneOf(ENTITY_TYPES),
    evaluate: (v, s) => v.includes(s.view.filing.manifest.entity.type),
  }),
  definePredicate<string[]>({
    name: 'filingKind',
    doc: 'The kind of filing (`filing`) is one of these.',
    subject: 'filing',
    options: (k) => k.oneOf(FILING_KINDS),
    evaluate: (v, s) => v.includes(s.view.filing.manifest.filing),
  }),
  definePredicate<string[]>({
    name: 'previousEntityType',
    doc: '`previousFiling.entityType` is one of these (unknown when not given).',
    subject: 'filing',
    options: (k) => k.oneOf(ENTITY_TYPES),
    evaluate(v, s) {
      const previous = s.view.filing.manifest.previousFiling?.entityType;
      return previous === undefined ? null : v.includes(previous);
    },
  }),
  definePredicate<boolean>({
    name: 'principalIsLegalRepresentative',
    doc: 'The subject principal is the legal representative (unknown when an organisation declares none).',
    subject: 'filing',
    options: () => z.boolean(),
    evaluate: (v, s) => eqBool(isLegalRepresentative(s.view, s.view.principal), v),
  }),
  definePredicate<boolean>({
    name: 'allAdminsArePrincipal',
    doc: 'Every website administrator is the subject principal.',
    subject: 'filing',
    options: () => z.boolean(),
    evaluate: (v, s) => s.view.adminOf.every((a) => a === s.view.principal) === v,
  }),
  definePredicate<boolean>({
    name: 'allAdminsAreLegalRepresentative',
    doc: 'Every website administrator is the legal representative.',
    subject: 'filing',
    options: () => z.boolean(),
    evaluate: (v, s) => eqBool(and(s.view.adminOf.map((a) => isLegalRepresentative(s.view, a))), v),
  }),
  definePredicate<boolean>({
    name: 'mobileSharedBetweenPeople',
    doc: 'Two different people in the filing share a mobile number.',
    subject: 'filing',
    options: () => z.boolean(),
    evaluate(v, s) {
      const seen = new Set<string>();
      let shared = false;
      for (const p of s.view.subjects) {
        const key = mobileKey(p.person);
        if (key === undefined) continue;
        if (seen.has(key)) shared = true;
        seen.add(key);
      }
      return shared === v;
    },
  }),
  counting('domainCount', 'Domains in this filing (for `website` rules, that website). Its value is `{count}`.', (s) => scopeDomains(s).length, 'domains'),
  counting('prefixCount', 'Distinct prefixes in this filing (for `website` rules, that website).', (s) => new Set(scopeDomains(s).map((d) => d.prefix)).size, 'prefixes'),
  counting('domainsUnderSubject', 'Distinct registrable domains under the subject: this filing plus `previousFiling.domains`.', (s) => s.view.domainsUnderSubject.size),
  counting(
    'prefixesUnderSubject',
    'Distinct prefixes under the subject (registrable domain without its public suffix).',
    (s) => s.view.prefixesUnderSubject.size,
  ),
  counting('websiteCount', 'Number of websites in the filing.', (s) => s.view.filing.websites.length, 'websites'),
  definePredicate<string[]>({
    name: 'content',
    doc: 'Some website (for `website` rules, this one) declares one of these content categories.',
    subject: 'filing',
    options: (k) => k.oneOf(CONTENT_CATEGORIES),
    evaluate: (v, s) => websitesOf(s).some((w) => w.content.some((c) => v.includes(c))),
  }),
  definePredicate<{ in: string[]; any: string[] }>({
    name: 'keywords',
    doc: 'One of the words `any` occurs (case-insensitive) in the texts `in`; the word found is `{keyword}`.',
    subject: 'filing',
    options: (k) => z.strictObject({ in: z.array(z.enum(KEYWORD_TEXTS)).min(1), any: k.texts() }),
    evaluate(v, s) {
      for (const where of v.in)
        for (const t of keywordTexts(s, where))
          for (const word of v.any)
            if (contains(t, word)) {
              s.notes.keyword = word;
              return true;
            }
      return false;
    },
  }),
  definePredicate<string[]>({
    name: 'hasPreApproval',
    doc: 'Some pre-approval of these types is declared (for `website` rules, on this website).',
    subject: 'filing',
    options: (k) => k.oneOf(PRE_APPROVAL_TYPES),
    evaluate: (v, s) => websitesOf(s).some((w) => w.preApprovals.some((p) => v.includes(p.type))),
  }),
  definePredicate<string[]>({
    name: 'certificateType',
    doc: "The entity certificate's declared type is one of these (unknown when no certificate is declared).",
    subject: 'filing',
    options: (k) => k.oneOf(CERTIFICATE_TYPES),
    evaluate(v, s) {
      const type = s.view.filing.manifest.entity.certificate?.type;
      if (type === undefined) return null;
      s.notes.certificateType = type;
      return v.includes(type);
    },
  }),
  definePredicate<boolean>({
    name: 'previousFilerIsLegalRepresentative',
    doc: 'For a change from an individual filing: the previous filer (`previousFiling.entityName`) is the legal representative; without that name, the subject principal stands for the previous filer.',
    subject: 'filing',
    options: () => z.boolean(),
    evaluate(v, s) {
      const m = s.view.filing.manifest;
      const previous = m.previousFiling?.entityName;
      const representative = m.entity.legalRepresentative?.name;
      if (previous === undefined) return eqBool(isLegalRepresentative(s.view, s.view.principal), v);
      if (representative === undefined) return null;
      return sameName(previous, representative) === v;
    },
  }),
  definePredicate<string[]>({
    name: 'addressContains',
    doc: '`entity.address` contains one of these texts (false without an address: the address rules ask for one).',
    subject: 'filing',
    options: (k) => k.texts(),
    evaluate(v, s) {
      const address = s.view.filing.manifest.entity.address;
      return address !== undefined && v.some((t) => contains(address, t));
    },
  }),
  definePredicate<boolean>({
    name: 'addressInProvince',
    doc: 'The province `entity.address` starts with is the filing province (unknown without an address).',
    subject: 'filing',
    options: () => z.boolean(),
    evaluate(v, s) {
      const address = s.view.filing.manifest.entity.address;
      const slug = address ? provinceOfAddress(address) : undefined;
      return slug === undefined ? null : (slug === s.view.filing.province) === v;
    },
  }),
  definePredicate<boolean>({
    name: 'entityNameChanged',
    doc: '`previousFiling.entityName` is given and differs from `entity.name` (unknown when not given; false for a change from an individual filing to an organisation, whose previous name is a person’s).',
    subject: 'filing',
    options: () => z.boolean(),
    evaluate(v, s) {
      const m = s.view.filing.manifest;
      if (wasIndividual(m)) return v === false;
      const previous = m.previousFiling?.entityName;
      if (previous === undefined) return null;
      return (previous.trim() !== m.entity.name.trim()) === v;
    },
  }),
  definePredicate<boolean>({
    name: 'certificateNumberChanged',
    doc: '`previousFiling.certificateNumber` is given and differs from the certificate number (unknown when not given; false for a change from an individual filing to an organisation).',
    subject: 'filing',
    options: () => z.boolean(),
    evaluate(v, s) {
      const m = s.view.filing.manifest;
      if (wasIndividual(m)) return v === false;
      const previous = m.previousFiling?.certificateNumber;
      const current = m.entity.certificate?.number;
      if (previous === undefined || current === undefined) return null;
      return (compact(previous) !== compact(current)) === v;
    },
  }),
  definePredicate<boolean>({
    name: 'threeInOneConversion',
    doc: 'The previous number is an organisation code that the current unified social credit code carries (characters 9 to 17): the Three-in-One conversion.',
    subject: 'filing',
    options: () => z.boolean(),
    evaluate(v, s) {
      const m = s.view.filing.manifest;
      const previous = m.previousFiling?.certificateNumber;
      const current = m.entity.certificate?.number;
      if (previous === undefined || current === undefined) return null;
      return threeInOne(previous, current) === v;
    },
  }),
  definePredicate<string[]>({
    name: 'hasDocument',
    doc: 'The manifest provides a document of one of these kinds (`documents[]`, an accepted reuse, or an image field).',
    subject: 'filing',
    options: (k) => k.texts(),
    evaluate(v, s) {
      const kinds = new Set(v);
      return documentsProvided(s.view.filing, s.date).some((d) => kinds.has(d.kind));
    },
  }),
];
