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
//
// Two shapes: a rule as written (`authoredRule`: it may name a `template`, use named groups and
// `figures`, and leave out what a template or the file gives) and a rule as loaded (`dataRule`:
// everything filled in). The conditions come from the one list in predicates/index.ts. The JSON
// Schema of the rule files (schema/regulations/*.schema.json) is generated from these same schemas.
import { z } from 'zod';
import { kit, PREDICATES, type Compare } from './predicates/index.js';

import { asOfDate, text } from './dated.js';

export { asOfDate, text };

/** A condition: the keys of PREDICATES, combined with `all`, `any` and `not`. */
export type Condition = { all?: Condition[]; any?: Condition[]; not?: Condition; [predicate: string]: unknown };

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

const RULE_ID = z.string().regex(/^[a-z][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)+$/, 'expected an id such as province/guangdong/website-construction-plan');
const NAME = z.string().regex(/^[a-z][a-zA-Z0-9-]*$/, 'expected a name such as minimum-age or minAge');

/** Named figures of a rule: a compare bound may name one (`gte: minAge`) and texts quote it (`{minAge}`). */
const figures = z.record(NAME, z.union([z.number(), z.string().min(1)])).describe('Named figures: a bound in a condition may name one (gte: minAge), texts quote it as {minAge}.');

/**
 * The schemas for a set of named groups (groups.yaml). Lists of known values accept the name of a
 * group whose members are all such values, and the name is replaced by the members.
 * `figureNames: true` lets compare bounds name a figure (the authored shape).
 */
export function regulationSchemas(groups: Record<string, readonly string[]> = {}, figureNames = false) {
  const k = kit(groups);
  const base: typeof k = { ...k, compare: figureNames ? () => authoredCompare as unknown as z.ZodType<Compare> : k.compare };
  const condition: z.ZodType<Condition> = z.lazy(() =>
    z.strictObject({
      all: z.array(condition).optional().describe('Every condition holds.'),
      any: z.array(condition).optional().describe('At least one condition holds.'),
      not: condition.optional().describe('The condition does not hold.'),
      ...Object.fromEntries(PREDICATES.map((p) => [p.name, p.options(base).optional().describe(`${p.doc} (speaks of: ${p.subject})`)])),
    }),
  ) as z.ZodType<Condition>;

  const fields = {
    /** Citation, e.g. `before §5.5.1`. */
    source: z.string().min(1).describe('Citation, e.g. before §5.5.1. In a province file it defaults to the file’s section.'),
    quote: z.string().min(1).describe('The source passage, quoted verbatim from the seed.'),
    for: z.enum(['filing', 'website', 'person', 'domain']).describe('What the subject of the rule is (default: filing).'),
    when: condition.describe('When the rule applies.'),
    require: condition.describe('What it then requires; without it the rule fires whenever it applies.'),
    status: z.enum(['fail', 'warn', 'info']).describe('Status when the rule fires.'),
    documents: z.array(documentDemand).describe('Documents demanded when the rule fires (or applies, with documentsOn: apply).'),
    documentsOn: z.enum(['fire', 'apply']).describe('When the documents are demanded: fire (default) or apply (whenever `when` holds).'),
    title: text,
    message: text.describe('Shown when the rule fires. {count}, {name}, {website}, {person}, {domain}, {province} and the rule’s figures are filled in.'),
    fix: text,
    unknown: text.describe('Shown when `require` cannot be decided from the manifest: what to confirm by hand.'),
    explain: text.describe('What the rule checks and why; quote figures as {name}, never restate them.'),
  };

  /** A rule as loaded: every public field filled. */
  const dataRule = z.strictObject({
    id: RULE_ID,
    source: fields.source,
    quote: fields.quote,
    for: fields.for.default('filing'),
    when: fields.when.optional(),
    require: fields.require.optional(),
    status: fields.status,
    documents: fields.documents.default([]),
    documentsOn: fields.documentsOn.optional(),
    title: fields.title,
    message: fields.message,
    fix: fields.fix.optional(),
    unknown: fields.unknown.optional(),
    explain: fields.explain,
  });

  const optionalFields = Object.fromEntries(Object.entries(fields).map(([key, s]) => [key, s.optional()])) as {
    [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]>;
  };

  /** A rule as written: a template or the file may give what it leaves out. */
  const authoredRule = z.strictObject({
    id: RULE_ID,
    template: NAME.optional().describe('A template of templates.yaml whose fields this rule takes unless it gives its own.'),
    figures: figures.optional(),
    ...optionalFields,
  });

  /** A template: the fields rules of one kind share. Texts may use {province} and figures. */
  const template = z.strictObject({ figures: figures.optional(), ...optionalFields });

  return { condition, dataRule, authoredRule, template };
}

const authoredCompare = z
  .strictObject({
    gte: z.union([z.number(), NAME]).optional(),
    gt: z.union([z.number(), NAME]).optional(),
    lte: z.union([z.number(), NAME]).optional(),
    lt: z.union([z.number(), NAME]).optional(),
    eq: z.union([z.number(), NAME]).optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), 'expected at least one of gte, gt, lte, lt, eq');

const loaded = regulationSchemas();
/** A condition without named groups (tests, the `rules` command). */
export const condition = loaded.condition;
export const dataRule = loaded.dataRule;
export type DataRule = z.output<typeof dataRule>;

/**
 * Province-wide settings read by rules written as code (domain holder, expiry and privacy checks).
 * A file states only the settings that differ from these defaults.
 */
export const provinceSettings = z.strictObject({
  /** Whose names a domain holder may carry (`before` §5): entity, legalRepresentative, principal, admin. */
  domainHolderMayBe: z
    .array(z.enum(['entity', 'legalRepresentative', 'principal', 'admin']))
    .default(['entity'])
    .describe('Whose names a domain holder may carry (before §5): entity, legalRepresentative, principal, admin. Default: [entity].'),
  /** Warn when a domain expires within this many days (90 by default). */
  domainExpiryWarnDays: z.number().int().positive().default(90).describe('Warn when a domain expires within this many days. Default: 90.'),
  /** Where the threshold comes from, when it is not the default. */
  domainExpirySource: z.string().optional().describe('Where the expiry threshold comes from, when it is not the default.'),
  /** Domains registered with a registrar outside China fail. */
  refusesForeignRegistrars: z.boolean().default(false).describe('Domains registered with a registrar outside China fail. Default: false.'),
  /** Privacy protection on the domain fails (it must be disabled during filing). */
  refusesPrivacyProtection: z.boolean().default(false).describe('Privacy protection on the domain fails. Default: false.'),
  /** Warn when an identity document expires within this many months. */
  identityExpiryWarnMonths: z.number().int().positive().default(3).describe('Warn when an identity document expires within this many months. Default: 3.'),
});
export type ProvinceSettings = z.output<typeof provinceSettings>;

/** The file-level fields every rule file has. */
const dated = {
  asOf: asOfDate.describe('The date the rules of this file were last checked against their source.'),
};

/** The schemas of the rule files as written, for a set of named groups. */
export function fileSchemas(groups: Record<string, readonly string[]> = {}) {
  const { authoredRule, template } = regulationSchemas(groups, true);
  const provinceFile = z.strictObject({
    province: z.string().describe('The province slug; the file is named after it.'),
    section: z.string().describe('The seed section of the province, e.g. before §5.5.1: the default source of its rules.'),
    ...dated,
    settings: provinceSettings.default(provinceSettings.parse({})),
    rules: z.array(authoredRule),
  });
  /** Files of rules that are not tied to one province (materials, pre-approvals, process reminders). */
  const ruleFile = z.strictObject({
    about: z.string().describe('What the file covers.'),
    ...dated,
    source: z.string().min(1).describe('The sources the rules of this file cite.'),
    rules: z.array(authoredRule),
  });
  const templatesFile = z.strictObject({
    ...dated,
    source: z.string().min(1),
    /** Sentences every province rule's texts end with; {province} and {provinceZh} are filled in. */
    provinceDefaults: z.strictObject({ explainEnd: text }).describe('Appended to the explain text of every province rule.'),
    templates: z.record(NAME, template),
  });
  return { provinceFile, ruleFile, templatesFile };
}

export type AuthoredRule = z.output<ReturnType<typeof regulationSchemas>['authoredRule']>;
export type ProvinceFile = z.output<ReturnType<typeof fileSchemas>['provinceFile']>;
