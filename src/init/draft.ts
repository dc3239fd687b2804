// The manifest drafted from the answers given so far, and the judgement of one answer by the
// checker's own rules run on it: the findings of the rules that judge that kind of answer
// (answer-rules.ts), rendered by the report layer in the user's language.
import type { Lang, RawFinding, RequiredDocument, Status } from '../model.js';
import type { Manifest } from '../manifest/schema.js';
import { toFiling } from '../manifest/normalise.js';
import { codeRules, ruleIndex } from '../rules/registry.js';
import type { CheckContext, FilingFacts } from '../rules/types.js';
import { bundledRegulations, evaluateRegulations, mergeDocuments, type LoadedRule } from '../regulations/index.js';
import { renderFinding } from '../report/render.js';
import { ImageInspector, imageReferences } from '../facts/images.js';
import { ANSWER_CODE_RULES, answerKindOf, answerKindOfDataRule, conditionKeys, type AnswerKind } from './answer-rules.js';

export type Token = string | number;

function tokens(path: string): Token[] {
  const out: Token[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new Error(`bad draft path ${path}`);
    if (m[1]) out.push(m[1]);
    for (const i of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(i[1]));
  }
  return out;
}

/** The answers given so far, at their manifest paths. */
export class Draft {
  readonly root: Record<string, unknown> = {};

  set(path: string | Token[], value: unknown): void {
    const t = typeof path === 'string' ? tokens(path) : path;
    let at: Record<string | number, unknown> = this.root;
    for (let i = 0; i < t.length - 1; i++) {
      const key = t[i]!;
      if (at[key] === undefined || typeof at[key] !== 'object' || at[key] === null) at[key] = typeof t[i + 1] === 'number' ? [] : {};
      at = at[key] as Record<string | number, unknown>;
    }
    const last = t[t.length - 1]!;
    if (value === undefined) {
      if (Array.isArray(at) && typeof last === 'number') at[last] = undefined;
      else delete at[last];
    } else at[last] = value;
  }

  get(path: string | Token[]): unknown {
    let at: unknown = this.root;
    for (const key of typeof path === 'string' ? tokens(path) : path) {
      if (at === null || typeof at !== 'object') return undefined;
      at = (at as Record<string | number, unknown>)[key];
    }
    return at;
  }

  clone(): Draft {
    const d = new Draft();
    Object.assign(d.root, structuredClone(this.root));
    return d;
  }

  /** A manifest the rules can read: what is not answered yet is absent, or a neutral stand-in where the manifest requires a value. */
  manifest(): Manifest {
    // biome-ignore lint/suspicious/noExplicitAny: a partial manifest, filled in before the rules read it
    const r = structuredClone(this.root) as Record<string, any>;
    const entity = (r.entity ??= {});
    entity.type ??= 'enterprise';
    const principal = (entity.principal ??= {});
    principal.name ??= entity.type === 'individual' ? (entity.name ?? '') : '';
    entity.name ??= entity.type === 'individual' ? principal.name : '';
    if (entity.legalRepresentative) entity.legalRepresentative.name ??= '';
    // biome-ignore lint/suspicious/noExplicitAny: as above
    const websites = ((r.websites as unknown[]) ?? []).filter((w) => w !== undefined) as Record<string, any>[];
    for (const w of websites) {
      w.name ??= '';
      w.domains ??= [];
      w.content ??= [];
      w.instances ??= [];
      w.preApprovals = ((w.preApprovals as unknown[]) ?? []).filter((p) => p !== undefined);
      if (w.admin && typeof w.admin === 'object') w.admin.name ??= '';
    }
    // biome-ignore lint/suspicious/noExplicitAny: as above
    const instances = ((r.instances as unknown[]) ?? []).filter((i) => i !== undefined) as Record<string, any>[];
    for (const i of instances) {
      i.id ??= '';
      i.product ??= 'ecs';
      i.region ??= 'cn-hangzhou';
    }
    return {
      version: 1,
      provider: 'aliyun',
      province: r.province ?? 'beijing',
      filing: r.filing ?? 'new',
      ...(r.previousFiling ? { previousFiling: { domains: [], ...r.previousFiling } } : {}),
      entity,
      websites,
      instances,
      domains: r.domains ?? {},
      documents: ((r.documents as unknown[]) ?? []).filter((d) => d !== undefined),
    } as unknown as Manifest;
  }
}

export interface JudgeContext {
  lang: Lang;
  /** "Today", YYYY-MM-DD (China Standard Time). */
  date: string;
  /** Folder of the manifest: file paths are relative to it. */
  dir: string;
}

/** What the checker says about one answer: failures refuse it, warnings are shown and can be kept. */
export interface Judgement {
  fail: string[];
  warn: string[];
}

/** Runs every rule on the draft, as `check` would with no lookups; files named in it are inspected. */
export async function runRules(manifest: Manifest, ctx: JudgeContext): Promise<RawFinding[]> {
  return (await draftCheck(manifest, ctx)).raws;
}

/** The findings and the documents the checker would list for the draft (no lookups). */
export async function draftCheck(manifest: Manifest, ctx: JudgeContext): Promise<{ raws: RawFinding[]; documents: RequiredDocument[] }> {
  const n = toFiling(manifest, 'manifest.yaml', ctx.dir);
  if (!n.ok) return { raws: n.findings, documents: [] };
  const facts: FilingFacts = { images: new Map(), domains: new Map(), findings: [] };
  const inspector = new ImageInspector();
  await Promise.all(
    imageReferences(manifest).map(async (ref) => {
      facts.images.set(ref.path, await inspector.inspect(ref.written, ctx.dir));
    }),
  );
  const check: CheckContext = { filing: n.filing, facts, options: { date: ctx.date, offline: true, approvedSuffixes: [] } };
  const raws: RawFinding[] = [];
  for (const rule of codeRules()) {
    try {
      raws.push(...rule.check(check));
    } catch {
      // A rule that cannot read an incomplete draft says nothing about this answer.
    }
  }
  try {
    raws.push(...evaluateRegulations(check));
  } catch {
    // As above.
  }
  const demands = raws.flatMap((r) => (r.documents ?? []).map((d) => ({ ...d, rule: r.rule })));
  let documents: RequiredDocument[] = [];
  try {
    documents = mergeDocuments(n.filing, demands, ctx.date);
  } catch {
    // As above: an incomplete draft.
  }
  for (const d of documents) {
    if (!d.provided || !d.providedBy) continue;
    const image = facts.images.get(d.providedBy) ?? facts.images.get(`${d.providedBy}.file`);
    if (image && image.entry !== 'file') d.provided = false;
  }
  return { raws, documents };
}

/** The data rules whose requirement uses a condition key (`remarksContain`, `hasPreApproval` ...). */
export function dataRulesRequiring(key: string): LoadedRule[] {
  return bundledRegulations().rules.filter((r) => conditionKeys(r.require).has(key));
}

/** Renders a raw finding in the user's language, its fix after an arrow. */
export function findingLine(f: RawFinding, lang: Lang, withFix = true): string {
  const shown = renderFinding(f, ruleIndex().get(f.rule), lang);
  return shown.fix && withFix ? `${shown.message} → ${shown.fix}` : shown.message;
}

let dataRulesByKind: Map<AnswerKind, Set<string>> | undefined;

/** The rule ids that judge an answer of this kind: code rules by the list, data rules by what they require. */
export function rulesFor(kind: AnswerKind): Set<string> {
  if (!dataRulesByKind) {
    dataRulesByKind = new Map();
    for (const r of bundledRegulations().rules) {
      const k = answerKindOfDataRule(r);
      if (!k) continue;
      if (!dataRulesByKind.has(k)) dataRulesByKind.set(k, new Set());
      dataRulesByKind.get(k)!.add(r.id);
    }
  }
  return new Set([...(ANSWER_CODE_RULES[kind] ?? []), ...(dataRulesByKind.get(kind) ?? [])]);
}

const JUDGED: Status[] = ['fail', 'warn'];
const signature = (f: RawFinding) => `${f.rule}\u0000${f.path}\u0000${f.key ?? ''}\u0000${f.status}`;
const under = (path: string, at: string) => path === at || path.startsWith(`${at}.`) || path.startsWith(`${at}[`);

/**
 * Judges the answer at `path` (already set in `draft`): the failures and warnings of the rules for
 * its kind that point at it, or that the answer brought about elsewhere (two people sharing one
 * mobile number is reported on the filing).
 */
export async function judgeAnswer(draft: Draft, path: string, ctx: JudgeContext): Promise<Judgement> {
  const kind = answerKindOf(path);
  const rules = kind ? rulesFor(kind) : new Set<string>();
  const out: Judgement = { fail: [], warn: [] };
  if (rules.size === 0) return out;
  const without = draft.clone();
  without.set(path, undefined);
  const [withIt, withoutIt] = await Promise.all([runRules(draft.manifest(), ctx), runRules(without.manifest(), ctx)]);
  const before = new Set(withoutIt.filter((f) => JUDGED.includes(f.status)).map(signature));
  const seen = new Set<string>();
  for (const f of withIt) {
    if (!JUDGED.includes(f.status) || !rules.has(f.rule)) continue;
    // About this answer: pointing at it or at what holds it (a website's remarks are judged on the
    // website), or brought about by it (two people sharing a mobile number, reported on the filing).
    const about = under(f.path, path) || f.path === '' || path.startsWith(`${f.path}.`) || !before.has(signature(f));
    if (!about) continue;
    const line = findingLine(f, ctx.lang);
    if (seen.has(line)) continue;
    seen.add(line);
    (f.status === 'fail' ? out.fail : out.warn).push(line);
  }
  return out;
}

/**
 * Whether a finding of the full check judges one answer (so an answers file giving that answer is
 * refused, as the questionnaire would refuse it typed).
 */
export function judgesOneAnswer(f: { rule: string; path: string }): boolean {
  const kind = answerKindOf(f.path);
  if (kind && rulesFor(kind).has(f.rule)) return true;
  const data = bundledRegulations().byId.get(f.rule);
  return data !== undefined && answerKindOfDataRule(data) !== undefined;
}
