// Words come last: a raw finding (rule id, message key, typed arguments) and its rule's texts
// become a finding in one language. Every template is filled by the catalogue's one `interpolate`.
import type { Finding, Lang, RawFinding } from '../model.js';
import type { Positions } from '../manifest/load.js';
import type { RuleMeta } from '../rules/types.js';
import { interpolate, message } from './catalogue/index.js';

export { interpolate } from './catalogue/index.js';

export function renderFinding(raw: RawFinding, rule: RuleMeta | undefined, lang: Lang, positions?: Positions): Finding {
  let text: string;
  let fix: string | undefined;
  const entry = rule?.messages[raw.key ?? raw.status] ?? rule?.messages[raw.status];
  if (entry) {
    text = interpolate(entry.message[lang], raw.args, lang);
    // A passing finding carries no fix: its template is not filled.
    fix = entry.fix && raw.status !== 'pass' ? interpolate(entry.fix[lang], raw.args, lang) : undefined;
  } else {
    const title = rule ? rule.title[lang] : raw.rule;
    text = message(raw.status === 'pass' ? 'finding.pass' : 'finding.other', { title }, lang);
  }
  // A finding about one website, person or domain names it when its words do not.
  const about = raw.args?.subject ?? raw.args?.domain;
  const subject = typeof about === 'string' && about !== '' ? about : undefined;
  if (subject && !text.includes(subject)) text = message('finding.about', { text, subject }, lang);
  // A province rule about the whole filing points at the `province:` line, which is what brought it in.
  const anchor = raw.path || (raw.rule.startsWith('province/') ? 'province' : '');
  const pos = raw.line !== undefined ? { line: raw.line, column: raw.column ?? 1 } : anchor ? positions?.of(anchor) : undefined;
  const finding: Finding = {
    rule: raw.rule,
    status: raw.status,
    path: raw.path,
    message: text,
    source: rule?.source ?? '',
  };
  if (fix && raw.status !== 'pass') finding.fix = fix;
  if (subject) finding.subject = subject;
  if (raw.documents?.length) finding.documents = [...new Set(raw.documents.map((d) => d.kind))];
  if (pos) {
    finding.line = pos.line;
    finding.column = pos.column;
  }
  return finding;
}
