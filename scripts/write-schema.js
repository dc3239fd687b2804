// Build step: writes the manifest's JSON Schema to schema/icp-manifest.schema.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { manifestJsonSchema } from '../dist/commands/schema.js';

mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
writeFileSync(new URL('../schema/icp-manifest.schema.json', import.meta.url), `${JSON.stringify(manifestJsonSchema(), null, 2)}\n`);
