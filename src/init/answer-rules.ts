// Which of the checker's rules judge which answer. An answer is checked by running every rule on
// the manifest drafted so far (see draft.ts) and keeping the findings of the rules listed here for
// its kind: the same rules, and through the report layer the same words, as `icp-check` itself.
import type { Condition } from '../regulations/schema.js';
import type { LoadedRule } from '../regulations/loader.js';

/** The kinds of answer: a manifest path with indexes removed and the three people folded into `person`. */
export type AnswerKind =
  | 'entity.name'
  | 'entity.certificate.number'
  | 'entity.certificate.expires'
  | 'entity.certificate.image'
  | 'entity.address'
  | 'person.name'
  | 'person.id.type'
  | 'person.id.number'
  | 'person.id.expires'
  | 'person.id.front'
  | 'person.id.back'
  | 'person.mobile'
  | 'person.mobileProvince'
  | 'person.email'
  | 'website.name'
  | 'website.domains'
  | 'website.remarks'
  | 'website.content'
  | 'website.preApprovals.number'
  | 'website.preApprovals.image'
  | 'instance.id'
  | 'instance.product'
  | 'instance.region'
  | 'instance.billing'
  | 'instance.expires'
  | 'instance.publicBandwidthMbps'
  | 'instance.orderAmountCny'
  | 'instance.initialSubscriptionMonths'
  | 'instance.serviceNumbersUsed'
  | 'document.file'
  | 'document.issued'
  | 'previousFiling.number'
  | 'previousFiling.entityName'
  | 'previousFiling.certificateNumber';

const IMAGE_RULES = [
  'image/readable',
  'image/format',
  'image/extension-matches-content',
  'image/file-size',
  'image/intact',
  'image/small-dimensions',
  'image/outside-manifest-folder',
] as const;

/** Code rules by the answer they judge. */
export const ANSWER_CODE_RULES: Partial<Record<AnswerKind, readonly string[]>> = {
  'entity.certificate.number': ['entity/certificate-number', 'entity/certificate-province'],
  'entity.certificate.expires': ['entity/certificate-expiry'],
  'entity.certificate.image': [...IMAGE_RULES, 'image/entity-certificate'],
  'person.name': ['entity/individual-name'],
  'person.id.number': ['person/id-number'],
  'person.id.expires': ['person/id-expiry'],
  'person.id.front': IMAGE_RULES,
  'person.id.back': [...IMAGE_RULES, 'image/front-back-ratio'],
  'person.mobile': ['person/mobile', 'person/mobile-shared'],
  'website.name': ['website/name-not-domain', 'website/name-chinese', 'website/name-national-prefix'],
  'website.domains': ['domain/syntax', 'domain/subdomain', 'domain/duplicate', 'domain/suffix-approved', 'domain/public-institution-suffix'],
  'website.preApprovals.image': IMAGE_RULES,
  'document.file': IMAGE_RULES,
  'document.issued': ['document/issued-in-future'],
  'instance.id': ['instance/duplicate-instance'],
  'instance.product': ['instance/supported-product'],
  'instance.region': ['instance/mainland-region'],
  'instance.billing': ['instance/subscription-billing'],
  'instance.expires': ['instance/remaining-term'],
  'instance.publicBandwidthMbps': ['instance/public-bandwidth'],
  'instance.orderAmountCny': ['instance/order-amount'],
  'instance.initialSubscriptionMonths': ['instance/initial-subscription'],
  'instance.serviceNumbersUsed': ['instance/service-number-quota'],
};

/**
 * Code rules that weigh several answers together or facts no answer gives (lookups, the
 * documents of the whole filing): they are shown in the checklist after the last question.
 */
export const WHOLE_FILING_CODE_RULES: Readonly<Record<string, string>> = {
  'entity/certificate': 'the certificate is asked for every organisation; the rule reports its absence',
  'entity/legal-representative': 'the legal representative is asked for every organisation',
  'person/identity-document': 'the identity document is asked for every person',
  'whois/registered': 'a lookup, not an answer',
  'whois/expiry': 'a lookup, not an answer',
  'whois/hold': 'a lookup, not an answer',
  'whois/registrar-approved': 'a lookup, not an answer',
  'whois/alibaba-international': 'a lookup, not an answer',
  'whois/foreign-registrar': 'a lookup, not an answer',
  'whois/holder': 'a lookup compared with the entity and people',
  'whois/privacy': 'a lookup, not an answer',
  'whois/declared-mismatch': 'declared domain facts against a lookup',
  'domain/real-name-verified': 'a lookup, or the declared domains section',
  'domain/real-name-sync': 'a lookup, or the declared domains section',
  'instance/describe-instances-file': 'a DescribeInstances file, which init does not write',
  'instance/running-with-public-ip': 'read from a DescribeInstances file, which init does not write',
  'instance/unknown-instance': 'init offers only the instances already given',
  'instance/website-without-instance': 'init asks which instances host each website',
  'instance/unused-instance': 'the websites and instances together',
  'document/reuse-after-cancellation': 'documents are not asked by init',
  'document/reuse-authenticity-verification': 'documents are not asked by init',
  'document/reuse-kind': 'documents are not asked by init',
  'document/reuse-individual-identity': 'documents are not asked by init',
  'document/reuse-window': 'documents are not asked by init',
  'image/ocr-read': 'reads the images with --ocr, which the questionnaire does not run',
  'image/ocr-id-side': 'compares an image read with --ocr with the answers',
  'image/ocr-id-number': 'compares an image read with --ocr with the answers',
  'image/ocr-name': 'compares an image read with --ocr with the answers',
  'image/ocr-id-validity': 'compares an image read with --ocr with the answers',
  'image/ocr-credit-code': 'compares an image read with --ocr with the answers',
  'image/ocr-entity-name': 'compares an image read with --ocr with the answers',
};

/**
 * Condition keys of the province and general rules that judge one answer when they are what a
 * rule requires; the rule is then checked on that answer as it is typed.
 */
export const ANSWER_CONDITION_KEYS: Readonly<Record<string, AnswerKind>> = {
  mobileSharedBetweenPeople: 'person.mobile',
  mobileInProvince: 'person.mobileProvince',
  remarksContain: 'website.remarks',
  addressContains: 'entity.address',
  addressInProvince: 'entity.address',
  nameMatches: 'website.name',
  age: 'person.id.number',
  content: 'website.content',
  domainCount: 'website.domains',
  prefixCount: 'website.domains',
};

/**
 * Condition keys that describe the filing's context or compare answers with one another: a rule
 * requiring them is judged in the checklist after the last question.
 */
export const CONTEXT_CONDITION_KEYS: Readonly<Record<string, string>> = {
  all: 'combines other conditions',
  any: 'combines other conditions',
  not: 'combines other conditions',
  province: 'context',
  entityType: 'context',
  filingKind: 'context',
  previousEntityType: 'context',
  hasPreApproval: 'asked right after the content that needs it',
  certificateType: 'the certificate type follows from the kind of entity',
  principalIsLegalRepresentative: 'compares two people',
  allAdminsArePrincipal: 'compares people',
  allAdminsAreLegalRepresentative: 'compares people',
  adminIsPrincipal: 'compares people',
  adminIsLegalRepresentative: 'compares people',
  previousFilerIsLegalRepresentative: 'compares the previous filing with a person',
  entityNameChanged: 'compares the previous filing with the entity',
  certificateNumberChanged: 'compares the previous filing with the entity',
  domainsUnderSubject: 'all websites together',
  prefixesUnderSubject: 'all websites together',
  websiteCount: 'all websites together',
  keywords: 'names, remarks and business scope together',
  domicileInProvince: 'an ID number from another province is settled by a residence permit, a document',
  foreigner: 'settled by documents',
  hasResidencePermit: 'a document',
  role: 'context',
  idType: 'context',
  isLegalRepresentative: 'compares people',
  isPrincipal: 'context',
  threeInOneConversion: 'compares the previous filing with the entity',
  hasDocument: 'settled by documents',
};

/** Every key a condition uses, through `all`, `any` and `not`. */
export function conditionKeys(c: Condition | undefined, out: Set<string> = new Set()): Set<string> {
  if (!c) return out;
  for (const [key, value] of Object.entries(c)) {
    if (value === undefined) continue;
    if (key === 'all' || key === 'any') for (const sub of value as Condition[]) conditionKeys(sub, out);
    else if (key === 'not') conditionKeys(value as Condition, out);
    else out.add(key);
  }
  return out;
}

/** The answer a data rule judges: the one answer kind its `require` is about, if there is one. */
export function answerKindOfDataRule(rule: Pick<LoadedRule, 'require'>): AnswerKind | undefined {
  const kinds = new Set<AnswerKind>();
  for (const key of conditionKeys(rule.require)) {
    const kind = ANSWER_CONDITION_KEYS[key];
    if (kind) kinds.add(kind);
    else if (!(key in CONTEXT_CONDITION_KEYS)) return undefined;
    else if (!['all', 'any', 'not', 'province', 'entityType', 'filingKind', 'role', 'idType', 'isPrincipal'].includes(key)) return undefined;
  }
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

/** `websites[1].admin.mobile` -> `person.mobile`; `instances[0].region` -> `instance.region`. */
export function answerKindOf(path: string): AnswerKind | undefined {
  const p = path
    .replace(/^(entity\.principal|entity\.legalRepresentative|websites\[\d+\]\.admin)\./, 'person.')
    .replace(/^websites\[\d+\]\.preApprovals\[\d+\]\./, 'website.preApprovals.')
    .replace(/^websites\[\d+\]\./, 'website.')
    .replace(/^instances\[\d+\]\./, 'instance.')
    .replace(/^documents\[\d+\]\./, 'document.');
  return p as AnswerKind;
}
