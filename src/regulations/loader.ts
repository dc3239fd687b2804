// Reads the rule data of `regulations/` (one file per province plus the general files), validates
// it with zod and with the checks zod cannot make (unique ids, id prefixes, figures), and fails
// loudly naming the file and the rule: a silently skipped rule would hide a requirement.
//
// A rule as written states only what is particular to it; loading fills in the rest, in this
// order: the rule's own fields, then its `template` (templates.yaml), then the file's (a province
// rule's `source` is the file's `section`). Named groups (groups.yaml) are replaced by their
// members, figures are put into conditions and texts, `{province}` is filled in province rules,
// and every province rule's explain ends with the sentences of `provinceDefaults`. The result
// has every public field of `LoadedRule` filled, as the report and `explain` expect.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { compiledData, compiledRegulations } from './compiled.js';
import type { z } from 'zod';
import { PROVINCES, provinceBySlug, type ProvinceSlug } from '../manifest/provinces.js';
import { groupsFile, type Groups } from './groups.js';
import { fileSchemas, provinceSettings, regulationSchemas, type AuthoredRule, type Condition, type DataRule, type ProvinceSettings } from './schema.js';

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
  /** The date the rule's file was last checked against its source. */
  asOf: string;
  /** The template the rule was written with, if any. */
  template?: string;
  /** The named figures its conditions and texts use (`minAge: 18`). */
  figures?: Record<string, number | string>;
}

export interface ProvinceData {
  file: string;
  section: string;
  asOf: string;
  settings: ProvinceSettings;
}

export interface Regulations {
  dir: string;
  /** General rules first (materials, pre-approvals, process), then the provinces in slug order. */
  rules: LoadedRule[];
  byId: Map<string, LoadedRule>;
  provinces: Map<ProvinceSlug, ProvinceData>;
  /** Named groups of groups.yaml. */
  groups: Groups;
}

/** Named lists that conditions may use by name (src/regulations/groups.ts). */
export const GROUPS_FILE = 'groups.yaml';
/** Fields shared by rules of one kind, and the sentences every province rule ends with. */
export const TEMPLATES_FILE = 'templates.yaml';

/** The files of rules that hold for every province, in the order their documents are listed. */
export const GENERAL_FILES = ['materials.yaml', 'pre-approvals.yaml', 'process.yaml'] as const;

const AREAS = ['manifest', 'entity', 'person', 'domain', 'whois', 'instance', 'image', 'document', 'pre-approval', 'process'];
const SLUGS = new Set<string>(PROVINCES.map((p) => p.slug));

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

/** `"enterprize": ` when the issue carries the offending text. */
function gotten(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  return typeof input === 'string' ? `unknown value "${input}": ` : '';
}

function validate<T extends z.ZodType>(schema: T, data: unknown, file: string): z.output<T> {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path;
  const rules = (data as { rules?: unknown[] } | null)?.rules;
  const rule = path[0] === 'rules' && typeof path[1] === 'number' ? ruleLabel(rules?.[path[1]], path[1]) : undefined;
  throw new RegulationsError(file, rule, `${gotten(issue)}${issue.message} at ${path.length ? path.join('.') : '(top level)'}`);
}

type Figures = Record<string, number | string>;
type Template = Omit<AuthoredRule, 'id' | 'template'>;
type Text = { en: string; zh: string };

/** Puts named figures into the compare bounds of a condition. */
function resolveFigures(c: Condition | undefined, figures: Figures, at: string, fail: (detail: string) => never): Condition | undefined {
  if (!c) return c;
  const out: Condition = {};
  for (const [key, value] of Object.entries(c)) {
    if (key === 'all' || key === 'any') out[key] = (value as Condition[]).map((sub, i) => resolveFigures(sub, figures, `${at}.${key}.${i}`, fail)!);
    else if (key === 'not') out.not = resolveFigures(value as Condition, figures, `${at}.not`, fail);
    else if (value && typeof value === 'object' && !Array.isArray(value) && ['gte', 'gt', 'lte', 'lt', 'eq'].some((b) => b in value)) {
      out[key] = Object.fromEntries(
        Object.entries(value as Record<string, number | string>).map(([bound, v]) => {
          if (typeof v === 'number') return [bound, v];
          const figure = figures[v];
          if (typeof figure !== 'number') fail(`${at}.${key}.${bound} names "${v}", which is not a number among the rule's figures`);
          return [bound, figure];
        }),
      );
    } else out[key] = value;
  }
  return out;
}

/** The province names of the first `province` list in a condition, for `{provinces}`. */
function provincesOf(c: Condition | undefined): string[] | undefined {
  if (!c) return undefined;
  if (Array.isArray(c.province)) return c.province as string[];
  for (const sub of [...((c.all as Condition[]) ?? []), ...((c.any as Condition[]) ?? []), ...(c.not ? [c.not] : [])]) {
    const found = provincesOf(sub);
    if (found) return found;
  }
  return undefined;
}

/**
 * Fills the load-time placeholders of a text; the others stay for evaluation. `{nameZh}` is the
 * Chinese form of `{name}` in either text (`{provinceZh}`: 河北省), as regulations/README.md says.
 */
function fill(t: Text | undefined, values: Record<string, Text>): Text | undefined {
  if (!t) return t;
  const chinese = Object.fromEntries(Object.entries(values).map(([key, v]) => [`${key}Zh`, { en: v.zh, zh: v.zh }]));
  const all: Record<string, Text> = { ...chinese, ...values };
  const one = (s: string, lang: keyof Text) => s.replace(/\{([A-Za-z]+)\}/g, (whole, key: string) => all[key]?.[lang] ?? whole);
  return { en: one(t.en, 'en'), zh: one(t.zh, 'zh') };
}

const TEXT_FIELDS = ['title', 'message', 'fix', 'unknown', 'explain'] as const;

interface FileContext {
  file: string;
  asOf: string;
  /** A province rule's default source. */
  section?: string;
  province?: ProvinceSlug;
  templates: Record<string, Template>;
  explainEnd?: Text;
}

/** A rule as written, completed: template, file defaults, figures, placeholders. */
function complete(rule: AuthoredRule, raw: unknown, index: number, ctx: FileContext): LoadedRule {
  const label = ruleLabel(raw, index);
  const fail = (detail: string): never => {
    throw new RegulationsError(ctx.file, label, detail);
  };
  const template = rule.template === undefined ? {} : ctx.templates[rule.template];
  if (template === undefined) fail(`template "${rule.template}" is not in ${TEMPLATES_FILE}; expected one of ${Object.keys(ctx.templates).join(', ')}`);
  const own = Object.fromEntries(Object.entries(rule).filter(([, v]) => v !== undefined)) as AuthoredRule;
  const merged = { source: ctx.section, ...template, ...own } as AuthoredRule;
  const figures: Figures = { ...template!.figures, ...rule.figures };
  const values: Record<string, Text> = {};
  for (const [name, v] of Object.entries(figures)) values[name] = { en: String(v), zh: String(v) };
  const province = ctx.province ? provinceBySlug(ctx.province) : undefined;
  if (province) {
    values.province = { en: province.en, zh: province.zh };
    values.provinceShort = { en: province.en, zh: province.short };
  }
  const listed = provincesOf(merged.when);
  if (listed) {
    const names = listed.map((slug) => provinceBySlug(slug));
    values.provinces = { en: names.map((p) => p?.en ?? '').join(', '), zh: names.map((p) => p?.short ?? '').join('、') };
  }
  const when = resolveFigures(merged.when, figures, `rules.${index}.when`, fail);
  const require = resolveFigures(merged.require, figures, `rules.${index}.require`, fail);
  const texts = Object.fromEntries(TEXT_FIELDS.map((f) => [f, fill(merged[f], values)]));
  if (ctx.explainEnd && texts.explain) {
    const end = fill(ctx.explainEnd, values)!;
    texts.explain = { en: `${texts.explain.en} ${end.en}`, zh: `${texts.explain.zh}${end.zh}` };
  }
  const candidate = { ...merged, when, require, ...texts };
  delete (candidate as { template?: string }).template;
  delete (candidate as { figures?: Figures }).figures;
  for (const [key, value] of Object.entries(candidate)) if (value === undefined) delete (candidate as Record<string, unknown>)[key];
  const result = ruleSchema.safeParse(candidate, { reportInput: true });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    fail(`${gotten(issue)}${issue.message} at ${issue.path.length ? issue.path.join('.') : '(rule)'}${rule.template ? ` (after template ${rule.template})` : ''}`);
  }
  const loaded: LoadedRule = { ...result.data!, file: ctx.file, asOf: ctx.asOf };
  if (ctx.province) loaded.province = ctx.province;
  if (rule.template) loaded.template = rule.template;
  if (Object.keys(figures).length > 0) loaded.figures = figures;
  return loaded;
}

const ruleSchema = regulationSchemas().dataRule;

function checkRules(rules: LoadedRule[], raw: unknown[], file: string, prefix: string | undefined, seen: Map<string, string>): void {
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
  const schemas = fileSchemas(groups);
  const templatesPath = join(dir, TEMPLATES_FILE);
  const shared = existsSync(templatesPath) ? validate(schemas.templatesFile, parseYaml(templatesPath, TEMPLATES_FILE), TEMPLATES_FILE) : undefined;
  const templates = (shared?.templates ?? {}) as Record<string, Template>;

  for (const name of GENERAL_FILES) {
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    const file = rel(path);
    const raw = parseYaml(path, file);
    const data = validate(schemas.ruleFile, raw, file);
    const rawRules = (raw as { rules: unknown[] }).rules;
    const loaded = data.rules.map((r, i) => complete(r, rawRules[i], i, { file, asOf: data.asOf, templates }));
    checkRules(loaded, rawRules, file, undefined, seen);
    rules.push(...loaded);
  }

  const provinceDir = join(dir, 'provinces');
  const names = existsSync(provinceDir) ? readdirSync(provinceDir).filter((n) => /\.ya?ml$/.test(n)).sort() : [];
  for (const name of names) {
    const path = join(provinceDir, name);
    const file = rel(path);
    const slug = basename(name).replace(/\.ya?ml$/, '');
    if (!SLUGS.has(slug)) throw new RegulationsError(file, undefined, `"${slug}" is not a province slug; expected one of ${[...SLUGS].join(', ')}`);
    const raw = parseYaml(path, file);
    const data = validate(schemas.provinceFile, raw, file);
    if (data.province !== slug) throw new RegulationsError(file, undefined, `province is "${data.province}" but the file is named for ${slug}`);
    const province = slug as ProvinceSlug;
    const rawRules = (raw as { rules: unknown[] }).rules;
    const ctx: FileContext = { file, asOf: data.asOf, section: data.section, province, templates, ...(shared ? { explainEnd: shared.provinceDefaults.explainEnd } : {}) };
    const loaded = data.rules.map((r, i) => complete(r, rawRules[i], i, ctx));
    checkRules(loaded, rawRules, file, `province/${slug}/`, seen);
    provinces.set(province, { file, section: data.section, asOf: data.asOf, settings: data.settings });
    rules.push(...loaded);
  }

  return { dir, rules, byId: new Map(rules.map((r) => [r.id, r])), provinces, groups };
}

/** The bundled folder: `regulations/` beside `src/` and `dist/`. */
export const BUNDLED_DIR = fileURLToPath(new URL('../../regulations/', import.meta.url));

let cached: Regulations | undefined;

/** The bundled rule data, loaded once on first use (as validated at build time while the YAML is unchanged). */
export function bundledRegulations(): Regulations {
  cached ??= compiledRegulations(BUNDLED_DIR) ?? loadRegulationsFrom(BUNDLED_DIR);
  return cached;
}

export const DEFAULT_SETTINGS: ProvinceSettings = provinceSettings.parse({});
