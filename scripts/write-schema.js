// Build step: writes the manifest's JSON Schema to schema/icp-manifest.schema.json, and keeps
// schema/icp-report.schema.json in step with the report model's added fields (src/model.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { manifestJsonSchema } from '../dist/commands/schema.js';

mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
writeFileSync(new URL('../schema/icp-manifest.schema.json', import.meta.url), `${JSON.stringify(manifestJsonSchema(), null, 2)}\n`);

// Fields the report gained after its schema was first written: added where missing, never renamed.
const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const ADDITIONS = {
  definitions: {
    acceptance: {
      type: 'object',
      additionalProperties: false,
      required: ['reason', 'until', 'source', 'entry'],
      properties: { reason: { type: 'string', minLength: 1 }, until: DATE, source: { enum: ['manifest', 'config'] }, entry: { type: 'string', minLength: 1 } },
    },
    unusedWaiver: {
      type: 'object',
      additionalProperties: false,
      required: ['rule', 'reason', 'until', 'entry'],
      properties: {
        rule: { type: 'string', minLength: 1 },
        path: { type: 'string' },
        files: { type: 'string' },
        reason: { type: 'string' },
        until: { type: 'string' },
        entry: { type: 'string' },
      },
    },
  },
  finding: { accepted: { $ref: '#/definitions/acceptance' } },
  summary: { accepted: { $ref: '#/definitions/count' } },
  document: { line: { type: 'integer', minimum: 1 }, column: { type: 'integer', minimum: 1 } },
  report: { unusedWaivers: { type: 'array', items: { $ref: '#/definitions/unusedWaiver' } } },
};

const reportFile = new URL('../schema/icp-report.schema.json', import.meta.url);
const before = readFileSync(reportFile, 'utf8');
const report = JSON.parse(before);
let changed = false;
const add = (target, extra) => {
  for (const [k, v] of Object.entries(extra)) {
    if (target[k] === undefined) {
      target[k] = v;
      changed = true;
    }
  }
};
add(report.definitions, ADDITIONS.definitions);
add(report.definitions.finding.properties, ADDITIONS.finding);
add(report.definitions.filing.properties.summary.properties, ADDITIONS.summary);
add(report.definitions.document.properties, ADDITIONS.document);
add(report.properties, ADDITIONS.report);
if (changed) writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
