// Build step: of the declarations tsc wrote to dist/.types-all/, keeps those the Node API's
// (dist/types/api.d.ts) reach through their imports, so the package ships the API's types only.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const all = fileURLToPath(new URL('../dist/.types-all/', import.meta.url));
const out = fileURLToPath(new URL('../dist/types/', import.meta.url));
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

rmSync(out, { recursive: true, force: true });
const seen = new Set();
const queue = ['api.d.ts'];
while (queue.length > 0) {
  const rel = queue.pop();
  if (seen.has(rel)) continue;
  seen.add(rel);
  const text = readFileSync(path.join(all, rel), 'utf8');
  for (const m of text.matchAll(IMPORT)) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), (m[1] ?? m[2]).replace(/\.js$/, '.d.ts')));
    if (!existsSync(path.join(all, target))) throw new Error(`write-types: ${rel} imports ${m[1] ?? m[2]}, which has no declaration`);
    queue.push(target);
  }
}
for (const rel of seen) {
  mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
  cpSync(path.join(all, rel), path.join(out, rel));
}
rmSync(all, { recursive: true, force: true });
