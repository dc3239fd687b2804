// Waivers: a finding that an `accept:` entry names (rule, optionally a manifest path or a file glob)
// is marked accepted and stops blocking, until the entry's date. After that date the entry is itself
// a failure; an entry that matches nothing is reported, like ESLint's unused disable directives.
import path from 'node:path';
import type { Finding, RawFinding, UnusedWaiver } from '../model.js';
import type { RuleMeta } from '../rules/types.js';
import type { WaiverEntry } from '../config/merge.js';
import type { Waiver } from './schema.js';

const SOURCE = 'icp-check README: waivers (accept:)';

export const waiverRules: RuleMeta[] = [
  {
    id: 'manifest/accept-expired',
    source: SOURCE,
    title: { en: 'Waivers are within their date', zh: '豁免在有效期内' },
    explain: {
      en: 'An `accept:` entry (in the manifest or icp-check.config.yaml) accepts a finding with a reason until a date. After that date it accepts nothing and fails, so that an accepted problem is looked at again.',
      zh: '`accept:` 条目（在备案资料文件或 icp-check.config.yaml 中）以理由和截止日期接受某项检查结果。过了截止日期即不再接受，并作为不通过项报告，以便重新审视该问题。',
    },
    messages: {
      fail: {
        message: { en: 'The waiver of {rule} ({entry}) expired on {until}: {reason}', zh: '对 {rule} 的豁免（{entry}）已于 {until} 到期：{reason}' },
        fix: {
          en: 'Fix what the waiver accepted, or, if the reason still holds, set a new `until` date.',
          zh: '请处理该豁免所接受的问题；如理由仍然成立，请设置新的 `until` 日期。',
        },
      },
      at: {
        message: { en: 'The waiver of {rule} at {at} ({entry}) expired on {until}: {reason}', zh: '对 {at} 处 {rule} 的豁免（{entry}）已于 {until} 到期：{reason}' },
        fix: {
          en: 'Fix what the waiver accepted, or, if the reason still holds, set a new `until` date.',
          zh: '请处理该豁免所接受的问题；如理由仍然成立，请设置新的 `until` 日期。',
        },
      },
    },
  },
  {
    id: 'manifest/accept-unused',
    source: SOURCE,
    title: { en: 'Every waiver matches a finding', zh: '每条豁免都对应检查结果' },
    explain: {
      en: 'An `accept:` entry that matches no failure, warning or point to confirm accepts nothing: the problem was fixed, or the rule id or path is mistyped. Remove or correct it.',
      zh: '`accept:` 条目若没有对应任何不通过、警告或待确认项，则不起作用：问题可能已处理，或规则 ID、路径写错。请删除或更正。',
    },
    messages: {
      warn: {
        message: { en: 'The waiver of {rule} ({entry}) matches no finding.', zh: '对 {rule} 的豁免（{entry}）没有对应的检查结果。' },
        fix: { en: 'Remove the entry, or correct its rule id or path.', zh: '请删除该条目，或更正其规则 ID 或路径。' },
      },
      at: {
        message: { en: 'The waiver of {rule} at {at} ({entry}) matches no finding.', zh: '对 {at} 处 {rule} 的豁免（{entry}）没有对应的检查结果。' },
        fix: { en: 'Remove the entry, or correct its rule id or path.', zh: '请删除该条目，或更正其规则 ID 或路径。' },
      },
    },
  },
];

/** A glob (`**`, `*`, `?`, `{a,b}`) as a regular expression over `/`-separated paths. */
export function globRegExp(glob: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) re += '|';
    else re += c.replace(/[.+^$(){}|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function ruleMatches(pattern: string, rule: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('/*')) return rule.startsWith(pattern.slice(0, -1));
  return pattern === rule;
}

function pathMatches(waiverPath: string | undefined, findingPath: string): boolean {
  if (waiverPath === undefined) return true;
  return findingPath === waiverPath || findingPath.startsWith(`${waiverPath}.`) || findingPath.startsWith(`${waiverPath}[`);
}

/** Whether a config waiver's `files` glob (relative to its folder) takes in this manifest. */
export function inScope(w: WaiverEntry, file: string): boolean {
  if (w.files === undefined) return true;
  const rel = path
    .relative(w.dir ?? process.cwd(), path.resolve(file))
    .split(path.sep)
    .join('/');
  return globRegExp(w.files.replace(/^\.\//, '')).test(rel);
}

const ACCEPTABLE = new Set(['fail', 'warn', 'unknown']);

function entryName(w: WaiverEntry): string {
  return w.source === 'config' && w.file ? `${path.basename(w.file)}: accept[${w.index}]` : `accept[${w.index}]`;
}

function waiverFinding(rule: string, status: 'fail' | 'warn', where: string, w: WaiverEntry): RawFinding {
  const args = { rule: w.rule, entry: entryName(w), until: w.until, reason: w.reason, ...(w.path ? { at: w.path } : {}) };
  return { rule, status, path: where, args, ...(w.path ? { key: 'at' } : {}) };
}

export interface WaiverOutcome {
  /** Findings about the waivers themselves (expired, unused manifest entries), to render with the others. */
  raws: RawFinding[];
  /** Config waivers that accepted or would have accepted something here. */
  used: Set<WaiverEntry>;
}

/**
 * Marks the findings the filing's waivers accept (in place) and returns the findings about the waivers.
 * `manifestAccept` are the filing's own entries; `configAccept` those of the config in scope for it.
 */
export function applyWaivers(findings: Finding[], manifestAccept: Waiver[], configAccept: WaiverEntry[], date: string, file: string): WaiverOutcome {
  const entries: WaiverEntry[] = [...manifestAccept.map((w, index) => ({ ...w, source: 'manifest' as const, index })), ...configAccept.filter((w) => inScope(w, file))];
  const raws: RawFinding[] = [];
  const used = new Set<WaiverEntry>();
  const matched = new Map<WaiverEntry, Finding[]>();
  for (const f of findings) {
    if (!ACCEPTABLE.has(f.status) || f.accepted) continue;
    for (const w of entries) {
      if (!ruleMatches(w.rule, f.rule) || !pathMatches(w.path, f.path)) continue;
      matched.set(w, [...(matched.get(w) ?? []), f]);
      if (w.until >= date) {
        f.accepted = { reason: w.reason, until: w.until, source: w.source, entry: entryName(w) };
        break;
      }
    }
  }
  for (const w of entries) {
    const hits = matched.get(w) ?? [];
    if (hits.length > 0 && w.source === 'config') used.add(w);
    const expired = w.until < date;
    if (w.source === 'manifest') {
      const where = `accept[${w.index}]`;
      if (expired) raws.push(waiverFinding('manifest/accept-expired', 'fail', where, w));
      else if (hits.length === 0) raws.push(waiverFinding('manifest/accept-unused', 'warn', where, w));
    } else if (expired) {
      // A config waiver fails where it would have accepted something, at that finding's place.
      for (const f of hits) raws.push(waiverFinding('manifest/accept-expired', 'fail', f.path, w));
    }
  }
  return { raws, used };
}

/** A config waiver that matched nothing, as the report lists it. */
export function unusedWaiver(w: WaiverEntry): UnusedWaiver {
  return {
    rule: w.rule,
    ...(w.path ? { path: w.path } : {}),
    ...(w.files ? { files: w.files } : {}),
    reason: w.reason,
    until: w.until,
    entry: w.file ? `${w.file}: accept[${w.index}]` : `accept[${w.index}]`,
  };
}
