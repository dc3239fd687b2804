// Loads `regulations/instances.yaml`: supported instances, remaining terms and service-number quotas
// (`before` Table 1-1 / Table 4-1, §4.2), checked with zod so a malformed file fails naming itself.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDataFile } from './compiled.js';
import { z } from 'zod';
import { PRODUCTS } from '../manifest/schema.js';
import { asOfDate, text } from './dated.js';

const product = z.strictObject({
  name: text,
  /** Whole calendar months from the check date to `expires`. */
  minRemainingMonths: z.number().int().positive().optional(),
  /** Marketplace website building: months of the first subscription. */
  minInitialSubscriptionMonths: z.number().int().positive().optional(),
  minOrderCny: z.number().positive().optional(),
  /** Pay-as-you-go instances get no service number. */
  subscriptionOnly: z.boolean().default(false),
  publicBandwidthRequired: z.boolean().default(false),
  /** Service numbers an instance (or, for `account`, an Alibaba Cloud account) can ever get. */
  serviceNumbers: z.number().int().positive(),
  quotaScope: z.enum(['instance', 'account']).default('instance'),
  source: z.string().min(1),
  quote: z.string().min(1),
});

export const instanceEligibilityFile = z.strictObject({
  about: z.string(),
  /** The date the figures were last checked against their sources. */
  asOf: asOfDate,
  region: z.strictObject({
    mainlandPrefix: z.string().min(1),
    notMainland: z.array(z.string().min(1)),
    source: z.string().min(1),
    quote: z.string().min(1),
  }),
  serviceNumbers: z.strictObject({ source: z.string().min(1), quote: z.string().min(1) }),
  running: z.strictObject({
    requiredStatus: z.string().min(1),
    publicIpRequired: z.boolean(),
    source: z.string().min(1),
  }),
  products: z.record(z.enum(PRODUCTS), product),
});
export type InstanceEligibility = z.output<typeof instanceEligibilityFile>;
export type ProductEligibility = z.output<typeof product>;

export const INSTANCES_FILE = fileURLToPath(new URL('../../regulations/instances.yaml', import.meta.url));

/** Parses and validates an eligibility file; throws an Error naming the file and the field. */
export function parseInstanceEligibility(source: string, file: string): InstanceEligibility {
  return parseDataFile(instanceEligibilityFile, source, file);
}

let cached: InstanceEligibility | undefined;

/** The bundled eligibility data, read once. */
export function loadInstanceEligibility(): InstanceEligibility {
  cached ??= parseInstanceEligibility(readFileSync(INSTANCES_FILE, 'utf8'), INSTANCES_FILE);
  return cached;
}
