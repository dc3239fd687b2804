// Named groups of `regulations/groups.yaml`: a list in a rule condition may name a group instead of
// repeating its members (`entityType: [non-individual]`). Names are replaced by their members
// before the rule is validated, so the rest of the engine sees plain lists.
import { z } from 'zod';
import { asOfDate } from './schema.js';

export const groupsFile = z.strictObject({
  /** The date the groups were last checked against their sources. */
  asOf: asOfDate,
  source: z.string().min(1),
  groups: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.array(z.string().min(1)).min(1)),
});
export type Groups = Record<string, string[]>;

/** Replaces group names in every string list of a condition (recursively through all/any/not). */
export function expandGroups(condition: unknown, groups: Groups): unknown {
  if (Array.isArray(condition)) return condition.map((c) => expandGroups(c, groups));
  if (condition === null || typeof condition !== 'object') return condition;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(condition)) {
    if (key === 'all' || key === 'any' || key === 'not') out[key] = expandGroups(value, groups);
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
      out[key] = [...new Set((value as string[]).flatMap((v) => (Object.hasOwn(groups, v) ? groups[v]! : [v])))];
    else if (key === 'keywords' && value && typeof value === 'object') out[key] = expandGroups(value, groups);
    else out[key] = value;
  }
  return out;
}
