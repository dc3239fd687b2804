// The SARIF 2.1.0 schema as a validator, for the format's tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import * as ajvFormats from 'ajv-formats';

// ajv-formats is CommonJS: from ESM its function sits on `default`.
const addFormats = ajvFormats.default as unknown as (ajv: Ajv) => Ajv;

/**
 * The official OASIS schema (errata01) declares draft-04 with `id`; the keywords it uses mean the
 * same in draft-07, which Ajv 8 implements, so only the root identifier keyword is renamed.
 */
export function sarifValidator() {
  const file = path.join(import.meta.dirname, '..', 'schemas', 'sarif-schema-2.1.0.json');
  const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const { id, $schema: _draft04, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile({ $id: id as string, ...rest });
}
