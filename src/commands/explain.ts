// `icp-check explain <rule-id>`: what a rule checks and why, the fix, and the seed passage it
// encodes, quoted; an unknown id exits 2 with the closest ids.
import { Command, Option } from 'commander';
import type { Lang } from '../model.js';
import type { RuleMeta } from '../rules/types.js';
import { allRuleMetas } from '../rules/registry.js';
import { message } from '../report/catalogue/index.js';
import { nameOf } from '../report/catalogue/names.js';
import { citationText, citationsOf, sourceKeyOf, sourceLine } from '../report/sources.js';
import { bundledRegulations } from '../regulations/index.js';
import { describeCondition } from './rules.js';
import { stripControl } from '../report/sanitize.js';

/** Edit distance, for suggesting ids close to a mistyped one. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** Up to five ids close to `id`: containing it, sharing its last segment, or a few edits away. */
export function closeIds(id: string, ids: string[]): string[] {
  const wanted = id.toLowerCase();
  const last = wanted.split('/').pop() ?? wanted;
  return ids
    .map((candidate) => {
      const c = candidate.toLowerCase();
      let score = distance(wanted, c);
      if (c.includes(wanted) || c.endsWith(`/${last}`)) score = Math.min(score, 1);
      return { candidate, score };
    })
    .filter((x) => x.score <= Math.max(3, Math.floor(wanted.length / 3)))
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, 5)
    .map((x) => x.candidate);
}

export function renderExplain(meta: RuleMeta, lang: Lang): string {
  const colon = message('explain.colon', undefined, lang);
  const w = (key: 'source' | 'quote' | 'fix' | 'when' | 'require' | 'documents' | 'province' | 'outcome') => message(`explain.${key}`, undefined, lang);
  const rule = bundledRegulations().byId.get(meta.id);
  const lines = [`${meta.id}`, `${meta.title[lang]}`, '', meta.explain[lang], ''];
  if (meta.province) {
    lines.push(`${w('province')}${colon}${nameOf('province', meta.province, lang)}`);
  }
  if (rule) {
    lines.push(`${w('outcome')}${colon}${message(`status.${rule.status}`, undefined, lang)} (${message(`scope.${rule.for}`, undefined, lang)})`);
    if (rule.when) lines.push(`${w('when')}${colon}${describeCondition(rule.when)}`);
    if (rule.require) lines.push(`${w('require')}${colon}${describeCondition(rule.require)}`);
    if (rule.documents.length) {
      const docs = rule.documents.map((d) =>
        message('explain.document', { name: { name: 'documentKind', value: d.kind }, kind: d.kind, for: message(`holder.${d.for}`, undefined, lang) }, lang),
      );
      lines.push(`${w('documents')}${colon}${docs.join(message('list.separator', undefined, lang))}`);
    }
  }
  const fixes = [...new Set(Object.values(meta.messages).flatMap((m) => (m.fix ? [m.fix[lang]] : [])))];
  for (const fix of fixes) lines.push(`${w('fix')}${colon}${fix}`);
  lines.push(`${w('source')}${colon}${citationText(meta.source, lang)}`);
  // Each cited source by its title, publisher, date and address (regulations/sources.yaml).
  for (const key of new Set(citationsOf(meta.source).map(sourceKeyOf))) {
    const line = key ? sourceLine(key, lang) : undefined;
    if (line) lines.push(`  ${key}: ${line}`);
  }
  if (meta.quote) lines.push('', `${w('quote')}${colon}`.trimEnd(), ...meta.quote.split('\n').map((l) => (l.trim() ? `  > ${l.replace(/\t/g, ' | ')}` : '  >')));
  return `${lines.join('\n')}\n`;
}

/** The rule with this id, or the ids close to it: one lookup for the command and the Node API. */
export function lookupRule(id: string): { meta: RuleMeta } | { close: string[] } {
  const metas = allRuleMetas();
  const meta = metas.find((m) => m.id === id.trim());
  if (meta) return { meta };
  return {
    close: closeIds(
      id.trim(),
      metas.map((m) => m.id),
    ),
  };
}

export function explainCommand(setExitCode?: (code: number) => void): Command {
  return new Command('explain')
    .description('what a rule checks, why, how to satisfy it, and the source text')
    .argument('<rule-id>', 'a rule id, e.g. province/guangdong/website-construction-plan')
    .addOption(new Option('--lang <lang>', 'language').choices(['en', 'zh']).default('en'))
    .action((id: string, opts: { lang: Lang }) => {
      const found = lookupRule(id);
      if (!('meta' in found)) {
        const { close } = found;
        const hint = close.length ? `; did you mean: ${close.join(', ')}?` : '; `icp-check rules` lists every id';
        process.stderr.write(`icp-check: no rule "${stripControl(id)}"${hint}\n`);
        process.exitCode = 2;
        setExitCode?.(2);
        return;
      }
      process.stdout.write(renderExplain(found.meta, opts.lang));
    });
}
