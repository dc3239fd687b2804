// Named groups of `regulations/groups.yaml`: a list in a rule condition may name a group instead of
// repeating its members (`entityType: [non-individual]`). The rule schemas (schema.ts) accept a
// group's name where all its members are valid and replace it by the members, so the engine sees
// plain lists.
import { z } from 'zod';
import { asOfDate } from './dated.js';

export const groupsFile = z.strictObject({
  /** The date the groups were last checked against their sources. */
  asOf: asOfDate,
  source: z.string().min(1),
  groups: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.array(z.string().min(1)).min(1)),
});
export type Groups = Record<string, string[]>;

