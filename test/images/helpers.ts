// A filing and its image facts gathered by the real inspector, for rule tests on real files.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { manifestSchema } from '../../src/manifest/schema.js';
import { toFiling } from '../../src/manifest/normalise.js';
import { ImageInspector, imageReferences } from '../../src/facts/images.js';
import type { CheckContext } from '../../src/rules/types.js';
import type { RawFinding } from '../../src/model.js';

export const FIXTURE_IMAGES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/images');

export function manifestWith(extra: Record<string, unknown>, entity: Record<string, unknown> = {}) {
  return manifestSchema.parse({
    version: 1,
    province: 'guangdong',
    ...extra,
    entity: { type: 'enterprise', name: '深圳市示例科技有限公司', principal: { name: '张三' }, ...entity },
  });
}

export async function gathered(extra: Record<string, unknown>, entity: Record<string, unknown> = {}, dir = FIXTURE_IMAGES, date = '2026-11-26'): Promise<CheckContext> {
  const manifest = manifestWith(extra, entity);
  const n = toFiling(manifest, path.join(dir, 'manifest.yaml'), dir);
  if (!n.ok) throw new Error(JSON.stringify(n.findings));
  const inspector = new ImageInspector();
  const images = new Map();
  for (const ref of imageReferences(manifest)) images.set(ref.path, await inspector.inspect(ref.written, dir));
  return { filing: n.filing, facts: { images, domains: new Map(), findings: [] }, options: { date, offline: true, approvedSuffixes: [] } };
}

export const byRule = (findings: RawFinding[], rule: string) => findings.filter((f) => f.rule === rule);
