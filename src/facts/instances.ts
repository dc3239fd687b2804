// Hosting instances: declared ones as they are, `{ describeInstances: file.json }` imported.
// (Placeholder API.)
import type { RawFinding } from '../model.js';
import type { FilingInstance } from '../manifest/filing.js';
import type { Manifest } from '../manifest/schema.js';

export async function resolveInstances(manifest: Manifest, _manifestDir: string): Promise<{ instances: FilingInstance[]; findings: RawFinding[] }> {
  const instances: FilingInstance[] = [];
  manifest.instances.forEach((entry, i) => {
    if ('product' in entry) instances.push({ ...entry, path: `instances[${i}]` });
  });
  return { instances, findings: [] };
}
