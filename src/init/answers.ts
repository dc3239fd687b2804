// The questionnaire's answers: one model filled either by the prompts or by an answers file
// (`--answers answers.json`), which is a subset of the manifest checked with the same validators.
import { z } from 'zod';
import type { Text } from '../model.js';
import type { ProvinceSlug } from '../manifest/provinces.js';
import {
  CERTIFICATE_TYPES,
  CONTENT_CATEGORIES,
  ENTITY_TYPES,
  FILING_KINDS,
  ID_TYPES,
  PRE_APPROVAL_TYPES,
  PRODUCTS,
  type EntityType,
  type FilingKind,
  type IdType,
  type Product,
} from '../manifest/schema.js';
import {
  checkCreditCode,
  checkDomainList,
  checkEmail,
  checkExpiry,
  checkDate,
  checkIdentityNumber,
  checkInstanceId,
  checkMobile,
  checkPersonName,
  checkProvince,
  checkRegion,
  checkRequired,
  MAX_ANSWER_CHARS,
  type Checked,
} from './validators.js';
import { BANDWIDTH_PRODUCTS, CERTIFICATE_FOR, ORDER_PRODUCTS, USCC_CERTIFICATES } from './choices.js';

export type { EntityType, FilingKind, IdType, Product };
export type CertificateType = (typeof CERTIFICATE_TYPES)[number];
export type ContentCategory = (typeof CONTENT_CATEGORIES)[number];

export interface PersonAnswers {
  name: string;
  id: { type: IdType; number: string; expires?: string; front?: string; back?: string };
  mobile: string;
  /** Province where the mobile number is registered (a slug). */
  mobileProvince?: string;
  email: string;
}

export interface PreApprovalAnswers {
  type: (typeof PRE_APPROVAL_TYPES)[number];
  number: string;
  image?: string;
}

export interface DomainAnswers {
  holder?: string;
  registrar?: string;
  realNameVerified?: boolean;
  realNameVerifiedOn?: string;
  privacyProtection?: boolean;
  expires?: string;
}

export interface DocumentAnswers {
  kind: string;
  for?: string;
  file: string;
  issued?: string;
}

export interface PreviousFilingAnswers {
  number?: string;
  entityType?: EntityType;
  entityName?: string;
  certificateNumber?: string;
}

export interface WebsiteAnswers {
  name: string;
  domains: string[];
  content: ContentCategory[];
  /** Asked where the province demands a form of words (several domains, a personal site). */
  remarks?: string;
  preApprovals?: PreApprovalAnswers[];
  /** `principal`, or another person. */
  admin: 'principal' | PersonAnswers;
  /** Ids from `instances`. */
  instances: string[];
}

export interface InstanceAnswers {
  id: string;
  product: Product;
  region: string;
  billing?: 'subscription' | 'pay-as-you-go';
  expires?: string;
  publicBandwidthMbps?: number;
  serviceNumbersUsed?: number;
  orderAmountCny?: number;
  initialSubscriptionMonths?: number;
}

export interface InitAnswers {
  province: ProvinceSlug;
  filing: FilingKind;
  previousFiling?: PreviousFilingAnswers;
  entity: {
    type: EntityType;
    name: string;
    /** Non-individual entities; an individual files with the principal's identity document. */
    certificate?: { type: CertificateType; number: string; expires?: string; image?: string };
    address?: string;
    legalRepresentative?: { name: string };
    principal: PersonAnswers;
  };
  websites: WebsiteAnswers[];
  instances: InstanceAnswers[];
  /** Facts about each domain that a lookup may not show, by domain. */
  domains?: Record<string, DomainAnswers>;
  documents?: DocumentAnswers[];
}

/** A problem in an answers file, at a path such as `entity.principal.id.number`. */
export interface AnswerIssue {
  path: string;
  reason: Text;
}

/** Runs a field check inside zod, keeping the reason in both languages on the issue. */
function checked<T>(check: (v: string) => Checked<T>) {
  return z.union([z.string(), z.number()]).transform((v, ctx): T => {
    const r = check(String(v));
    if (r.ok) return r.value;
    ctx.addIssue({ code: 'custom', message: r.reason.en, params: { reason: r.reason } });
    return z.NEVER;
  });
}

/**
 * A field the checker's rules judge (a mobile number): normalised when it can be, otherwise kept as
 * written so that the rules refuse it in their own words, as they do for a typed answer.
 */
function forTheRules(check: (v: string) => Checked<string>) {
  return z.union([z.string(), z.number()]).transform((v, ctx): string => {
    const r = check(String(v));
    if (r.ok) return r.value;
    const raw = String(v).trim();
    if (raw.length > MAX_ANSWER_CHARS) {
      const reason = { en: `at most ${MAX_ANSWER_CHARS} characters`, zh: `最多 ${MAX_ANSWER_CHARS} 个字符` };
      ctx.addIssue({ code: 'custom', message: reason.en, params: { reason } });
      return z.NEVER;
    }
    return raw;
  });
}

/** Document types whose numbers follow GB 11643, which the rule person/id-number judges. */
const GB11643_TYPES = new Set<string>(['id-card', 'temporary-id-card', 'hk-macao-residence-permit', 'taiwan-residence-permit']);

const optionalPath = z.string().trim().min(1).optional();

const personSchema = z.strictObject({
  name: checked(checkPersonName),
  id: z.strictObject({
    type: z.enum(ID_TYPES),
    number: z.union([z.string(), z.number()]).transform(String),
    expires: checked(checkExpiry).optional(),
    front: optionalPath,
    back: optionalPath,
  }),
  mobile: forTheRules(checkMobile),
  mobileProvince: checked(checkProvince).optional(),
  email: checked(checkEmail),
});

export const answersSchema = z.strictObject({
  province: checked(checkProvince),
  filing: z.enum(FILING_KINDS).default('new'),
  previousFiling: z
    .strictObject({
      number: checked(checkRequired).optional(),
      entityType: z.enum(ENTITY_TYPES).optional(),
      entityName: checked(checkRequired).optional(),
      certificateNumber: checked(checkRequired).optional(),
    })
    .optional(),
  entity: z.strictObject({
    type: z.enum(ENTITY_TYPES),
    name: checked(checkRequired).optional(),
    address: checked(checkRequired).optional(),
    certificate: z
      .strictObject({
        type: z.enum(CERTIFICATE_TYPES).optional(),
        number: z.union([z.string(), z.number()]).transform(String),
        expires: checked(checkExpiry).optional(),
        image: optionalPath,
      })
      .optional(),
    legalRepresentative: z.strictObject({ name: checked(checkPersonName) }).optional(),
    principal: personSchema,
  }),
  websites: z
    .array(
      z.strictObject({
        name: checked(checkRequired),
        domains: z.array(z.string()).min(1),
        content: z.array(z.enum(CONTENT_CATEGORIES)).default([]),
        remarks: checked(checkRequired).optional(),
        preApprovals: z.array(z.strictObject({ type: z.enum(PRE_APPROVAL_TYPES), number: checked(checkRequired), image: optionalPath })).optional(),
        admin: z.union([z.literal('principal'), personSchema]).default('principal'),
        instances: z.array(z.string()).optional(),
      }),
    )
    .min(1),
  instances: z
    .array(
      z.strictObject({
        id: z.union([z.string(), z.number()]).transform(String),
        product: z.enum(PRODUCTS),
        region: checked(checkRegion),
        billing: z.enum(['subscription', 'pay-as-you-go']).optional(),
        expires: checked(checkDate).optional(),
        publicBandwidthMbps: z.number().min(0).optional(),
        serviceNumbersUsed: z.number().int().min(0).optional(),
        orderAmountCny: z.number().min(0).optional(),
        initialSubscriptionMonths: z.number().int().min(0).optional(),
      }),
    )
    .min(1),
  domains: z
    .record(
      z.string().max(MAX_ANSWER_CHARS),
      z.strictObject({
        holder: checked(checkRequired).optional(),
        registrar: checked(checkRequired).optional(),
        realNameVerified: z.boolean().optional(),
        realNameVerifiedOn: checked(checkDate).optional(),
        privacyProtection: z.boolean().optional(),
        expires: checked(checkDate).optional(),
      }),
    )
    .optional(),
  documents: z
    .array(
      z.strictObject({
        kind: z.string().regex(/^[a-z][a-z-]*(:[a-z-]+)?$/),
        for: checked(checkRequired).optional(),
        file: z.string().trim().min(1),
        issued: checked(checkDate).optional(),
      }),
    )
    .optional(),
});

type RawAnswers = z.output<typeof answersSchema>;

/** Checks that depend on other answers: the identity number on its type, what applies to the entity and product. */
function crossCheck(raw: RawAnswers, today: string): { answers: InitAnswers; issues: AnswerIssue[] } {
  const issues: AnswerIssue[] = [];
  const fail = (path: string, reason: Text) => issues.push({ path, reason });
  const take = <T>(path: string, r: Checked<T>, fallback: T): T => {
    if (r.ok) return r.value;
    fail(path, r.reason);
    return fallback;
  };
  /** A value the rules judge: kept as written when the field check refuses it, for the rules to refuse in their words. */
  const ruled = (path: string, r: Checked<string>, raw: string): string => {
    if (r.ok) return r.value;
    if (raw.trim().length > MAX_ANSWER_CHARS) return take(path, r, raw);
    return raw.trim().toUpperCase();
  };
  const person = (p: RawAnswers['entity']['principal'], path: string): PersonAnswers => ({
    name: p.name,
    id: {
      ...p.id,
      number: GB11643_TYPES.has(p.id.type)
        ? ruled(`${path}.id.number`, checkIdentityNumber(p.id.type, p.id.number, today), p.id.number)
        : take(`${path}.id.number`, checkIdentityNumber(p.id.type, p.id.number, today), p.id.number),
    },
    mobile: p.mobile,
    ...(p.mobileProvince ? { mobileProvince: p.mobileProvince } : {}),
    email: p.email,
  });

  const e = raw.entity;
  const principal = person(e.principal, 'entity.principal');
  const entity: InitAnswers['entity'] = { type: e.type, name: e.name ?? principal.name, ...(e.address ? { address: e.address } : {}), principal };
  if (e.type === 'individual') {
    if (e.legalRepresentative) fail('entity.legalRepresentative', { en: 'an individual has no legal representative', zh: '个人主体没有法定代表人' });
    if (e.certificate)
      fail('entity.certificate', {
        en: "an individual files with the principal's identity document: remove entity.certificate",
        zh: '个人主体以主体负责人的证件备案，请删除 entity.certificate',
      });
  } else {
    if (!e.name) fail('entity.name', { en: 'the entity name as on its certificate is required', zh: '请填写证件上的主体名称' });
    if (!e.legalRepresentative) fail('entity.legalRepresentative', { en: 'the legal representative is required', zh: '请填写法定代表人' });
    else entity.legalRepresentative = e.legalRepresentative;
    if (!e.certificate) fail('entity.certificate', { en: 'the certificate number is required', zh: '请填写证件号码' });
    else {
      const type = e.certificate.type ?? CERTIFICATE_FOR[e.type];
      const number = USCC_CERTIFICATES.includes(type)
        ? ruled('entity.certificate.number', checkCreditCode(e.certificate.number), e.certificate.number)
        : take('entity.certificate.number', checkRequired(e.certificate.number), '');
      entity.certificate = { ...e.certificate, type, number };
    }
  }

  const instanceIds: string[] = [];
  const instances = raw.instances.map((inst, i): InstanceAnswers => {
    const path = `instances[${i}]`;
    const id = take(`${path}.id`, checkInstanceId(inst.id, instanceIds), inst.id);
    instanceIds.push(id);
    if (inst.publicBandwidthMbps !== undefined && !BANDWIDTH_PRODUCTS.includes(inst.product)) {
      fail(`${path}.publicBandwidthMbps`, { en: `a ${inst.product} instance has no public bandwidth to declare`, zh: `${inst.product} 实例没有公网带宽可填` });
    }
    for (const key of ['orderAmountCny', 'initialSubscriptionMonths'] as const) {
      if (inst[key] !== undefined && !ORDER_PRODUCTS.includes(inst.product)) {
        fail(`${path}.${key}`, { en: `${key} applies to marketplace website building only`, zh: `${key} 只适用于云市场建站` });
      }
    }
    return { ...inst, id };
  });

  const domainsSoFar: string[] = [];
  const websites = raw.websites.map((w, i): WebsiteAnswers => {
    const path = `websites[${i}]`;
    const domains = take(`${path}.domains`, checkDomainList(w.domains.join(' '), domainsSoFar), w.domains);
    domainsSoFar.push(...domains);
    let hosted = w.instances;
    if (hosted === undefined) {
      // With one instance there is nothing to choose; with several the file must say which.
      if (instances.length === 1) hosted = [instances[0]!.id];
      else {
        fail(`${path}.instances`, { en: 'with several instances, list the ones hosting this website', zh: '有多个实例时，请列出托管此网站的实例' });
        hosted = [];
      }
    }
    hosted.forEach((id, j) => {
      if (!instanceIds.includes(id)) fail(`${path}.instances[${j}]`, { en: `${id} is not one of the instances`, zh: `${id} 不在 instances 中` });
    });
    return {
      name: w.name,
      domains,
      content: w.content,
      ...(w.remarks ? { remarks: w.remarks } : {}),
      ...(w.preApprovals?.length ? { preApprovals: w.preApprovals } : {}),
      admin: w.admin === 'principal' ? 'principal' : person(w.admin, `${path}.admin`),
      instances: hosted,
    };
  });

  const answers: InitAnswers = { province: raw.province, filing: raw.filing, entity, websites, instances };
  if (raw.previousFiling) answers.previousFiling = raw.previousFiling;
  if (raw.domains) answers.domains = raw.domains;
  if (raw.documents) answers.documents = raw.documents;
  return { answers, issues };
}

export type AnswersResult = { ok: true; answers: InitAnswers } | { ok: false; issues: AnswerIssue[] };

/** Validates answers read from a file (already parsed JSON) the way the prompts validate typed answers. */
export function parseAnswers(data: unknown, today: string): AnswersResult {
  const r = answersSchema.safeParse(data);
  if (!r.success) {
    return {
      ok: false,
      issues: r.error.issues.map((issue) => {
        const params = (issue as { params?: { reason?: Text } }).params;
        return {
          path: formatPath(issue.path),
          reason: params?.reason ?? { en: issue.message, zh: issue.message },
        };
      }),
    };
  }
  const { answers, issues } = crossCheck(r.data, today);
  return issues.length === 0 ? { ok: true, answers } : { ok: false, issues };
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out === '' ? String(key) : `${out}.${String(key)}`), '');
}
