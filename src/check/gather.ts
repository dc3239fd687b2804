// Fact gathering: the only step with I/O. Instances are imported, every file reference is
// inspected and every registrable domain looked up, through run-wide caches shared by all filings.
import type { Filing } from '../manifest/filing.js';
import type { FilingFacts } from '../rules/types.js';
import type { DomainLookup } from '../facts/types.js';
import { type ImageInspector, imageReferences } from '../facts/images.js';
import { resolveInstances } from '../facts/instances.js';
import { parseDomain } from '../facts/domain-name.js';
import { readOcrFacts, type OcrReader } from '../facts/ocr/gather.js';

/** What gathering asks of the domain lookups: the run's service, or a worker thread's line to it. */
export interface DomainLookups {
  lookup(domain: string): Promise<DomainLookup>;
}

export interface FactSources {
  images: ImageInspector;
  domains: DomainLookups;
  /** `--ocr`: reads the text of ID cards and the entity certificate. */
  ocr?: OcrReader;
}

export async function gatherFacts(filing: Filing, sources: FactSources): Promise<FilingFacts> {
  const facts: FilingFacts = { images: new Map(), domains: new Map(), findings: [] };
  const instances = resolveInstances(filing.manifest, filing.dir).then((r) => {
    filing.instances = r.instances;
    facts.findings.push(...r.findings);
  });
  const images = Promise.all(
    imageReferences(filing.manifest).map(async (ref) => {
      facts.images.set(ref.path, await sources.images.inspect(ref.written, filing.dir));
    }),
  );
  const registrable = new Set<string>();
  for (const w of filing.websites) {
    for (const d of w.domains) {
      const p = parseDomain(d);
      if (p.ok) registrable.add(p.domain.registrable);
    }
  }
  const domains = Promise.all(
    [...registrable].map(async (d) => {
      facts.domains.set(d, await sources.domains.lookup(d));
    }),
  );
  const ocr = sources.ocr ? readOcrFacts(filing, sources.ocr).then((r) => (facts.ocr = r)) : undefined;
  await Promise.all([instances, images, domains, ocr]);
  return facts;
}
