// The shape of the rule data in the top-level `regulations/` folder (STYLE.md "Rules as data").
// A rule applies when its `when` condition holds for a subject (the filing, each website, each
// person or each domain, per `for`); if it has `require`, that condition is then checked and
// the rule passes or fires; without `require` it fires whenever it applies. Firing gives a
// finding with `status` and demands `documents`. Conditions are three-valued: a fact the
// manifest does not give (an undeclared mobile province) makes a condition unknown, and an
// unknown `require` gives an `unknown` finding that says what to confirm by hand.
// Person predicates speak of the subject person: the person of a `person` rule, the website's
// administrator in a `website` rule, the principal otherwise. Website predicates in a `filing`
// rule hold when they hold for every website (a person rule: that administrator's website).
import { z } from 'zod';

export const text = z.strictObject({ en: z.string().min(1), zh: z.string().min(1) });

/** A day, YYYY-MM-DD. */
export const asOfDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

/** A numeric comparison: all given bounds must hold. */
export const compare = z
  .strictObject({
    gte: z.number().optional(),
    gt: z.number().optional(),
    lte: z.number().optional(),
    lt: z.number().optional(),
    eq: z.number().optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), 'expected at least one of gte, gt, lte, lt, eq');

const list = z.array(z.string().min(1)).min(1);

/** Keyword search over texts of the filing. */
export const keywords = z.strictObject({
  /** Which texts: `entityName`, `businessScope`, `websiteNames`, `remarks` (for `website` rules: that website's name and remarks). */
  in: z.array(z.enum(['entityName', 'businessScope', 'websiteNames', 'remarks'])).min(1),
  /** Words; a match is a case-insensitive substring. */
  any: list,
});

type Condition = {
  all?: Condition[];
  any?: Condition[];
  not?: Condition;
  // filing
  province?: string[];
  entityType?: string[];
  filingKind?: string[];
  previousEntityType?: string[];
  principalIsLegalRepresentative?: boolean;
  /** Every website administrator is the principal. */
  allAdminsArePrincipal?: boolean;
  /** Every website administrator is the legal representative. */
  allAdminsAreLegalRepresentative?: boolean;
  /** Two different people in the filing share a mobile number. */
  mobileSharedBetweenPeople?: boolean;
  /** Domains in this filing (all websites; for `website` rules, that website). */
  domainCount?: z.infer<typeof compare>;
  /** Distinct registrable domains under the subject: this filing plus `previousFiling.domains`. */
  domainsUnderSubject?: z.infer<typeof compare>;
  /** Distinct prefixes under the subject (registrable domain without its public suffix). */
  prefixesUnderSubject?: z.infer<typeof compare>;
  /** Distinct prefixes in this filing (for `website` rules, that website). */
  prefixCount?: z.infer<typeof compare>;
  /** Some website (for `website` rules, this one) declares one of these content categories. */
  content?: string[];
  keywords?: z.infer<typeof keywords>;
  /** Some pre-approval of these types is declared (for `website` rules, on this website). */
  hasPreApproval?: string[];
  /** The entity certificate's declared type is one of these (unknown when no certificate is declared). */
  certificateType?: string[];
  /**
   * For a change from an individual filing: the previous filer (`previousFiling.entityName`) is the
   * legal representative; without that name, the subject principal stands for the previous filer.
   */
  previousFilerIsLegalRepresentative?: boolean;
  /** `entity.address` contains one of these texts (false without an address: the address rules ask for one). */
  addressContains?: string[];
  /** Number of websites in the filing. */
  websiteCount?: z.infer<typeof compare>;
  /** The province `entity.address` starts with is the filing province (unknown without an address). */
  addressInProvince?: boolean;
  /** `previousFiling.entityName` is given and differs from `entity.name` (unknown when not given). */
  entityNameChanged?: boolean;
  /** `previousFiling.certificateNumber` is given and differs from the certificate number (unknown when not given). */
  certificateNumberChanged?: boolean;
  /** The previous number is an organisation code that the current credit code carries (the Three-in-One conversion). */
  threeInOneConversion?: boolean;
  /** The manifest provides a document of one of these kinds (`documents[]`, accepted reuses, image fields). */
  hasDocument?: string[];
  // website
  adminIsPrincipal?: boolean;
  adminIsLegalRepresentative?: boolean;
  /** The website's remarks contain one of these texts (case-insensitive). */
  remarksContain?: string[];
  /** The website's name matches this regular expression. */
  nameMatches?: string;
  // person
  role?: string[];
  idType?: string[];
  /** Age in whole years on the check date, from the ID number. */
  age?: z.infer<typeof compare>;
  /** The domicile read from the ID number is in the filing province. */
  domicileInProvince?: boolean;
  /** The declared `mobileProvince` is the filing province. */
  mobileInProvince?: boolean;
  /** Nationality is not CN (a passport alone does not say: unknown). */
  foreigner?: boolean;
  isLegalRepresentative?: boolean;
  isPrincipal?: boolean;
  hasResidencePermit?: boolean;
};

export const condition: z.ZodType<Condition> = z.lazy(() =>
  z.strictObject({
    all: z.array(condition).optional(),
    any: z.array(condition).optional(),
    not: condition.optional(),
    province: list.optional(),
    entityType: list.optional(),
    filingKind: list.optional(),
    previousEntityType: list.optional(),
    principalIsLegalRepresentative: z.boolean().optional(),
    allAdminsArePrincipal: z.boolean().optional(),
    allAdminsAreLegalRepresentative: z.boolean().optional(),
    mobileSharedBetweenPeople: z.boolean().optional(),
    domainCount: compare.optional(),
    domainsUnderSubject: compare.optional(),
    prefixesUnderSubject: compare.optional(),
    prefixCount: compare.optional(),
    content: list.optional(),
    keywords: keywords.optional(),
    hasPreApproval: list.optional(),
    certificateType: list.optional(),
    addressContains: list.optional(),
    previousFilerIsLegalRepresentative: z.boolean().optional(),
    websiteCount: compare.optional(),
    addressInProvince: z.boolean().optional(),
    entityNameChanged: z.boolean().optional(),
    certificateNumberChanged: z.boolean().optional(),
    threeInOneConversion: z.boolean().optional(),
    hasDocument: list.optional(),
    adminIsPrincipal: z.boolean().optional(),
    adminIsLegalRepresentative: z.boolean().optional(),
    remarksContain: list.optional(),
    nameMatches: z.string().optional(),
    role: list.optional(),
    idType: list.optional(),
    age: compare.optional(),
    domicileInProvince: z.boolean().optional(),
    mobileInProvince: z.boolean().optional(),
    foreigner: z.boolean().optional(),
    isLegalRepresentative: z.boolean().optional(),
    isPrincipal: z.boolean().optional(),
    hasResidencePermit: z.boolean().optional(),
  }),
);
export type { Condition };

/**
 * A document a rule demands. `for` says whose: `entity`, `principal`, `legalRepresentative`,
 * `admin` (each website's administrator; in `website` rules, that website's), `person` (the
 * subject of a `person` rule), `website` (each website, or the subject of a `website` rule),
 * `each-domain` (every domain in the filing, or in the subject website).
 */
export const documentDemand = z.strictObject({
  kind: z.string().regex(/^[a-z][a-z-]*(:[a-z-]+)?$/),
  for: z.enum(['entity', 'principal', 'legalRepresentative', 'admin', 'person', 'website', 'each-domain']),
});

export const dataRule = z.strictObject({
  /** `province/<slug>/<name>` in province files; `<area>/<name>` elsewhere. */
  id: z.string().regex(/^[a-z][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)+$/, 'expected an id such as province/guangdong/website-construction-plan'),
  /** Citation, e.g. `before §5.5.1`. */
  source: z.string().min(1),
  /** The source passage, quoted verbatim from the seed. */
  quote: z.string().min(1),
  /** What the subject of the rule is. */
  for: z.enum(['filing', 'website', 'person', 'domain']).default('filing'),
  when: condition.optional(),
  require: condition.optional(),
  /** Status when the rule fires. */
  status: z.enum(['fail', 'warn', 'info']),
  documents: z.array(documentDemand).default([]),
  /**
   * When the documents are demanded: `fire` (default) only when the rule fires; `apply` whenever
   * `when` holds, so a pre-approval declared in the manifest still has its image checked.
   */
  documentsOn: z.enum(['fire', 'apply']).optional(),
  title: text,
  /** Shown when the rule fires. `{count}`, `{name}`, `{website}`, `{person}`, `{domain}` are filled in. */
  message: text,
  fix: text.optional(),
  /** Shown when `require` cannot be decided from the manifest: what to confirm by hand. */
  unknown: text.optional(),
  explain: text,
});
export type DataRule = z.output<typeof dataRule>;

/**
 * Province-wide settings read by rules written as code (domain holder, expiry and privacy checks).
 */
export const provinceSettings = z.strictObject({
  /** Whose names a domain holder may carry (`before` §5): entity, legalRepresentative, principal, admin. */
  domainHolderMayBe: z.array(z.enum(['entity', 'legalRepresentative', 'principal', 'admin'])).default(['entity']),
  /** Warn when a domain expires within this many days (EXTRA-RULES.md; 90 by default). */
  domainExpiryWarnDays: z.number().int().positive().default(90),
  /** Where the threshold comes from, when it is not the default. */
  domainExpirySource: z.string().optional(),
  /** Domains registered with a registrar outside China fail. */
  refusesForeignRegistrars: z.boolean().default(false),
  /** Privacy protection on the domain fails (it must be disabled during filing). */
  refusesPrivacyProtection: z.boolean().default(false),
  /** Warn when an identity document expires within this many months (Hubei: 3, EXTRA-RULES.md). */
  identityExpiryWarnMonths: z.number().int().positive().default(3),
  /** Provinces that verify the mobile numbers by text message after submission (`guide` step 8). */
  mobileVerification: z.boolean().default(false),
});
export type ProvinceSettings = z.output<typeof provinceSettings>;

export const provinceFile = z.strictObject({
  province: z.string(),
  /** The seed section of the province, e.g. `before §5.5.1`. */
  section: z.string(),
  settings: provinceSettings.default(provinceSettings.parse({})),
  rules: z.array(dataRule),
});
export type ProvinceFile = z.output<typeof provinceFile>;

/** Files of rules that are not tied to one province (materials, pre-approvals, process reminders). */
export const ruleFile = z.strictObject({
  /** What the file covers. */
  about: z.string(),
  rules: z.array(dataRule),
});
