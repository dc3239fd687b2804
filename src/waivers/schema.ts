// A waiver: a known finding accepted with a reason until a date, in a manifest's or the config's `accept:`.
import { z } from 'zod';

// The manifest's date, repeated here because the manifest's schema imports this one.
const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
const date = z
  .string({ error: 'expected a date as YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isRealDate, 'expected a real calendar date')
  .meta({ format: 'date' });

export const waiver = z
  .strictObject({
    /** A rule id, or a prefix ending in `/*` (`province/tianjin/*`). */
    rule: z.string().regex(/^[a-z0-9*][a-z0-9/*-]*$/, 'expected a rule id such as domain/suffix-approved, or a prefix such as province/tianjin/*'),
    /** A manifest path (`websites[0].domains[1]`): the finding's path or one under it. */
    path: z.string().min(1).optional(),
    /** In the config only: a glob of manifest files, relative to the config's folder. */
    files: z.string().min(1).optional(),
    reason: z.string().min(1),
    /** The last day the waiver holds (YYYY-MM-DD); after it, the waiver itself fails. */
    until: date,
  })
  .meta({ description: 'Accept a finding with a reason until a date' });

export type Waiver = z.output<typeof waiver>;

/** In a manifest, a waiver is about that manifest: a rule and optionally a path, no file glob. */
export const manifestWaiver = waiver.omit({ files: true });
