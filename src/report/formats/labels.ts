// Words the machine formats and the client report share: verdicts and statuses, from the catalogue
// (document kinds are named in ../catalogue/names.ts).
import type { Lang, Status, Verdict } from '../../model.js';
import { message } from '../catalogue/index.js';

export function verdictLabel(verdict: Verdict, lang: Lang): string {
  return message(`verdictLabel.${verdict}`, undefined, lang);
}

export function statusLabel(status: Status, lang: Lang): string {
  return message(`status.${status}`, undefined, lang);
}
