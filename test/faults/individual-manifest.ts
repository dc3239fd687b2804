// The one filing the fault tests check: a Beijing individual whose websites name the domains under test,
// written to a temporary folder removed after the test file; and the servers a test started, closed after it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';

/** A manifest with one website per entry: `[name, domain]`. */
export function individualManifest(websites: Array<[name: string, domain: string]>): string {
  const sites = websites.map(([name, domain]) => `  - name: ${name}\n    domains: [${domain}]\n    content: [personal-blog]\n`).join('');
  return `version: 1
province: beijing
entity:
  type: individual
  name: 王小五
  principal:
    name: 王小五
    id:
      type: id-card
      number: "110105200001010024"
      expires: 2035-03-01
    mobile: "13911112222"
websites:
${sites}`;
}

/** The manifest written to a temporary folder (removed after the test file); its path. */
export function individualManifestFile(prefix: string, websites: Array<[name: string, domain: string]>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const file = path.join(dir, 'manifest.yaml');
  writeFileSync(file, individualManifest(websites));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return file;
}

/** A list to push each server's `close` to: all are closed after each test. */
export function closedAfterEach(): Array<() => Promise<void>> {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((c) => c()));
  });
  return closers;
}
