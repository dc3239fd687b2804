// The whole check of one or many filings: load, normalise, gather facts, evaluate rules,
// merge required documents, and put it all into one report model.
import path from 'node:path';
import type { DocumentDemand, FilingReport, Finding, Lang, RawFinding, Report, RequiredDocument, Status, Summary, Verdict } from '../model.js';
import { STATUS_ORDER } from '../model.js';
import { loadManifest, manifestDir, Positions, type LoadResult } from '../manifest/load.js';
import { toFiling } from '../manifest/normalise.js';
import { bundledRegulations, type LoadedRule, RULES_DATE } from '../regulations/index.js';
import { type DateReads, evaluateRule } from '../regulations/evaluate.js';
import { viewOf } from '../regulations/filing-view.js';
import { mergeDocuments } from '../regulations/documents.js';
import { reuseProblems } from '../regulations/reuse.js';
import type { ManifestDocument } from '../manifest/schema.js';
import { codeRules, ruleIndex } from '../rules/registry.js';
import type { CheckContext, CheckOptions, CodeRule, FilingFacts } from '../rules/types.js';
import { renderFinding } from '../report/render.js';
import { type EvaluateAt, type Evaluation, groupByRule, type PartialRun, validityOf } from '../report/validity.js';
import { gatherFacts, type FactSources } from './gather.js';
import { foldDocuments, foldFindings } from './fold.js';
import { sourcesCited } from '../report/sources.js';
import { eachInOrder } from './limit.js';
import { WorkerLost, WorkerPool, workersFor } from './pool.js';
import { VERSION } from '../version.js';
import type { WaiverEntry } from '../config/merge.js';
import { applyWaivers, unusedWaiver } from '../waivers/apply.js';
import { anchorDocuments, anchorFindings } from '../report/anchors.js';

export interface RunOptions extends CheckOptions {
  lang: Lang;
  /** Waivers from the config file or the API (each manifest's own `accept:` adds to them). */
  accept?: WaiverEntry[];
  /** Filled with the config waivers that matched a finding. */
  usedWaivers?: Set<WaiverEntry>;
  concurrency: number;
  /** Worker threads beside the main thread (./pool.ts); default none. */
  workers?: number;
  /** Called after each filing, for progress display. */
  onProgress?: (done: number, total: number) => void;
}

function summarise(findings: Finding[], missingDocuments: number): Summary {
  const s: Summary = { fail: 0, warn: 0, unknown: 0, pass: 0, info: 0, missingDocuments };
  for (const f of findings) {
    // An accepted finding is counted apart (the field appears only when a waiver accepted something).
    if (f.accepted) s.accepted = (s.accepted ?? 0) + 1;
    else s[f.status]++;
  }
  return s;
}

function verdictOf(summary: Summary): Verdict {
  if (summary.fail > 0 || summary.missingDocuments > 0) return 'blocked';
  if (summary.warn > 0 || summary.unknown > 0) return 'ready-with-warnings';
  return 'ready';
}

const rank = (s: Status) => STATUS_ORDER.indexOf(s);

/** Stable order: worst first, then by manifest position, then rule id. */
function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) => rank(a.status) - rank(b.status) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.rule.localeCompare(b.rule) || a.path.localeCompare(b.path),
  );
}

function render(raws: RawFinding[], lang: Lang, positions: Positions): Finding[] {
  const index = ruleIndex();
  return raws.map((r) => renderFinding(r, index.get(r.rule), lang, positions));
}

function invalid(file: string, raws: RawFinding[], lang: Lang, positions: Positions, province: string | null = null): FilingReport {
  const findings = sortFindings(render(raws, lang, positions));
  const summary = summarise(findings, 0);
  return { file, province, verdict: 'invalid', findings, documents: [], summary };
}

/** Runs a rule, turning an unexpected exception into a finding rather than a crash of the whole run. */
function runRule(rule: ReturnType<typeof codeRules>[number], ctx: CheckContext): RawFinding[] {
  try {
    return rule.check(ctx);
  } catch (err) {
    return [internalError(rule.id, err)];
  }
}

/** A check that threw: reported as `manifest/internal-error`, to confirm by hand (the words live in that rule). */
function internalError(check: string, err: unknown): RawFinding {
  const detail = err instanceof Error ? err.message : String(err);
  return { rule: 'manifest/internal-error', status: 'unknown', path: '', key: 'rule-error', args: { check, detail } };
}

/** A manifest that is not read from its file: standard input, or text or an object given to the Node API. */
export interface ManifestSource {
  /** Shown in the report; relative paths in the manifest are resolved from its folder. */
  file: string;
  load: () => Promise<LoadResult>;
}

const fileOf = (input: string | ManifestSource) => (typeof input === 'string' ? input : input.file);

export async function checkFiling(input: string | ManifestSource, options: RunOptions, sources: FactSources): Promise<FilingReport> {
  const file = fileOf(input);
  const loaded = await (typeof input === 'string' ? loadManifest(input) : input.load());
  if (!loaded.ok) return invalid(file, loaded.findings, options.lang, loaded.positions);
  const normalised = toFiling(loaded.manifest, file, manifestDir(file));
  if (!normalised.ok) return invalid(file, normalised.findings, options.lang, loaded.positions);
  const filing = normalised.filing;
  const facts = await gatherFacts(filing, sources);
  const approvedSuffixes = [...options.approvedSuffixes, ...(filing.manifest.settings?.approvedSuffixes ?? [])];
  const ctx: CheckContext = { filing, facts, options: { ...options, approvedSuffixes } };

  const evaluate = dayEvaluator(ctx);
  const today = evaluate(options.date);
  const { raws, documents } = today;
  const rendered = sortFindings(render(raws, options.lang, loaded.positions));
  // Waivers before folding: an entry naming a rule whose finding folds into another one still matches it
  // (it is not reported unused), and accepting the finding that stays accepts the ones folded into it.
  const waived = applyWaivers(rendered, filing.manifest.accept, options.accept ?? [], options.date, file);
  let findings = foldFindings(rendered);
  for (const w of waived.used) options.usedWaivers?.add(w);
  if (waived.raws.length > 0) findings = sortFindings([...findings, ...render(waived.raws, options.lang, loaded.positions)]);
  foldDocuments(findings, documents);
  anchorFindings(findings, loaded.positions);
  anchorDocuments(documents, loaded.positions);
  // A document whose given file is unusable is counted once, as the finding that reports it.
  const summary = summarise(findings, documents.filter((d) => d.required && !d.provided && !d.reportedBy).length);
  const report: FilingReport = { file, province: filing.province, verdict: verdictOf(summary), findings, documents, summary };
  Object.assign(
    report,
    validityOf(today, evaluate, options.lang, (r) => renderFinding(r, ruleIndex().get(r.rule), options.lang).message),
  );
  return report;
}

/** An evaluation's findings by rule, grouped once however many bisection steps start from it. */
const byRule = new WeakMap<Evaluation, Map<string, RawFinding[]>>();
function byRuleOf(e: Evaluation): Map<string, RawFinding[]> {
  let m = byRule.get(e);
  // Only the rules that read the date are ever taken from another day.
  const dated = e.dated;
  if (!m) byRule.set(e, (m = groupByRule(dated ? e.raws.filter((r) => dated.has(r.rule)) : e.raws)));
  return m;
}

type Demand = DocumentDemand & { rule: string };

/**
 * What the first day taught about a filing, in rule order: the findings of a rule that read no
 * date (the same on every day) and the rules that did read it, to run again on each later day.
 */
interface Plan {
  /** Facts' findings and code rules. */
  code: Array<RawFinding[] | CodeRule>;
  /** Data rules (all of them run again when the first day's data rules failed). */
  data: Array<RawFinding[] | LoadedRule>;
  /** Ids of the rules that read the date: only their findings differ from day to day. */
  dated: ReadonlySet<string>;
  /** The `documents[]` entries that reuse an order: the only part of the provided documents that depends on the date. */
  reuses: ManifestDocument[];
  /** Later days' documents, by what they depend on: the demands of the dated rules and the reuses accepted. */
  documents: Map<string, RequiredDocument[]>;
}

/** Between the days a filing is evaluated at: the plan, once the first day has made it. */
interface FilingState {
  plan?: Plan;
}

// Object.assign rather than `{ ...d, rule }`: adding a key to a spread copy is one of V8's slow paths.
const demandsOf = (raws: readonly RawFinding[]): Demand[] => raws.flatMap((r) => (r.documents ?? []).map((d) => Object.assign({}, d, { rule: r.rule })));

/** The required documents for these demands on `date`, sorted; a document whose file is missing or unreadable is not provided. */
function documentsFor(filing: CheckContext['filing'], facts: FilingFacts, demands: Demand[], date: string): RequiredDocument[] {
  const documents = mergeDocuments(filing, demands, date).sort((a, b) => a.kind.localeCompare(b.kind) || a.for.localeCompare(b.for));
  // A document whose file is missing or unreadable is not provided, whatever the manifest says.
  for (const d of documents) {
    if (!d.provided || !d.providedBy) continue;
    const image = facts.images.get(d.providedBy) ?? facts.images.get(`${d.providedBy}.file`);
    if (image && image.entry !== 'file') d.provided = false;
  }
  return documents;
}

/**
 * Evaluates one filing on the days asked, the first day first: the check's findings and documents
 * of that day. Later days follow the plan the first day made.
 */
export function dayEvaluator(ctx: CheckContext): EvaluateAt {
  const state: FilingState = {};
  return (date, only) => evaluateAt(ctx, ctx.facts, date, state, only);
}

/**
 * Everything `check` decides about a filing on one day: pure, so it can be re-run at other dates.
 * A rule that never read the date on the first run gives the same findings on every day: the
 * first run makes a plan of them, so later days run only the rules that did read it. With `only`,
 * the rules outside it are taken from `only.from`, a day on which they gave the same findings (bisection).
 */
function evaluateAt(base: CheckContext, facts: FilingFacts, date: string, state: FilingState, only?: PartialRun): Evaluation {
  if (state.plan) return evaluatePlanned(state.plan, base, facts, date, only);
  let code: Plan['code'] = [[...facts.findings]];
  const raws: RawFinding[] = [...facts.findings];
  // One context for every rule, whose date notes that it was read: rules run one at a time.
  let readDate = false;
  const options = Object.assign({}, base.options);
  Object.defineProperty(options, 'date', { enumerable: true, get: () => ((readDate = true), date) });
  const watched: CheckContext = { filing: base.filing, facts: base.facts, options };
  for (const rule of codeRules()) {
    readDate = false;
    const found = runRule(rule, watched);
    code.push(readDate ? rule : found);
    raws.push(...found);
  }
  // Data rules as the code rules above: one that read no date on the first day is not run again.
  const province = base.filing.province;
  const rules = bundledRegulations().rules.filter((rule) => rule.province === undefined || rule.province === province);
  let data: Plan['data'] = [];
  try {
    const found: RawFinding[] = [];
    for (const rule of rules) {
      const seen: DateReads = { date: false };
      const own = evaluateRule(rule, viewOf(base.filing), date, seen);
      data.push(seen.date ? rule : own);
      found.push(...own);
    }
    raws.push(...found);
  } catch (err) {
    raws.push(internalError('regulations', err));
    data = rules;
  }
  const dated = new Set<string>();
  for (const step of [...code, ...data]) if (!Array.isArray(step)) dated.add(step.id);
  // Fixed findings next to each other are copied as one list.
  const joined = <T>(steps: Array<RawFinding[] | T>): Array<RawFinding[] | T> => {
    const out: Array<RawFinding[] | T> = [];
    for (const step of steps) {
      const last = out[out.length - 1];
      if (Array.isArray(step) && Array.isArray(last)) last.push(...step);
      else out.push(Array.isArray(step) ? [...step] : step);
    }
    return out;
  };
  code = joined(code);
  data = joined(data);
  const reuses = base.filing.manifest.documents.filter((d) => d.reuse);
  state.plan = { code, data, dated, reuses, documents: new Map() };
  return { date, raws, documents: documentsFor(base.filing, facts, demandsOf(raws), date), dated };
}

/** A later day: the first day's findings of the rules that read no date, the others run again. */
function evaluatePlanned(plan: Plan, base: CheckContext, facts: FilingFacts, date: string, only?: PartialRun): Evaluation {
  const prior = only ? byRuleOf(only.from) : undefined;
  const ctx: CheckContext = { filing: base.filing, facts: base.facts, options: Object.assign({}, base.options, { date }) };
  const raws: RawFinding[] = [];
  // What the documents depend on besides the fixed findings: the findings of the rules run today.
  let key = '';
  const ran = (found: readonly RawFinding[]) => {
    for (const r of found) {
      raws.push(r);
      if (r.documents) for (const d of r.documents) key += `${r.rule.length}:${r.rule}${d.kind.length}:${d.kind}${d.for.length}:${d.for}`;
    }
    key += '\u0002';
  };
  for (const step of plan.code) {
    if (Array.isArray(step)) raws.push(...step);
    else ran(only && !only.rules.has(step.id) ? (prior?.get(step.id) ?? []) : runRule(step, ctx));
  }
  const settled = raws.length;
  const keyBefore = key;
  try {
    for (const step of plan.data) {
      if (Array.isArray(step)) raws.push(...step);
      else ran(only && !only.rules.has(step.id) ? (prior?.get(step.id) ?? []) : evaluateRule(step, viewOf(ctx.filing), date));
    }
  } catch (err) {
    raws.length = settled;
    key = `${keyBefore}\u0003`;
    ran([internalError('regulations', err)]);
  }
  for (const doc of plan.reuses) key += reuseProblems(ctx.filing, doc, date).length > 0 ? '0' : '1';
  let documents = plan.documents.get(key);
  if (!documents) plan.documents.set(key, (documents = documentsFor(ctx.filing, facts, demandsOf(raws), date)));
  return { date, raws, documents, dated: plan.dated };
}

/** The tool as every report names it. */
export const TOOL: Report['tool'] = { name: 'icp-check', version: VERSION, rulesDate: RULES_DATE };

/** How far ahead of the last filing handed on a check may start: the finished reports waiting are at most this many. */
const ORDER_WINDOW = 64;

/** The report without its filings: what is known once every filing is checked. */
export type ReportRest = Omit<Report, 'filings'>;

/**
 * Checks every filing, at most `concurrency` at once, handing each report to `onFiling` in input
 * order as soon as it is finished: nothing holds the reports of a run, however many filings it has.
 */
export async function checkEach(
  files: Array<string | ManifestSource>,
  runOptions: RunOptions,
  sources: FactSources,
  onFiling: (filing: FilingReport, index: number) => Promise<void> | void,
): Promise<ReportRest> {
  let done = 0;
  const options: RunOptions = { ...runOptions, usedWaivers: runOptions.usedWaivers ?? new Set() };
  const index = ruleIndex();
  const cited = new Set<string>();
  // Large batches of files use the other cores too; manifests given as text, and OCR, stay on the main thread.
  const threads = sources.ocr || files.some((f) => typeof f !== 'string') ? 0 : workersFor(options.workers);
  const pool = threads > 0 ? new WorkerPool(threads, options, sources) : undefined;
  const checkOne = async (file: string | ManifestSource): Promise<FilingReport> => {
    // Each worker takes as many filings at once as the main thread would; the main thread checks the rest.
    if (pool && typeof file === 'string' && pool.leastBusy < options.concurrency) {
      // A worker that ends (out of memory, killed) hands its filings back: they are checked here.
      const r = await pool.check(file).catch((err: unknown) => (err instanceof WorkerLost ? undefined : Promise.reject(err)));
      if (r) return r;
    }
    // A turn of the event loop first: the workers' replies and lookups are not kept waiting behind a run of local checks.
    if (pool) await new Promise((resolve) => setImmediate(resolve));
    return checkFiling(file, options, sources);
  };
  const one = async (file: string | ManifestSource) => {
    const r = await checkOne(file).catch((err: unknown) =>
      // One filing that icp-check fails on never stops the others.
      invalid(
        fileOf(file),
        [{ rule: 'manifest/internal-error', status: 'fail', path: '', args: { detail: err instanceof Error ? err.message : String(err) } }],
        options.lang,
        Positions.none(),
      ),
    );
    options.onProgress?.(++done, files.length);
    return r;
  };
  const atOnce = options.concurrency * (threads + 1);
  try {
    await eachInOrder(files, atOnce, Math.max(ORDER_WINDOW, 4 * atOnce), one, (filing, i) => {
      for (const x of filing.findings) cited.add(x.source);
      for (const d of filing.documents) for (const r of d.rules) cited.add(index.get(r)?.source ?? '');
      return onFiling(filing, i);
    });
  } finally {
    await pool?.close();
  }
  const rest: ReportRest = { tool: { ...TOOL }, date: options.date, sources: sourcesCited(cited, options.lang) };
  const unused = (options.accept ?? []).filter((w) => !options.usedWaivers!.has(w));
  if (unused.length > 0) rest.unusedWaivers = unused.map(unusedWaiver);
  return rest;
}

/** Every filing's report, in input order, in one report. */
export async function checkFiles(files: Array<string | ManifestSource>, runOptions: RunOptions, sources: FactSources): Promise<Report> {
  const filings: FilingReport[] = [];
  const { tool, date, ...rest } = await checkEach(files, runOptions, sources, (f) => {
    filings.push(f);
  });
  return { tool, date, filings, ...rest };
}

/** 0 every filing ready; 1 a blocking finding or missing document (or a warning under --strict); 2 an invalid manifest. */
export function exitCodeOf(report: Pick<Report, 'filings'>, strict: boolean): 0 | 1 | 2 {
  let code: 0 | 1 | 2 = 0;
  for (const f of report.filings) {
    if (f.verdict === 'invalid') return 2;
    if (f.verdict === 'blocked' || (strict && f.verdict === 'ready-with-warnings')) code = 1;
  }
  return code;
}

export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, path.resolve(file));
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}
