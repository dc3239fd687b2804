// The manifest, version 1 (CONTRACT.md "The manifest"). Objects are strict so a typo such as
// `domian:` is reported rather than ignored.
import { z } from 'zod';
import { manifestWaiver } from '../waivers/schema.js';

const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

export const date = z
  .string({ error: 'expected a date as YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isRealDate, 'expected a real calendar date')
  .meta({ format: 'date' });

/**
 * Limits no real filing reaches (an entity files a handful of websites, each with a few domains),
 * so that a generated or hostile manifest is refused with a position instead of exhausting the
 * report, the lookups or memory. Figures about the tool, not about the regulations.
 */
export const LIMITS = {
  websites: 100,
  domainsPerWebsite: 100,
  instances: 200,
  instancesPerWebsite: 100,
  documents: 500,
  declaredDomains: 1000,
  previousDomains: 1000,
  preApprovals: 50,
  contentCategories: 50,
  approvedSuffixes: 1000,
} as const;

const atMost = (n: number, what: string) => `at most ${n} ${what} in one manifest; a real filing has far fewer`;

/** Numbers written without quotes (an ID number, a mobile) arrive as numbers; keep them as text. */
const text = z.union([z.string(), z.number()]).transform((v) => String(v).trim());

export const ENTITY_TYPES = ['individual', 'enterprise', 'individual-business', 'public-institution', 'government', 'social-organization', 'other'] as const;
export const FILING_KINDS = ['new', 'new-website', 'new-provider', 'change', 'transfer', 'refile-after-cancellation'] as const;
export const ID_TYPES = [
  'id-card',
  'temporary-id-card',
  'hk-macao-residence-permit',
  'hk-macao-travel-permit',
  'taiwan-residence-permit',
  'taiwan-travel-permit',
  'passport',
] as const;
export const CERTIFICATE_TYPES = [
  'business-license',
  'organization-code',
  'public-institution-certificate',
  'uscc-certificate',
  'social-organization-certificate',
  'other',
  ...ID_TYPES,
] as const;
export const PRE_APPROVAL_TYPES = ['news', 'publishing', 'medicine', 'culture', 'broadcasting', 'education', 'healthcare', 'online-taxi', 'finance'] as const;
export const CONTENT_CATEGORIES = [...PRE_APPROVAL_TYPES, 'ecommerce', 'forum', 'personal-blog', 'general'] as const;
export const PRODUCTS = ['ecs', 'web-hosting', 'simple-application-server', 'elastic-web-hosting', 'marketplace', 'nat-gateway', 'ipv6-translation', 'ens'] as const;

export const identityDocument = z
  .strictObject({
    type: z.enum(ID_TYPES),
    number: text,
    expires: z.union([date, z.literal('long-term')]).optional(),
    front: z.string().optional(),
    back: z.string().optional(),
  })
  .meta({ description: 'An identity document' });

export const person = z
  .strictObject({
    name: z.string().min(1),
    nationality: z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as CN')
      .optional(),
    id: identityDocument.optional(),
    mobile: text.optional(),
    mobileProvince: z.string().optional(),
    phone: text.optional(),
    email: z.string().optional(),
    residencePermit: z.string().optional(),
  })
  .meta({ description: 'A person: legal representative, principal or website administrator' });

export const preApproval = z.strictObject({
  type: z.enum(PRE_APPROVAL_TYPES),
  number: text.optional(),
  image: z.string().optional(),
});

export const website = z.strictObject({
  name: z.string().min(1),
  domains: z.array(z.string().min(1)).min(1).max(LIMITS.domainsPerWebsite, atMost(LIMITS.domainsPerWebsite, 'domains per website')),
  content: z.array(z.enum(CONTENT_CATEGORIES)).max(LIMITS.contentCategories, atMost(LIMITS.contentCategories, 'content categories per website')).default([]),
  remarks: z.string().optional(),
  instances: z.array(text).max(LIMITS.instancesPerWebsite, atMost(LIMITS.instancesPerWebsite, 'instances per website')).default([]),
  admin: z.union([z.literal('principal'), person]).optional(),
  preApprovals: z.array(preApproval).max(LIMITS.preApprovals, atMost(LIMITS.preApprovals, 'pre-approvals per website')).default([]),
});

export const instance = z.strictObject({
  id: text,
  product: z.enum(PRODUCTS),
  region: z.string().min(1),
  billing: z.enum(['subscription', 'pay-as-you-go']).optional(),
  expires: date.optional(),
  publicBandwidthMbps: z.number().min(0).optional(),
  serviceNumbersUsed: z.number().int().min(0).optional(),
  orderAmountCny: z.number().min(0).optional(),
  /** Months of the initial subscription (marketplace website building: at least 12). */
  initialSubscriptionMonths: z.number().int().min(0).optional(),
  status: z.string().optional(),
  publicIp: z.string().optional(),
});

/** `{ describeInstances: file.json }`: the saved output of `aliyun ecs DescribeInstances`. */
export const instanceImport = z.strictObject({
  describeInstances: z.string().min(1),
  serviceNumbersUsed: z.record(z.string(), z.number().int().min(0)).optional(),
});

export const declaredDomain = z.strictObject({
  holder: z.string().optional(),
  registrar: z.string().optional(),
  realNameVerified: z.boolean().optional(),
  realNameVerifiedOn: date.optional(),
  privacyProtection: z.boolean().optional(),
  expires: date.optional(),
});

export const document = z
  .strictObject({
    kind: z.string().regex(/^[a-z][a-z-]*(:[a-z-]+)?$/, 'expected a document kind such as power-of-attorney'),
    file: z.string().optional(),
    for: z.string().optional(),
    issued: date.optional(),
    reuse: z
      .strictObject({
        orderCompleted: date,
        orderKind: z.enum(['new', 'change']),
      })
      .optional(),
  })
  .refine((d) => d.file !== undefined || d.reuse !== undefined, {
    message: 'expected either `file` or `reuse`',
  });

export const manifestSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(1),
    provider: z.literal('aliyun').default('aliyun'),
    province: z.union([z.string(), z.number()]).transform((v) => String(v)),
    filing: z.enum(FILING_KINDS).default('new'),
    previousFiling: z
      .strictObject({
        number: z.string().optional(),
        entityType: z.enum(ENTITY_TYPES).optional(),
        entityName: z.string().optional(),
        certificateNumber: text.optional(),
        domains: z.array(z.string()).max(LIMITS.previousDomains, atMost(LIMITS.previousDomains, 'previously filed domains')).default([]),
      })
      .optional(),
    entity: z.strictObject({
      type: z.enum(ENTITY_TYPES),
      name: z.string().min(1),
      certificate: z
        .strictObject({
          type: z.enum(CERTIFICATE_TYPES),
          number: text,
          expires: z.union([date, z.literal('long-term')]).optional(),
          image: z.string().optional(),
        })
        .optional(),
      address: z.string().optional(),
      businessScope: z.string().optional(),
      legalRepresentative: person.optional(),
      principal: person,
    }),
    websites: z.array(website).max(LIMITS.websites, atMost(LIMITS.websites, 'websites')).default([]),
    instances: z
      .array(z.union([instance, instanceImport]))
      .max(LIMITS.instances, atMost(LIMITS.instances, 'instances'))
      .default([]),
    domains: z
      .record(z.string(), declaredDomain)
      .refine((r) => Object.keys(r).length <= LIMITS.declaredDomains, atMost(LIMITS.declaredDomains, 'declared domains'))
      .default({}),
    documents: z.array(document).max(LIMITS.documents, atMost(LIMITS.documents, 'documents')).default([]),
    /** Findings accepted with a reason until a date (waivers). */
    accept: z.array(manifestWaiver).max(LIMITS.documents, atMost(LIMITS.documents, 'waivers')).default([]),
    settings: z
      .strictObject({
        /** Suffixes the user knows to be approved beyond `regulations/tlds.yaml`. */
        approvedSuffixes: z.array(z.string()).max(LIMITS.approvedSuffixes, atMost(LIMITS.approvedSuffixes, 'approved suffixes')).default([]),
      })
      .optional(),
  })
  .meta({ title: 'icp-check filing manifest', description: 'A filing manifest for icp-check (version 1).' });

export type Manifest = z.output<typeof manifestSchema>;
export type Person = z.output<typeof person>;
export type IdentityDocument = z.output<typeof identityDocument>;
export type Website = z.output<typeof website>;
export type Instance = z.output<typeof instance>;
export type InstanceImport = z.output<typeof instanceImport>;
export type DeclaredDomain = z.output<typeof declaredDomain>;
export type ManifestDocument = z.output<typeof document>;
export type EntityType = (typeof ENTITY_TYPES)[number];
export type FilingKind = (typeof FILING_KINDS)[number];
export type IdType = (typeof ID_TYPES)[number];
export type Product = (typeof PRODUCTS)[number];
