// `icp-check.config.yaml`: an agency's defaults for every check option, extra approved suffixes,
// registrars beyond regulations/registrars.yaml, and waivers. Objects are strict, like the manifest's.
import { z } from 'zod';
import { date } from '../manifest/schema.js';
import { waiver } from '../waivers/schema.js';

export const CONFIG_FILE_NAME = 'icp-check.config.yaml';

const FORMAT_NAMES = ['pretty', 'json', 'junit', 'sarif', 'github', 'markdown'] as const;

/** `10s`, `500ms`, or a number of seconds. */
const duration = z.union([z.number().positive(), z.string().regex(/^\d+(?:\.\d+)?(ms|s)?$/, 'expected a duration such as 10s or 500ms')]).transform((v) => {
  if (typeof v === 'number') return v * 1000;
  const m = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(v)!;
  return m[2] === 'ms' ? Number(m[1]) : Number(m[1]) * 1000;
});

export const registrarAddition = z
  .strictObject({
    /** The name WHOIS/RDAP prints for the registrar. */
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    /** Approved by MIIT (default true). */
    approved: z.boolean().default(true),
    foreign: z.boolean().default(false),
  })
  .meta({ description: 'A registrar to add to regulations/registrars.yaml' });

export const configSchema = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.enum(FORMAT_NAMES).optional(),
    lang: z.enum(['en', 'zh']).optional(),
    date: date.optional(),
    offline: z.boolean().optional(),
    strict: z.boolean().optional(),
    quiet: z.boolean().optional(),
    color: z.boolean().optional(),
    concurrency: z.number().int().min(1).optional(),
    cache: z.boolean().optional(),
    /** Relative to the config file's folder. */
    cacheDir: z.string().min(1).optional(),
    whoisServer: z.string().min(1).optional(),
    rdapUrl: z.string().min(1).optional(),
    whoisTimeout: duration.optional(),
    perServerConcurrency: z.number().int().min(1).optional(),
    /** Relative to the config file's folder. */
    tldList: z.string().min(1).optional(),
    maxWarnings: z.number().int().min(0).optional(),
    sarifNotes: z.boolean().optional(),
    /** Read ID cards and certificates with the optional OCR engine (`--ocr`). */
    ocr: z.boolean().optional(),
    approvedSuffixes: z.array(z.string().min(1)).optional(),
    registrars: z.array(registrarAddition).optional(),
    accept: z.array(waiver).optional(),
  })
  .meta({ title: 'icp-check configuration', description: 'Defaults for icp-check in this folder and below (icp-check.config.yaml).' });

export type Config = z.output<typeof configSchema>;
export type RegistrarAddition = z.output<typeof registrarAddition>;
