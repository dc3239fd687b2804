// Words the machine formats and the client report share: verdicts and statuses in both
// languages of the product (document kinds are named in ../document-kinds.ts).
import type { Lang, Status, Text, Verdict } from '../../model.js';

const VERDICTS: Record<Verdict, Text> = {
  ready: { en: 'ready', zh: '可以提交' },
  'ready-with-warnings': { en: 'ready with warnings', zh: '可以提交（有提醒）' },
  blocked: { en: 'blocked', zh: '需先处理' },
  invalid: { en: 'invalid', zh: '清单无效' },
};

const STATUSES: Record<Status, Text> = {
  fail: { en: 'fail', zh: '不通过' },
  warn: { en: 'warning', zh: '提醒' },
  unknown: { en: 'to confirm', zh: '待确认' },
  info: { en: 'note', zh: '说明' },
  pass: { en: 'pass', zh: '通过' },
};

export function verdictLabel(verdict: Verdict, lang: Lang): string {
  return VERDICTS[verdict]?.[lang] ?? verdict;
}

export function statusLabel(status: Status, lang: Lang): string {
  return STATUSES[status]?.[lang] ?? status;
}
