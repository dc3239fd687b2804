// The Node API (`import { check } from 'icp-check'`): the checks the command line runs, for
// scripts and other tools. `check` returns the report object of `--format json`; the command line
// is this module plus option parsing, a formatter and the exit code.
import path from 'node:path';
import type { Finding, Lang, Report } from './model.js';
import { exitCodeOf } from './check/run.js';
import { runCheck } from './check/check-run.js';
import type { CheckInput, CheckOptions } from './check/check-options.js';
import { loadManifest as loadManifestFile } from './manifest/load.js';
import type { Manifest } from './manifest/schema.js';
import { allRuleMetas, ruleIndex } from './rules/registry.js';
import { renderFinding } from './report/render.js';
import { FORMATTERS } from './report/formats/index.js';
import type { FormatContext } from './report/formats/context.js';
import { lookupRule, renderExplain } from './commands/explain.js';
import { UsageError } from './errors.js';
import { VERSION } from './version.js';

export type { Args, DocumentDemand, FilingReport, Finding, Lang, Report, RequiredDocument, Status, Summary, Verdict } from './model.js';
export type { Manifest } from './manifest/schema.js';
export type { CheckInput, CheckOptions, ManifestInput, Shard } from './check/check-options.js';
export { UsageError, VERSION };

/** The output formats of `--format`. */
export const FORMATS = ['pretty', 'json', 'junit', 'sarif', 'github', 'markdown'] as const satisfies ReadonlyArray<keyof typeof FORMATTERS>;
export type Format = (typeof FORMATS)[number];

/**
 * Checks filings: manifest files, folders of manifests, globs, or manifests given as text or objects.
 * Returns the report of `--format json` (CONTRACT.md "The JSON report").
 */
export async function check(inputs: CheckInput | CheckInput[], options: CheckOptions = {}): Promise<Report> {
  return (await runCheck(inputs, options)).report;
}

/** 0 every filing ready; 1 something blocks a filing (or, under `strict`, a warning); 2 an invalid manifest. */
export function exitCode(report: Report, options: { strict?: boolean } = {}): 0 | 1 | 2 {
  return exitCodeOf(report, options.strict ?? false);
}

export type LoadedManifest = { ok: true; manifest: Manifest } | { ok: false; findings: Finding[] };

/** Reads and validates one manifest file; problems come back as findings with their line and column. */
export async function loadManifest(file: string, options: { lang?: Lang } = {}): Promise<LoadedManifest> {
  const loaded = await loadManifestFile(file);
  if (loaded.ok) return { ok: true, manifest: loaded.manifest };
  const index = ruleIndex();
  return { ok: false, findings: loaded.findings.map((r) => renderFinding(r, index.get(r.rule), options.lang ?? 'en', loaded.positions)) };
}

export interface RuleInfo {
  id: string;
  /** The province a `province/<slug>/…` rule belongs to, else null. */
  province: string | null;
  source: string;
  title: string;
  explain: string;
  quote?: string;
}

/** Every rule icp-check knows, sorted by id. */
export function rules(options: { lang?: Lang } = {}): RuleInfo[] {
  const lang = options.lang ?? 'en';
  return allRuleMetas()
    .map((m) => ({
      id: m.id,
      province: m.province ?? null,
      source: m.source,
      title: m.title[lang],
      explain: m.explain[lang],
      ...(m.quote ? { quote: m.quote } : {}),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** What `icp-check explain <id>` prints; throws UsageError naming close ids for an unknown one. */
export function explain(id: string, options: { lang?: Lang } = {}): string {
  const found = lookupRule(id);
  if (!('meta' in found)) throw new UsageError(`no rule "${id}"${found.close.length ? `; did you mean: ${found.close.join(', ')}?` : ''}`);
  return renderExplain(found.meta, options.lang ?? 'en');
}

export interface FormatOptions {
  lang?: Lang;
  /** File paths are shown relative to this folder; default `process.cwd()`. */
  cwd?: string;
  strict?: boolean;
  color?: boolean;
  quiet?: boolean;
}

/** A report in one of the command line's formats (`pretty`, `json`, `junit`, `sarif`, `github`, `markdown`). */
export function formatReport(report: Report, format: Format, options: FormatOptions = {}): string {
  const formatter = FORMATS.includes(format) ? FORMATTERS[format] : undefined;
  if (!formatter) throw new UsageError(`unknown format "${format}"; one of ${FORMATS.join(', ')}`);
  const ctx: FormatContext = {
    lang: options.lang ?? 'en',
    rules: ruleIndex(),
    cwd: path.resolve(options.cwd ?? process.cwd()),
    strict: options.strict ?? false,
    color: options.color ?? false,
    quiet: options.quiet ?? false,
  };
  return formatter(report, ctx);
}
