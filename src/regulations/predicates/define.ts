// One condition of the rule data, defined in one place: its name, what it speaks of, the schema
// of its options (which the loader, the JSON Schema for editors and the docs all read) and its
// evaluation. Every condition is registered once, in predicates/index.ts.
import { z } from 'zod';
import type { Scope, Tri } from '../scope.js';

/** What a condition speaks of (STYLE.md "Rules as data"; see schema.ts for the subject person). */
export type PredicateSubject = 'filing' | 'website' | 'person' | 'domain';

/** Schema helpers handed to a condition's `options`, aware of the named groups. */
export interface Kit {
  /** A non-empty list of these values; a group whose members are all among them may be named instead. */
  oneOf(values: readonly string[]): z.ZodType<string[]>;
  /** A non-empty list of free texts. */
  texts(): z.ZodType<string[]>;
  /** A numeric comparison: all given bounds must hold. */
  compare(): z.ZodType<Compare>;
}

export type Compare = { gte?: number; gt?: number; lte?: number; lt?: number; eq?: number };

export interface Predicate<O = unknown> {
  name: string;
  /** What it holds for; shown in the JSON Schema and regulations/README.md. */
  doc: string;
  subject: PredicateSubject;
  options(kit: Kit): z.ZodType<O>;
  /** A count whose value becomes the rule's `{count}` placeholder. */
  counts?: boolean;
  evaluate(value: O, scope: Scope): Tri;
}

export function definePredicate<O>(p: Predicate<O>): Predicate<unknown> {
  return p as Predicate<unknown>;
}

const compareSchema = z
  .strictObject({
    gte: z.number().optional(),
    gt: z.number().optional(),
    lte: z.number().optional(),
    lt: z.number().optional(),
    eq: z.number().optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), 'expected at least one of gte, gt, lte, lt, eq');

const texts = z.array(z.string().min(1)).min(1);

/** The schema helpers for a set of named groups (name → members). */
export function kit(groups: Record<string, readonly string[]>): Kit {
  return {
    oneOf(values) {
      const known = new Set(values);
      const usable = Object.keys(groups).filter((g) => groups[g]!.every((m) => known.has(m)));
      return z
        .array(z.enum([...values, ...usable] as [string, ...string[]]))
        .min(1)
        .transform((items) => [...new Set(items.flatMap((v) => (usable.includes(v) ? [...groups[v]!] : [v])))]);
    },
    texts: () => texts,
    compare: () => compareSchema,
  };
}
