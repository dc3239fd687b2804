// `icp-check rules [--province <p>]`: every bundled rule with its id, outcome, documents and
// source, so a filer can see what a province demands before writing a manifest.
import { Command, Option } from 'commander';
import type { Lang } from '../model.js';
import type { RuleMeta } from '../rules/types.js';
import { allRuleMetas } from '../rules/registry.js';
import { normaliseProvince, acceptedProvinceForms, type ProvinceSlug } from '../manifest/provinces.js';
import { bundledRegulations, type LoadedRule } from '../regulations/index.js';
import type { Condition } from '../regulations/schema.js';
import { stripControl } from '../report/sanitize.js';
import { message } from '../report/catalogue/index.js';
import { nameOf } from '../report/catalogue/names.js';
import { citationText } from '../report/sources.js';

export const RULES_FORMATS = ['pretty', 'json', 'markdown'] as const;
export type RulesFormat = (typeof RULES_FORMATS)[number];

export interface RuleRow {
  id: string;
  province: string | null;
  source: string;
  title: string;
  /** The status a data rule gives when it fires; the message keys of a code rule. */
  outcome: string;
  /** What the rule is evaluated for: filing, website, person, domain (data rules). */
  for?: string;
  when?: string;
  require?: string;
  documents: string[];
}

const CMP: Record<string, string> = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' };

/** A condition in one line: `entityType in [enterprise] and prefixesUnderSubject ≥ 32`. */
export function describeCondition(c: Condition): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(c)) {
    if (value === undefined) continue;
    if (key === 'all') parts.push(`(${(value as Condition[]).map(describeCondition).join(' and ')})`);
    else if (key === 'any') parts.push(`(${(value as Condition[]).map(describeCondition).join(' or ')})`);
    else if (key === 'not') parts.push(`not (${describeCondition(value as Condition)})`);
    else if (Array.isArray(value)) parts.push(`${key} in [${value.join(', ')}]`);
    else if (key === 'keywords') {
      const k = value as { in: string[]; any: string[] };
      parts.push(`keywords in ${k.in.join('/')} (${k.any.length} words)`);
    } else if (typeof value === 'object' && value !== null)
      parts.push(
        Object.entries(value)
          .filter(([, v]) => v !== undefined)
          .map(([op, v]) => `${key} ${CMP[op] ?? op} ${v}`)
          .join(' and '),
      );
    else if (typeof value === 'boolean') parts.push(value ? key : `not ${key}`);
    else parts.push(`${key} ~ /${String(value)}/`);
  }
  return parts.join(' and ');
}

function dataRow(meta: RuleMeta, rule: LoadedRule, lang: Lang): RuleRow {
  return {
    id: rule.id,
    province: rule.province ?? null,
    source: rule.source,
    title: meta.title[lang],
    outcome: rule.status,
    for: rule.for,
    ...(rule.when ? { when: describeCondition(rule.when) } : {}),
    ...(rule.require ? { require: describeCondition(rule.require) } : {}),
    documents: rule.documents.map((d) => `${d.kind} (${d.for})`),
  };
}

/** Rows for the given metadata: a province's rules and the general ones, or all. */
export function ruleRows(metas: RuleMeta[], lang: Lang, province?: ProvinceSlug): RuleRow[] {
  const data = bundledRegulations().byId;
  return metas
    .filter((m) => province === undefined || m.province === undefined || m.province === province)
    .map((m) => {
      const rule = data.get(m.id);
      if (rule) return dataRow(m, rule, lang);
      return {
        id: m.id,
        province: m.province ?? null,
        source: m.source,
        title: m.title[lang],
        outcome: Object.keys(m.messages).join('|'),
        documents: [],
      };
    })
    .sort((a, b) => (a.province ?? '').localeCompare(b.province ?? '') || a.id.localeCompare(b.id));
}

function groupName(province: string | null, lang: Lang): string {
  if (province === null) return message('rules.general', undefined, lang);
  return nameOf('province', province, lang);
}

function groups(rows: RuleRow[]): Map<string | null, RuleRow[]> {
  const out = new Map<string | null, RuleRow[]>();
  for (const r of rows) out.set(r.province, [...(out.get(r.province) ?? []), r]);
  return out;
}

export function renderRules(rows: RuleRow[], format: RulesFormat, lang: Lang): string {
  const w = (key: 'when' | 'require' | 'documents' | 'outcome' | 'source' | 'title') => message(`rules.${key}`, undefined, lang);
  const words = { when: w('when'), require: w('require'), documents: w('documents'), total: (n: number, p: number) => message('rules.total', { n, p }, lang) };
  const provinces = new Set(rows.flatMap((r) => (r.province ? [r.province] : []))).size;
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const lines: string[] = [];
  if (format === 'markdown') {
    const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
    for (const [province, list] of groups(rows)) {
      lines.push(
        `## ${groupName(province, lang)}`,
        '',
        `| id | ${w('outcome')} | ${words.when} | ${words.documents} | ${w('source')} | ${w('title')} |`,
        '| --- | --- | --- | --- | --- | --- |',
      );
      for (const r of list) {
        const cond = [r.when, r.require ? `${words.require}: ${r.require}` : undefined].filter(Boolean).join('; ');
        lines.push(`| \`${r.id}\` | ${r.outcome} | ${cell(cond)} | ${cell(r.documents.join(', '))} | ${cell(citationText(r.source, lang))} | ${cell(r.title)} |`);
      }
      lines.push('');
    }
    lines.push(words.total(rows.length, provinces));
    return `${lines.join('\n')}\n`;
  }
  for (const [province, list] of groups(rows)) {
    lines.push(`${groupName(province, lang)}`);
    for (const r of list) {
      lines.push(`  ${r.id}  [${r.outcome}]  ${citationText(r.source, lang)}`, `    ${r.title}`);
      if (r.when) lines.push(`    ${words.when}: ${r.when}`);
      if (r.require) lines.push(`    ${words.require}: ${r.require}`);
      if (r.documents.length) lines.push(`    ${words.documents}: ${r.documents.join(', ')}`);
    }
    lines.push('');
  }
  lines.push(words.total(rows.length, provinces));
  return `${lines.join('\n')}\n`;
}

export function rulesCommand(setExitCode?: (code: number) => void): Command {
  return new Command('rules')
    .description('list the bundled rules with their outcome, documents and source')
    .option('-p, --province <province>', 'only this province (any spelling: guangdong, 广东, 44, GD) and the general rules')
    .addOption(new Option('-f, --format <format>', 'output format').choices(RULES_FORMATS).default('pretty'))
    .addOption(new Option('--lang <lang>', 'language of titles').choices(['en', 'zh']).default('en'))
    .action((opts: { province?: string; format: RulesFormat; lang: Lang }) => {
      let province: ProvinceSlug | undefined;
      if (opts.province !== undefined) {
        province = normaliseProvince(opts.province);
        if (!province) {
          process.stderr.write(`icp-check: unknown province "${stripControl(opts.province)}"; accepted: ${acceptedProvinceForms()}\n`);
          process.exitCode = 2;
          setExitCode?.(2);
          return;
        }
      }
      process.stdout.write(renderRules(ruleRows(allRuleMetas(), opts.lang, province), opts.format, opts.lang));
    });
}
