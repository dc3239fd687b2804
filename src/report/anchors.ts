// Every finding and every missing document gets a place in the manifest, so CI annotations and SARIF
// results can show it on a line: a finding about the whole filing points at the key it concerns, a
// document at the person, entity or website it is for.
import type { Finding, RequiredDocument } from '../model.js';
import type { Positions } from '../manifest/load.js';

/** The manifest key a rule area's whole-filing findings concern. */
const AREA_ANCHOR: Record<string, string[]> = {
  person: ['entity.principal'],
  entity: ['entity'],
  website: ['websites'],
  domain: ['domains', 'websites'],
  whois: ['domains', 'websites'],
  instance: ['instances'],
  image: ['entity'],
  document: ['documents', 'entity'],
  'pre-approval': ['websites'],
  process: ['entity.principal', 'entity'],
  province: ['province'],
  manifest: ['version'],
};

const MANIFEST_ROOTS = /^(entity|websites|instances|domains|documents|previousFiling|province|accept)\b/;

/** Sets line and column on findings that have none, from the key their rule area concerns. */
export function anchorFindings(findings: Finding[], positions: Positions): void {
  for (const f of findings) {
    if (f.line !== undefined) continue;
    const area = f.rule.split('/')[0] ?? '';
    for (const key of [...(f.path ? [f.path] : []), ...(AREA_ANCHOR[area] ?? []), 'version']) {
      const pos = positions.of(key);
      if (pos) {
        f.line = pos.line;
        f.column = pos.column;
        break;
      }
    }
  }
}

/** Sets line and column on each document: where it is provided, else the holder it is for. */
export function anchorDocuments(documents: RequiredDocument[], positions: Positions): void {
  for (const d of documents) {
    const candidates = [d.providedBy, MANIFEST_ROOTS.test(d.for) ? d.for : 'websites', 'documents', 'entity'];
    for (const key of candidates) {
      if (!key) continue;
      const pos = positions.of(key);
      if (pos) {
        d.line = pos.line;
        d.column = pos.column;
        break;
      }
    }
  }
}
