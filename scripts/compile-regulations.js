// Build step: every YAML file under regulations/ parsed once into dist/regulations.json, keyed by
// path and content hash (see src/regulations/compiled.ts); and the JSON Schemas of the rule files,
// generated from the zod schemas the loader uses, into schema/regulations/ (each YAML file names
// its schema in a `# yaml-language-server: $schema=` line, so an editor validates while typing).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { regulationsJsonSchemas } from '../dist/regulations/json-schema.js';

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
const compiledFile = path.join(root, 'dist', 'regulations.json');
writeFileSync(compiledFile, JSON.stringify({ files }));

// The bundled regulations loaded and validated once, here: at run time they are taken as they are
// while every YAML file under regulations/ still has the hash recorded above (see compiledRegulations).
const { loadRegulationsFrom } = await import('../dist/regulations/loader.js');

// The other data files, validated here with the schema their module reads them with; the output is
// stored where it is plain JSON (nothing a round trip through JSON would change), and parseDataFile
// takes it as it is while the file keeps its hash.
const { tldFile, registrarFile } = await import('../dist/rules/domain-data.js');
const { instanceEligibilityFile } = await import('../dist/regulations/instance-eligibility.js');
const { imageSpecsFile } = await import('../dist/regulations/image-specs.js');
const { reuseDataFile } = await import('../dist/regulations/reuse.js');
for (const [rel, schema] of [
  ['regulations/tlds.yaml', tldFile],
  ['regulations/registrars.yaml', registrarFile],
  ['regulations/instances.yaml', instanceEligibilityFile],
  ['regulations/images.yaml', imageSpecsFile],
  ['regulations/reuse.yaml', reuseDataFile],
]) {
  if (!files[rel]) continue;
  const result = schema.safeParse(files[rel].data);
  if (!result.success) throw new Error(`${rel}: ${result.error.issues[0]?.path.join('.') || '(root)'}: ${result.error.issues[0]?.message}`);
  if (isDeepStrictEqual(JSON.parse(JSON.stringify(result.data)), result.data)) files[rel].valid = result.data;
}
const loaded = loadRegulationsFrom(path.join(root, 'regulations'));
writeFileSync(compiledFile, JSON.stringify({ files, regulations: { rules: loaded.rules, provinces: [...loaded.provinces], groups: loaded.groups } }));

const groups = YAML.parse(readFileSync(path.join(root, 'regulations', 'groups.yaml'), 'utf8')).groups;
const out = path.join(root, 'schema', 'regulations');
mkdirSync(out, { recursive: true });
for (const [name, schema] of Object.entries(regulationsJsonSchemas(groups))) {
  writeFileSync(path.join(out, `${name}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
}
