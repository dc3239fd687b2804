// `icp-check schema`: the manifest's JSON Schema, generated from the zod schema.
import { Command } from 'commander';
import { z } from 'zod';
import { manifestSchema } from '../manifest/schema.js';

export function manifestJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(manifestSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://unpkg.com/icp-check/schema/icp-manifest.schema.json' };
}

export function schemaCommand(): Command {
  return new Command('schema').description("print the manifest's JSON Schema").action(() => {
    process.stdout.write(`${JSON.stringify(manifestJsonSchema(), null, 2)}\n`);
  });
}
