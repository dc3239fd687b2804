// JSON Schemas of the files of `regulations/`, generated from the zod schemas the loader uses
// (written to schema/regulations/ by the build; each YAML file names its schema on its first line).
import { z } from 'zod';
import { groupsFile } from './groups.js';
import { reuseDataFile } from './reuse.js';
import { imageSpecsFile } from './image-specs.js';
import { instanceEligibilityFile } from './instance-eligibility.js';
import { registrarFile, tldFile } from '../rules/domain-data.js';
import { fileSchemas } from './schema.js';

const BASE = 'https://icp-check.invalid/schema/regulations';

/** Schema name → JSON Schema, for the named groups of groups.yaml (group names are valid list items). */
export function regulationsJsonSchemas(groups: Record<string, readonly string[]>): Record<string, object> {
  const { provinceFile, ruleFile, templatesFile } = fileSchemas(groups);
  const schemas: Record<string, [z.ZodType, string]> = {
    province: [provinceFile, 'A province file: regulations/provinces/<slug>.yaml'],
    rules: [ruleFile, 'A general rule file: regulations/materials.yaml, pre-approvals.yaml, process.yaml'],
    templates: [templatesFile, 'regulations/templates.yaml: what rules of one kind share'],
    groups: [groupsFile, 'regulations/groups.yaml: named lists a condition may use by name'],
    reuse: [reuseDataFile, 'regulations/reuse.yaml: material reuse windows and reusable kinds'],
    images: [imageSpecsFile, 'regulations/images.yaml: upload types, sizes and proportions'],
    instances: [instanceEligibilityFile, 'regulations/instances.yaml: supported instances and service-number quotas'],
    registrars: [registrarFile, 'regulations/registrars.yaml: registrars known to be approved, and the names WHOIS prints'],
    tlds: [tldFile, 'regulations/tlds.yaml: suffixes approved for filing'],
  };
  return Object.fromEntries(
    Object.entries(schemas).map(([name, [schema, title]]) => [
      name,
      { $id: `${BASE}/${name}.schema.json`, title, ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) },
    ]),
  );
}
