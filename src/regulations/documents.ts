// The report's `documents` list: every demand merged per kind and holder, marked provided or
// missing from `documents[]` and the manifest's image fields. (Placeholder API.)
import type { DocumentDemand, RequiredDocument } from '../model.js';
import type { Filing } from '../manifest/filing.js';

export function mergeDocuments(_filing: Filing, demands: Array<DocumentDemand & { rule: string }>): RequiredDocument[] {
  const byKey = new Map<string, RequiredDocument>();
  for (const d of demands) {
    const key = `${d.kind}\u0000${d.for}`;
    const found = byKey.get(key);
    if (found) {
      if (!found.rules.includes(d.rule)) found.rules.push(d.rule);
    } else byKey.set(key, { kind: d.kind, for: d.for, required: true, provided: false, rules: [d.rule] });
  }
  return [...byKey.values()];
}
