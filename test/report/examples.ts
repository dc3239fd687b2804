// The shipped examples through the real pipeline, offline, on a fixed date, in either language.
import path from 'node:path';
import type { Lang, Report } from '../../src/model.js';
import { checkFiles } from '../../src/check/run.js';
import { ImageInspector } from '../../src/facts/images.js';
import { DomainLookupService } from '../../src/facts/domains/lookup.js';
import { ruleIndex } from '../../src/rules/registry.js';
import type { FormatContext } from '../../src/report/formats/context.js';

export const REPO = path.join(import.meta.dirname, '..', '..');
export const EXAMPLES = ['beijing-individual', 'guangdong-enterprise', 'tianjin-enterprise-problems'] as const;
export const manifestOf = (name: string) => path.join(REPO, 'examples', name, 'manifest.yaml');

export async function checkExamples(names: readonly string[], lang: Lang, date = '2026-11-26'): Promise<Report> {
  const domains = new DomainLookupService({ offline: true, useCache: false, timeoutMs: 5_000 });
  try {
    return await checkFiles(names.map(manifestOf), { date, offline: true, approvedSuffixes: [], lang, concurrency: 2 }, { images: new ImageInspector(), domains });
  } finally {
    await domains.close();
  }
}

export const formatContext = (lang: Lang, more: Partial<FormatContext> = {}): FormatContext => ({ lang, rules: ruleIndex(), cwd: REPO, ...more });
