// Build step: every YAML file under regulations/ parsed once into dist/regulations.json,
// keyed by path and content hash (see src/regulations/compiled.ts).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = fileURLToPath(new URL('../', import.meta.url));
const files = {};
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full);
    else if (/\.ya?ml$/.test(e.name)) {
      const source = readFileSync(full, 'utf8');
      const rel = path.relative(root, full).split(path.sep).join('/');
      files[rel] = { sha1: createHash('sha1').update(source).digest('hex'), data: YAML.parse(source) };
    }
  }
};
walk(path.join(root, 'regulations'));
writeFileSync(path.join(root, 'dist', 'regulations.json'), JSON.stringify({ files }));
