// Words come last: a raw finding and its rule's catalogue become a finding in one language.
import type { Args, Finding, Lang, RawFinding, Text } from '../model.js';
import type { Positions } from '../manifest/load.js';
import type { RuleMeta } from '../rules/types.js';
import { stripControl } from './sanitize.js';

export function interpolate(template: string, args: Args | undefined): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = args?.[name];
    return v === undefined ? whole : stripControl(String(v));
  });
}

const GENERIC: Record<string, Text> = {
  pass: { en: 'Passed: {title}', zh: '通过：{title}' },
  other: { en: '{title}', zh: '{title}' },
};

export function renderFinding(raw: RawFinding, rule: RuleMeta | undefined, lang: Lang, positions?: Positions): Finding {
  let message: string;
  let fix: string | undefined;
  if (raw.text) {
    message = stripControl(raw.text.message[lang]);
    fix = raw.text.fix ? stripControl(raw.text.fix[lang]) : undefined;
  } else {
    const entry = rule?.messages[raw.key ?? raw.status] ?? rule?.messages[raw.status];
    const title = rule ? rule.title[lang] : raw.rule;
    if (entry) {
      message = interpolate(entry.message[lang], raw.args);
      fix = entry.fix ? interpolate(entry.fix[lang], raw.args) : undefined;
    } else {
      message = interpolate((GENERIC[raw.status] ?? GENERIC.other!)[lang], { title });
    }
  }
  // A province rule about the whole filing points at the `province:` line, which is what brought it in.
  const anchor = raw.path || (raw.rule.startsWith('province/') ? 'province' : '');
  const pos = raw.line !== undefined ? { line: raw.line, column: raw.column ?? 1 } : anchor ? positions?.of(anchor) : undefined;
  const finding: Finding = {
    rule: raw.rule,
    status: raw.status,
    path: raw.path,
    message,
    source: rule?.source ?? '',
  };
  if (fix && raw.status !== 'pass') finding.fix = fix;
  if (raw.documents?.length) finding.documents = [...new Set(raw.documents.map((d) => d.kind))];
  if (pos) {
    finding.line = pos.line;
    finding.column = pos.column;
  }
  return finding;
}
