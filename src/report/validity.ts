// How long a checked filing stays good, and from which day it may be submitted: `submitFrom` and
// `readyUntil` of every filing in the report.
//
// The dates come from re-running the same pure evaluation `check` applies at later days and noting
// the first day a finding gets worse (or better), so every threshold stays in regulations/ and in the
// rules, and a rule that starts to depend on the date later is covered without a change here.
import type { FilingReport, Lang, RawFinding, ReadyUntil, RequiredDocument, Status, SubmitFrom } from '../model.js';
import { addDays, daysBetween } from '../facts/dates.js';
import { message } from './catalogue/index.js';
import { holderName } from './catalogue/names.js';

/** What `check` decides about a filing on one day. */
export interface Evaluation {
  date: string;
  raws: RawFinding[];
  documents: RequiredDocument[];
  /** When known: the rules run again on each day; the others' findings are the first day's, so a partial run never re-runs them. */
  dated?: ReadonlySet<string>;
}

/** Re-run only `rules`; the findings of the others come from `from`, a day on which they were the same. */
export interface PartialRun {
  rules: ReadonlySet<string>;
  from: Evaluation;
}

export type EvaluateAt = (date: string, only?: PartialRun) => Evaluation;

export function groupByRule(raws: readonly RawFinding[]): Map<string, RawFinding[]> {
  const out = new Map<string, RawFinding[]>();
  for (const r of raws) {
    const list = out.get(r.rule);
    if (list) list.push(r);
    else out.set(r.rule, [r]);
  }
  return out;
}

/**
 * Rules whose findings differ (status, place, documents demanded) between two days: among the
 * rules run again on each day when the evaluations say which (the only ones a partial run re-runs).
 */
function changedRules(a: Evaluation, b: Evaluation): Set<string> {
  const dated = a.dated !== undefined && a.dated === b.dated ? a.dated : undefined;
  const shape = (e: Evaluation) => {
    const m = new Map<string, string[]>();
    for (const r of e.raws) {
      if (dated && !dated.has(r.rule)) continue;
      const key = `${r.status}\u0000${r.path}\u0000${(r.documents ?? []).map((d) => `${d.kind}@${d.for}`).join(',')}`;
      const list = m.get(r.rule);
      if (list) list.push(key);
      else m.set(r.rule, [key]);
    }
    return m;
  };
  const sa = shape(a);
  const sb = shape(b);
  const out = new Set<string>();
  for (const id of new Set([...sa.keys(), ...sb.keys()])) {
    if ((sa.get(id) ?? []).sort().join('\n') !== (sb.get(id) ?? []).sort().join('\n')) out.add(id);
  }
  return out;
}

/** How far ahead to look: ten years covers every subscription, ID card and domain term in practice. */
export const HORIZON_DAYS = 3653;

/**
 * Days probed: close together in the first months (waiting periods, short windows), then ever wider.
 * A change between two probes is found to the day by bisection; only a finding that changes and
 * changes back between two probes could be missed. Each probe runs every rule that reads the date.
 */
export function probeOffsets(horizon = HORIZON_DAYS): number[] {
  const steps = [1, 3, 7, 14, 30, 61, 92, 122, 153, 183, 244, 275, 366, 548, 731];
  const out = steps.filter((d) => d < horizon);
  for (let d = 731 + 730; d < horizon; d += 730) out.push(d);
  out.push(horizon);
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

/**
 * Signature keys and entries by finding and document, for the days of one filing: they share
 * most of their findings and documents, so each one's key and entry are made once.
 */
type Keys = Map<RawFinding | RequiredDocument, { key: string; entry: Entry }>;
const rawKeyed = (keys: Keys, raw: RawFinding, severity: number): { key: string; entry: Entry } => {
  let k = keys.get(raw);
  if (k === undefined) keys.set(raw, (k = { key: `${raw.rule}\u0000${raw.path}`, entry: { severity, raw } }));
  return k;
};
const documentKeyed = (keys: Keys, d: RequiredDocument): { key: string; entry: Entry } => {
  let k = keys.get(d);
  if (k === undefined) keys.set(d, (k = { key: `document\u0000${d.kind}\u0000${d.for}`, entry: { severity: SEVERITY.fail, document: d } }));
  return k;
};

function signatureOf(e: Evaluation, keys: Keys): Signature {
  const sig: Signature = new Map();
  for (const raw of e.raws) {
    const severity = SEVERITY[raw.status] ?? 0;
    if (severity === 0) continue;
    const { key, entry } = rawKeyed(keys, raw, severity);
    const had = sig.get(key);
    if (!had || had.severity < severity) sig.set(key, entry);
  }
  for (const d of e.documents) {
    if (d.required && !d.provided) {
      const { key, entry } = documentKeyed(keys, d);
      sig.set(key, entry);
    }
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

/**
 * Every day within the horizon on which the signature changes, found by probing and bisection.
 * Between two probes only the rules that differ at their ends are run again.
 */
function changes(today: Evaluation, evaluateAt: EvaluateAt, horizon: number, keys: Keys): Change[] {
  const probes = new Map<number, { e: Evaluation; sig: Signature }>([[0, { e: today, sig: signatureOf(today, keys) }]]);
  const probe = (offset: number) => {
    let hit = probes.get(offset);
    if (!hit) {
      const e = evaluateAt(addDays(today.date, offset));
      hit = { e, sig: signatureOf(e, keys) };
      probes.set(offset, hit);
    }
    return hit;
  };
  const out: Change[] = [];
  let prev = 0;
  for (const offset of probeOffsets(horizon)) {
    const end = probe(offset);
    let start = probes.get(prev)!;
    // Several changes may lie between two probes: find the first, then look again from it.
    while (!sameSignature(start.sig, end.sig)) {
      const only: PartialRun = { rules: changedRules(start.e, end.e), from: start.e };
      const between = new Map<number, { e: Evaluation; sig: Signature }>([[offset, end]]);
      const at = (o: number) => {
        let hit = between.get(o);
        if (!hit) {
          const e = evaluateAt(addDays(today.date, o), only);
          hit = { e, sig: signatureOf(e, keys) };
          between.set(o, hit);
        }
        return hit;
      };
      let lo = prev;
      let hi = offset; // the first day whose signature differs from `start` lies in (lo, hi]
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (sameSignature(start.sig, at(mid).sig)) lo = mid;
        else hi = mid;
      }
      const found = at(hi);
      out.push({ date: found.e.date, before: start.sig, after: found.sig, evaluation: found.e });
      probes.set(hi, found);
      prev = hi;
      start = found;
    }
    prev = offset;
  }
  return out;
}

function describe(entry: Entry, lang: Lang, render: (raw: RawFinding) => string): { rule: string; path: string; status: Status; reason: string } {
  if (entry.raw) return { rule: entry.raw.rule, path: entry.raw.path, status: entry.raw.status, reason: render(entry.raw) };
  const d = entry.document as RequiredDocument;
  return {
    rule: d.rules[0] ?? 'document/required',
    path: d.providedBy ?? d.for,
    status: 'fail',
    reason: message('validity.lapsed', { document: { name: 'documentKind', value: d.kind }, holder: holderName(d.for, lang) }, lang),
  };
}

export interface Validity {
  submitFrom?: SubmitFrom;
  readyUntil?: ReadyUntil;
}

/**
 * `submitFrom`: the first day after which no finding of today gets better by waiting (absent when
 * none does: the filing may go in today). `readyUntil`: the first day some finding gets worse than the day before.
 */
export function validityOf(today: Evaluation, evaluateAt: EvaluateAt, lang: Lang, render: (raw: RawFinding) => string, horizon = HORIZON_DAYS): Validity {
  const keys: Keys = new Map();
  const all = changes(today, evaluateAt, horizon, keys);
  const result: Validity = {};
  const start = signatureOf(today, keys);
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

/** Words of a filing's dates for the verdict line: `until 2030-04-01: <reason>`, `submit from …`. */
export function validityWords(f: Pick<FilingReport, 'verdict' | 'submitFrom' | 'readyUntil'>, lang: Lang): { submitFrom?: string; readyUntil?: string } {
  const out: { submitFrom?: string; readyUntil?: string } = {};
  if (f.submitFrom) out.submitFrom = message('validity.submitFrom', { date: f.submitFrom.date }, lang);
  if (f.readyUntil) {
    const lapsed = f.verdict === 'blocked' || f.verdict === 'invalid';
    out.readyUntil = message(lapsed ? 'validity.lapsesFrom' : 'validity.readyUntil', { date: f.readyUntil.date, reason: f.readyUntil.reason }, lang);
  }
  return out;
}
