// How the machine formats read a filing: findings grouped by rule, which statuses fail under
// `--strict`, and file paths relative to the working folder with forward slashes.
import path from 'node:path';
import { STATUS_ORDER, type Finding, type FilingReport, type Status } from '../../model.js';
import { cleanText } from './outside-text.js';

/** A status that fails the run: `fail`, and under `--strict` also `warn` and `unknown`. */
export function isFailing(status: Status, strict: boolean | undefined): boolean {
  return status === 'fail' || (strict === true && (status === 'warn' || status === 'unknown'));
}

export interface RuleGroup {
  rule: string;
  findings: Finding[];
  /** The most severe status among the findings (STATUS_ORDER). */
  worst: Status;
}

export function worstStatus(findings: readonly Finding[]): Status {
  let best = STATUS_ORDER.length - 1;
  for (const f of findings) best = Math.min(best, STATUS_ORDER.indexOf(f.status));
  return STATUS_ORDER[best] ?? 'pass';
}

/** Findings grouped by rule id, groups sorted by id so output is stable. */
export function groupByRule(findings: readonly Finding[]): RuleGroup[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byRule.get(f.rule);
    if (list) list.push(f);
    else byRule.set(f.rule, [f]);
  }
  return [...byRule.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([rule, list]) => ({ rule, findings: sortFindings(list), worst: worstStatus(list) }));
}

/** Severity first, then position in the manifest, then path. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

/** The filing's file relative to `cwd`, with `/` separators (CI systems expect repository paths), cleaned for display. */
export function relativeFile(filing: Pick<FilingReport, 'file'>, cwd: string): string {
  const rel = path.relative(cwd, path.resolve(cwd, filing.file));
  return cleanText((rel === '' ? path.basename(filing.file) : rel).split(path.sep).join('/'));
}

/** `line:column`, `line`, or '' when the position is unknown. */
export function positionText(f: Pick<Finding, 'line' | 'column'>): string {
  if (f.line === undefined) return '';
  return f.column === undefined ? `${f.line}` : `${f.line}:${f.column}`;
}

/** The filing's file relative to the repository root (`ctx.root`), for SARIF and GitHub annotations. */
export function repositoryFile(filing: Pick<FilingReport, 'file'>, ctx: { cwd: string; root?: string }): string {
  const abs = path.resolve(ctx.cwd, filing.file);
  const rel = path.relative(ctx.root ?? ctx.cwd, abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return relativeFile(filing, ctx.cwd);
  return cleanText(rel.split(path.sep).join('/'));
}
