// Reads the rule data of `regulations/` (one file per province plus the general files), validates
// it with zod and with the checks zod cannot make (known values, unique ids, id prefixes), and
// fails loudly naming the file and the rule: a silently skipped rule would hide a requirement.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { compiledData } from './compiled.js';
import type { z } from 'zod';
import { CERTIFICATE_TYPES, CONTENT_CATEGORIES, ENTITY_TYPES, FILING_KINDS, ID_TYPES, PRE_APPROVAL_TYPES } from '../manifest/schema.js';
import { PROVINCES, type ProvinceSlug } from '../manifest/provinces.js';
import { expandGroups, groupsFile, type Groups } from './groups.js';
import { provinceFile, provinceSettings, ruleFile, type Condition, type DataRule, type ProvinceSettings } from './schema.js';

/** A malformed rule file: `file` is the path, `rule` the rule's id (or `rules[i]`) when one is to blame. */
export class RegulationsError extends Error {
  readonly file: string;
  readonly rule: string | undefined;
  constructor(file: string, rule: string | undefined, detail: string) {
    super(`${file}${rule ? `: rule ${rule}` : ''}: ${detail}`);
    this.name = 'RegulationsError';
    this.file = file;
    this.rule = rule;
  }
}

export interface LoadedRule extends DataRule {
  /** The file it was read from, relative to the regulations folder. */
  file: string;
  /** For rules of a province file. */
  province?: ProvinceSlug;
}

export interface ProvinceData {
  file: string;
  section: string;
  settings: ProvinceSettings;
}

export interface Regulations {
  dir: string;
  /** General rules first (materials, pre-approvals, process), then the provinces in slug order. */
  rules: LoadedRule[];
  byId: Map<string, LoadedRule>;
  provinces: Map<ProvinceSlug, ProvinceData>;
}

/** Named lists that conditions may use by name (src/regulations/groups.ts). */
export const GROUPS_FILE = 'groups.yaml';

/** The files of rules that hold for every province, in the order their documents are listed. */
export const GENERAL_FILES = ['materials.yaml', 'pre-approvals.yaml', 'process.yaml'] as const;

const AREAS = ['manifest', 'entity', 'person', 'domain', 'whois', 'instance', 'image', 'document', 'pre-approval', 'process'];
const SLUGS = new Set<string>(PROVINCES.map((p) => p.slug));
const ROLES = ['principal', 'legalRepresentative', 'admin'];

const KNOWN_VALUES: Record<string, readonly string[]> = {
  province: [...SLUGS],
  entityType: ENTITY_TYPES,
  previousEntityType: ENTITY_TYPES,
  filingKind: FILING_KINDS,
  idType: ID_TYPES,
  content: CONTENT_CATEGORIES,
  hasPreApproval: PRE_APPROVAL_TYPES,
  certificateType: CERTIFICATE_TYPES,
  role: ROLES,
};

function ruleLabel(raw: unknown, index: number): string {
  const id = (raw as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? `${id} (rules[${index}])` : `rules[${index}]`;
}

function parseYaml(path: string, file: string): unknown {
  const source = readFileSync(path, 'utf8');
  const compiled = compiledData(path, source);
  if (compiled !== undefined) return compiled;
  const doc = parseDocument(source, { prettyErrors: true });
  const err = doc.errors[0];
  if (err) {
    const pos = err.linePos?.[0];
    throw new RegulationsError(file, undefined, `YAML syntax error${pos ? ` at line ${pos.line}, column ${pos.col}` : ''}: ${err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  return doc.toJS();
}

/** Replaces group names in the rules' conditions (a rule file that is not an object is left to zod). */
function withGroups(raw: unknown, groups: Groups): unknown {
  const rules = (raw as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(rules)) return raw;
  return {
    ...(raw as object),
    rules: rules.map((r) => {
      if (r === null || typeof r !== 'object') return r;
      const rule = { ...(r as Record<string, unknown>) };
      if (rule.when !== undefined) rule.when = expandGroups(rule.when, groups);
      if (rule.require !== undefined) rule.require = expandGroups(rule.require, groups);
      return rule;
    }),
  };
}

function validate<T extends z.ZodType>(schema: T, data: unknown, file: string): z.output<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path;
  const rules = (data as { rules?: unknown[] } | null)?.rules;
  const rule = path[0] === 'rules' && typeof path[1] === 'number' ? ruleLabel(rules?.[path[1]], path[1]) : undefined;
  throw new RegulationsError(file, rule, `${issue.message} at ${path.length ? path.join('.') : '(top level)'}`);
}

/** Values zod accepts as strings but the engine would never match (a misspelt slug or type). */
function checkCondition(c: Condition | undefined, where: string, fail: (detail: string) => never): void {
  if (!c) return;
  for (const [key, value] of Object.entries(c)) {
    if (value === undefined) continue;
    const at = `${where}.${key}`;
    if (key === 'all' || key === 'any') (value as Condition[]).forEach((sub, i) => checkCondition(sub, `${at}.${i}`, fail));
    else if (key === 'not') checkCondition(value as Condition, at, fail);
    else if (KNOWN_VALUES[key]) {
      for (const v of value as string[]) {
        if (!KNOWN_VALUES[key]!.includes(v)) fail(`unknown value "${v}" at ${at}; expected one of ${KNOWN_VALUES[key]!.join(', ')}`);
      }
    } else if (key === 'nameMatches') {
      try {
        new RegExp(value as string, 'u');
      } catch (e) {
        fail(`invalid regular expression at ${at}: ${(e as Error).message}`);
      }
    }
  }
}

function checkRules(rules: DataRule[], raw: unknown[], file: string, prefix: string | undefined, seen: Map<string, string>): void {
  rules.forEach((r, i) => {
    const label = ruleLabel(raw[i], i);
    const fail = (detail: string): never => {
      throw new RegulationsError(file, label, detail);
    };
    if (prefix !== undefined && !r.id.startsWith(prefix)) fail(`id must start with ${prefix}`);
    if (prefix === undefined) {
      const area = r.id.split('/')[0]!;
      if (!AREAS.includes(area)) fail(`id must start with one of the areas ${AREAS.join(', ')} (province rules belong in provinces/<slug>.yaml)`);
    }
    const other = seen.get(r.id);
    if (other !== undefined) fail(`duplicate id, also in ${other}`);
    seen.set(r.id, file);
    checkCondition(r.when, `rules.${i}.when`, fail);
    checkCondition(r.require, `rules.${i}.require`, fail);
    if (r.documentsOn && r.documents.length === 0) fail('documentsOn without documents');
  });
}

/** Loads and validates every rule file of a regulations folder (it may hold none). */
export function loadRegulationsFrom(dir: string): Regulations {
  const rules: LoadedRule[] = [];
  const seen = new Map<string, string>();
  const provinces = new Map<ProvinceSlug, ProvinceData>();
  const rel = (p: string) => relative(dir, p) || p;
  const groupsPath = join(dir, GROUPS_FILE);
  const groups: Groups = existsSync(groupsPath) ? validate(groupsFile, parseYaml(groupsPath, GROUPS_FILE), GROUPS_FILE).groups : {};

  for (const name of GENERAL_FILES) {
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    const file = rel(path);
    const raw = withGroups(parseYaml(path, file), groups);
    const data = validate(ruleFile, raw, file);
    checkRules(data.rules, (raw as { rules: unknown[] }).rules, file, undefined, seen);
    for (const r of data.rules) rules.push({ ...r, file });
  }

  const provinceDir = join(dir, 'provinces');
  const names = existsSync(provinceDir) ? readdirSync(provinceDir).filter((n) => /\.ya?ml$/.test(n)).sort() : [];
  for (const name of names) {
    const path = join(provinceDir, name);
    const file = rel(path);
    const slug = basename(name).replace(/\.ya?ml$/, '');
    if (!SLUGS.has(slug)) throw new RegulationsError(file, undefined, `"${slug}" is not a province slug; expected one of ${[...SLUGS].join(', ')}`);
    const raw = withGroups(parseYaml(path, file), groups);
    const data = validate(provinceFile, raw, file);
    if (data.province !== slug) throw new RegulationsError(file, undefined, `province is "${data.province}" but the file is named for ${slug}`);
    checkRules(data.rules, (raw as { rules: unknown[] }).rules, file, `province/${slug}/`, seen);
    const province = slug as ProvinceSlug;
    provinces.set(province, { file, section: data.section, settings: data.settings });
    for (const r of data.rules) rules.push({ ...r, file, province });
  }

  return { dir, rules, byId: new Map(rules.map((r) => [r.id, r])), provinces };
}

/** The bundled folder: `regulations/` beside `src/` and `dist/`. */
export const BUNDLED_DIR = fileURLToPath(new URL('../../regulations/', import.meta.url));

let cached: Regulations | undefined;

/** The bundled rule data, loaded once on first use. */
export function bundledRegulations(): Regulations {
  cached ??= loadRegulationsFrom(BUNDLED_DIR);
  return cached;
}

export const DEFAULT_SETTINGS: ProvinceSettings = provinceSettings.parse({});
