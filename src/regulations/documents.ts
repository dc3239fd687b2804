// The report's `documents` list: every demand merged per kind and holder, marked provided or
// missing from `documents[]` (valid reuses included) and the manifest's image fields.
import type { DocumentDemand, RequiredDocument } from '../model.js';
import type { Filing } from '../manifest/filing.js';
import { domainKey, holderOf, viewOf, type FilingView } from './filing-view.js';
import { reuseProblems } from './reuse.js';

/** A document the manifest provides: `holders` is `'*'` for a `documents[]` entry without `for`. */
export interface ProvidedDocument {
  kind: string;
  holders: string[] | '*';
  /** Manifest path: `documents[1]`, `entity.certificate.image`, `websites[0].admin.id.front` ... */
  providedBy: string;
}

import { todayInChina } from '../facts/dates.js';

export { todayInChina };

/** The holders a `documents[].for` names: a role, a website name, a manifest path or a domain. */
export function resolveFor(view: FilingView, target: string): string[] {
  const t = target.trim();
  if (t === 'entity') return ['entity'];
  if (t === 'principal') return [view.principal.path];
  if (t === 'legalRepresentative') return [view.legalRepresentative?.path ?? 'entity.legalRepresentative'];
  if (t === 'admin') return [...new Set(view.adminOf.map((s) => s.path))];
  const byPath = view.subjects.find((s) => s.paths.includes(t));
  if (byPath) return [byPath.path];
  const websites = view.filing.websites.filter((w) => w.name === t || w.path === t);
  if (websites.length > 0) return websites.map((w) => w.path);
  return [domainKey(t).display];
}

/** Every document the manifest provides on the check date (reuses that are not accepted are left out). */
export function documentsProvided(filing: Filing, date: string = todayInChina()): ProvidedDocument[] {
  const view = viewOf(filing);
  const provided: ProvidedDocument[] = [];
  const m = filing.manifest;
  if (m.entity.certificate?.image) provided.push({ kind: 'entity-certificate', holders: ['entity'], providedBy: 'entity.certificate.image' });
  for (const entry of filing.people) {
    const holder = holderOf(view, entry.person);
    const { id, residencePermit } = entry.person;
    if (id?.front) provided.push({ kind: 'id-front', holders: [holder], providedBy: `${entry.path}.id.front` });
    if (id?.back) provided.push({ kind: 'id-back', holders: [holder], providedBy: `${entry.path}.id.back` });
    if (residencePermit) provided.push({ kind: 'residence-permit', holders: [holder], providedBy: `${entry.path}.residencePermit` });
  }
  filing.websites.forEach((w) =>
    w.preApprovals.forEach((p, j) => {
      if (p.image) provided.push({ kind: `pre-approval:${p.type}`, holders: [w.path], providedBy: `${w.path}.preApprovals[${j}].image` });
    }),
  );
  m.documents.forEach((doc, i) => {
    if (doc.reuse && reuseProblems(filing, doc, date).length > 0) return;
    provided.push({ kind: doc.kind, holders: doc.for === undefined ? '*' : resolveFor(view, doc.for), providedBy: `documents[${i}]` });
  });
  return provided;
}

/**
 * Merges demands per kind and holder (collecting the rules behind each) and marks each provided
 * or missing. `date` bounds the reuse windows; pass the check date (`ctx.options.date`).
 */
export function mergeDocuments(filing: Filing, demands: Array<DocumentDemand & { rule: string }>, date?: string): RequiredDocument[] {
  const provided = documentsProvided(filing, date ?? todayInChina());
  const byKey = new Map<string, RequiredDocument>();
  for (const d of demands) {
    const key = `${d.kind}\u0000${d.for}`;
    const found = byKey.get(key);
    if (found) {
      if (!found.rules.includes(d.rule)) found.rules.push(d.rule);
      continue;
    }
    const match = provided.find((p) => p.kind === d.kind && (p.holders === '*' || p.holders.includes(d.for)));
    byKey.set(key, {
      kind: d.kind,
      for: d.for,
      required: true,
      provided: match !== undefined,
      rules: [d.rule],
      ...(match ? { providedBy: match.providedBy } : {}),
    });
  }
  return [...byKey.values()];
}
