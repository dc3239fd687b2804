// Builds a filing from a manifest object the way the CLI does (validate, normalise) and runs the
// province and general rule data on it.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { RawFinding } from '../../src/model.js';
import { manifestSchema } from '../../src/manifest/schema.js';
import { toFiling } from '../../src/manifest/normalise.js';
import { evaluateRegulations } from '../../src/regulations/index.js';

export const CHECK_DATE = '2026-11-26';

export function evaluateManifest(raw: unknown, file = 'manifest.yaml', date = CHECK_DATE): RawFinding[] {
  const manifest = manifestSchema.parse(raw);
  const normalised = toFiling(manifest, file, '.');
  if (!normalised.ok) throw new Error(`not a filing: ${JSON.stringify(normalised.findings)}`);
  return evaluateRegulations({
    filing: normalised.filing,
    facts: { images: new Map(), domains: new Map(), findings: [] },
    options: { date, offline: true, approvedSuffixes: [] },
  });
}

export const fixtureFile = (slug: string) => fileURLToPath(new URL(`../fixtures/provinces/${slug}/manifest.yaml`, import.meta.url));

export function evaluateFixture(slug: string): RawFinding[] {
  const file = fixtureFile(slug);
  return evaluateManifest(parse(readFileSync(file, 'utf8')), file);
}

export const fixtureDir = (slug: string) => dirname(fixtureFile(slug));
