// Builds a real filing and check context from a manifest object, through the project's own schema,
// normaliser and instance resolver.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { manifestSchema } from '../../src/manifest/schema.js';
import { toFiling } from '../../src/manifest/normalise.js';
import { resolveInstances } from '../../src/facts/instances.js';
import type { CheckContext } from '../../src/rules/types.js';
import type { RawFinding } from '../../src/model.js';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function manifestWith(extra: Record<string, unknown>) {
  return manifestSchema.parse({
    version: 1,
    province: 'guangdong',
    entity: { type: 'enterprise', name: '深圳市示例科技有限公司', principal: { name: '张三' } },
    ...extra,
  });
}

export async function contextFor(extra: Record<string, unknown>, date = '2026-11-26', dir = FIXTURES): Promise<CheckContext> {
  const manifest = manifestWith(extra);
  const normalised = toFiling(manifest, path.join(dir, 'manifest.yaml'), dir);
  if (!normalised.ok) throw new Error(JSON.stringify(normalised.findings));
  const { instances, findings } = await resolveInstances(manifest, dir);
  normalised.filing.instances = instances;
  return {
    filing: normalised.filing,
    facts: { images: new Map(), domains: new Map(), findings },
    options: { date, offline: true, approvedSuffixes: [] },
  };
}

/** `count` websites, each on the given instance ids. */
export function websitesOn(count: number, ids: string[]) {
  return Array.from({ length: count }, (_, i) => ({ name: `示例网站${i + 1}`, domains: [`example${i + 1}.com`], instances: ids }));
}

export const byRule = (findings: RawFinding[], rule: string) => findings.filter((f) => f.rule === rule);
