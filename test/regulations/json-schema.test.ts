// The JSON Schemas an editor validates the rule files with: each YAML file names one on its first
// line, the bundled files pass it, the mistakes the loader rejects fail it, and the schemas shipped
// in schema/regulations/ are the ones the loader's zod schemas give.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { regulationsJsonSchemas } from '../../src/regulations/json-schema.js';
import { bundledRegulations } from '../../src/regulations/loader.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REGULATIONS = join(ROOT, 'regulations');
const yamlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []));

const schemaLine = (file: string) => readFileSync(file, 'utf8').match(/^# yaml-language-server: \$schema=(\S+)$/m)?.[1];
const generated = regulationsJsonSchemas(bundledRegulations().groups);

const compiled = new Map<string, ReturnType<Ajv2020['compile']>>();
function validator(schemaFile: string) {
  let v = compiled.get(schemaFile);
  if (!v) {
    v = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
    compiled.set(schemaFile, v);
  }
  return v;
}

describe('JSON Schemas of the rule files', () => {
  const named = yamlFiles(REGULATIONS).filter((f) => schemaLine(f) !== undefined);

  it('every rule file names its schema', () => {
    const ruleFiles = yamlFiles(REGULATIONS).filter((f) => /\brules:\n/.test(readFileSync(f, 'utf8')));
    expect(ruleFiles.filter((f) => schemaLine(f) === undefined)).toEqual([]);
  });

  it.each(named.map((f) => [f.slice(REGULATIONS.length + 1), f]))('%s is valid against the schema it names', (_name, file) => {
    const validate = validator(resolve(dirname(file), schemaLine(file)!));
    const ok = validate(parse(readFileSync(file, 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('shipped schemas are the ones the loader’s schemas give', () => {
    for (const [name, schema] of Object.entries(generated)) {
      expect(JSON.parse(readFileSync(join(ROOT, 'schema', 'regulations', `${name}.schema.json`), 'utf8'))).toEqual(schema);
    }
  });

  it('rejects what the loader rejects: a misspelt entity type, an unknown key, a missing asOf', () => {
    const validate = validator(join(ROOT, 'schema', 'regulations', 'province.schema.json'));
    const hebei = parse(readFileSync(join(REGULATIONS, 'provinces', 'hebei.yaml'), 'utf8'));
    const rule = (over: Record<string, unknown>) => ({ ...hebei, rules: [{ id: 'province/hebei/x', quote: 'q', status: 'fail', ...over }] });
    expect(validate(rule({ when: { entityType: ['non-individual'] } }))).toBe(true);
    expect(validate(rule({ when: { entityType: ['enterprize'] } }))).toBe(false);
    expect(validate(rule({ when: { entityTyp: ['enterprise'] } }))).toBe(false);
    const { asOf: _, ...undated } = hebei;
    expect(validate(undated)).toBe(false);
  });
});

describe('regulations/README.md', () => {
  it('documents every condition a rule may use', async () => {
    const { PREDICATES } = await import('../../src/regulations/predicates/index.js');
    const readme = readFileSync(join(REGULATIONS, 'README.md'), 'utf8');
    expect(PREDICATES.filter((p) => !readme.includes(`| \`${p.name}\` |`)).map((p) => p.name)).toEqual([]);
  });
});
