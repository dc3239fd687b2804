// How long a checked filing stays good, and from which day it may be submitted: `submitFrom` and
// `readyUntil` of every filing in the report.
//
// The dates come from re-running the same pure evaluation `check` applies at later days and noting
// the first day a finding gets worse (or better), so every threshold stays in regulations/ and in the
// rules, and a rule that starts to depend on the date later is covered without a change here.
import type { FilingReport, Lang, RawFinding, ReadyUntil, RequiredDocument, Status, SubmitFrom } from '../model.js';
import { addDays, daysBetween } from '../facts/dates.js';
import { documentKindName } from './document-kinds.js';

/** What `check` decides about a filing on one day. */
export interface Evaluation {
  date: string;
  raws: RawFinding[];
  documents: RequiredDocument[];
}

/** How far ahead to look: ten years covers every subscription, ID card and domain term in practice. */
export const HORIZON_DAYS = 3653;

/**
 * Days probed before bisecting: daily for a week, weekly for a year, then every 30 days. A change is
 * found to the exact day by bisection; only a change that reverts between two probes could be missed.
 */
export function probeOffsets(horizon = HORIZON_DAYS): number[] {
  const out: number[] = [];
  for (let d = 1; d <= Math.min(7, horizon); d++) out.push(d);
  for (let d = 14; d <= Math.min(371, horizon); d += 7) out.push(d);
  for (let d = 401; d <= horizon; d += 30) out.push(d);
  if (out[out.length - 1] !== horizon) out.push(horizon);
  return out;
}

const SEVERITY: Record<Status, number> = { fail: 3, warn: 2, unknown: 2, info: 0, pass: 0 };

interface Entry {
  severity: number;
  raw?: RawFinding;
  document?: RequiredDocument;
}

/** The findings that matter to the verdict, by rule and place: the worst status of each. */
type Signature = Map<string, Entry>;

function signatureOf(e: Evaluation): Signature {
  const sig: Signature = new Map();
  for (const raw of e.raws) {
    const severity = SEVERITY[raw.status] ?? 0;
    if (severity === 0) continue;
    const key = `${raw.rule}\u0000${raw.path}`;
    const had = sig.get(key);
    if (!had || had.severity < severity) sig.set(key, { severity, raw });
  }
  for (const d of e.documents) {
    if (d.required && !d.provided) sig.set(`document\u0000${d.kind}\u0000${d.for}`, { severity: SEVERITY.fail, document: d });
  }
  return sig;
}

function sameSignature(a: Signature, b: Signature): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k)?.severity !== v.severity) return false;
  return true;
}

/** Entries of `after` that are worse than in `before`, raw findings first. */
function worsened(before: Signature, after: Signature): Entry[] {
  const out = [...after].filter(([k, v]) => v.severity > (before.get(k)?.severity ?? 0)).map(([, v]) => v);
  return out.sort((a, b) => b.severity - a.severity || Number(Boolean(a.document)) - Number(Boolean(b.document)));
}

/** Entries of `before` that are better in `after`. */
function improved(before: Signature, after: Signature): Entry[] {
  return [...before].filter(([k, v]) => (after.get(k)?.severity ?? 0) < v.severity).map(([, v]) => v);
}

interface Change {
  date: string;
  before: Signature;
  after: Signature;
  evaluation: Evaluation;
}

/** Every day within the horizon on which the signature changes, found by probing and bisection. */
function changes(today: Evaluation, evaluateAt: (date: string) => Evaluation, horizon: number): Change[] {
  const cache = new Map<number, { e: Evaluation; sig: Signature }>();
  const at = (offset: number) => {
    let hit = cache.get(offset);
    if (!hit) {
      const e = offset === 0 ? today : evaluateAt(addDays(today.date, offset));
      hit = { e, sig: signatureOf(e) };
      cache.set(offset, hit);
    }
    return hit;
  };
  const out: Change[] = [];
  let prev = 0;
  for (const probe of probeOffsets(horizon)) {
    // Several changes may lie between two probes: find the first, then look again from it.
    while (!sameSignature(at(prev).sig, at(probe).sig)) {
      let lo = prev;
      let hi = probe; // sig(lo) differs from sig(hi); find the first day differing from sig(prev)
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (sameSignature(at(prev).sig, at(mid).sig)) lo = mid;
        else hi = mid;
      }
      out.push({ date: at(hi).e.date, before: at(hi - 1).sig, after: at(hi).sig, evaluation: at(hi).e });
      prev = hi;
    }
    prev = probe;
  }
  return out;
}

const LAPSED: Record<Lang, (document: string, holder: string) => string> = {
  en: (document, holder) => `${document} (${holder}) can no longer be used`,
  zh: (document, holder) => `${document}（${holder}）不再可用`,
};

function describe(entry: Entry, lang: Lang, render: (raw: RawFinding) => string): { rule: string; path: string; status: Status; reason: string } {
  if (entry.raw) return { rule: entry.raw.rule, path: entry.raw.path, status: entry.raw.status, reason: render(entry.raw) };
  const d = entry.document as RequiredDocument;
  return { rule: d.rules[0] ?? 'document/required', path: d.providedBy ?? d.for, status: 'fail', reason: LAPSED[lang](documentKindName(d.kind, lang), d.for) };
}

export interface Validity {
  submitFrom?: SubmitFrom;
  readyUntil?: ReadyUntil;
}

/**
 * `submitFrom`: the first day after which no finding of today gets better by waiting (absent when
 * none does: the filing may go in today). `readyUntil`: the first day some finding gets worse than the day before.
 */
export function validityOf(today: Evaluation, evaluateAt: (date: string) => Evaluation, lang: Lang, render: (raw: RawFinding) => string, horizon = HORIZON_DAYS): Validity {
  const all = changes(today, evaluateAt, horizon);
  const result: Validity = {};
  const start = signatureOf(today);
  // A finding of today that improves on its own is a wait; the last such first-improvement sets the day.
  const firstBetter = new Map<string, { date: string; entry: Entry }>();
  for (const c of all) {
    for (const e of improved(c.before, c.after)) {
      const key = e.raw ? `${e.raw.rule}\u0000${e.raw.path}` : `document\u0000${e.document?.kind}\u0000${e.document?.for}`;
      if (start.has(key) && !firstBetter.has(key)) firstBetter.set(key, { date: c.date, entry: e });
    }
  }
  for (const { date, entry } of firstBetter.values()) {
    if (daysBetween(result.submitFrom?.date ?? today.date, date) > 0) {
      const { rule, path, reason } = describe(entry, lang, render);
      result.submitFrom = { date, rule, path, reason };
    }
  }
  for (const c of all) {
    const worse = worsened(c.before, c.after)[0];
    if (!worse) continue;
    result.readyUntil = { date: c.date, ...describe(worse, lang, render) };
    break;
  }
  return result;
}

const DATE_WORDS = {
  until: { en: (date: string) => `until ${date}`, zh: (date: string) => `至 ${date} 前` },
  from: { en: (date: string) => `submit from ${date}`, zh: (date: string) => `${date} 起可提交` },
  lapse: { en: (date: string) => `from ${date}`, zh: (date: string) => `自 ${date} 起` },
};

/** Words of a filing's dates for the verdict line: `until 2030-04-01: <reason>`, `submit from …`. */
export function validityWords(f: Pick<FilingReport, 'verdict' | 'submitFrom' | 'readyUntil'>, lang: Lang): { submitFrom?: string; readyUntil?: string } {
  const out: { submitFrom?: string; readyUntil?: string } = {};
  if (f.submitFrom) out.submitFrom = DATE_WORDS.from[lang](f.submitFrom.date);
  if (f.readyUntil) {
    const lead = f.verdict === 'blocked' || f.verdict === 'invalid' ? DATE_WORDS.lapse[lang](f.readyUntil.date) : DATE_WORDS.until[lang](f.readyUntil.date);
    out.readyUntil = `${lead}${lang === 'zh' ? '：' : ': '}${f.readyUntil.reason}`;
  }
  return out;
}
