// Loads `regulations/images.yaml`: accepted types, the 4 MB limit, the certificate's type and
// minimum size, the front/back tolerance and the small-dimension heuristic, checked with zod.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDataFile } from './compiled.js';
import { asOfDate } from './dated.js';
import { z } from 'zod';
import { ENTITY_TYPES } from '../manifest/schema.js';

const cited = { source: z.string().min(1), quote: z.string().min(1) };

export const imageSpecsFile = z.strictObject({
  about: z.string(),
  /** The date the figures were last checked against their sources. */
  asOf: asOfDate,
  uploads: z.strictObject({
    types: z.array(z.string().min(1)).min(1),
    extensions: z.record(z.string(), z.array(z.string().min(1)).min(1)),
    maxBytes: z.number().int().positive(),
    ...cited,
  }),
  certificate: z.strictObject({
    types: z.array(z.string().min(1)).min(1),
    minBytesExclusive: z.number().int().nonnegative(),
    entityTypes: z.array(z.enum(ENTITY_TYPES)).min(1),
    ...cited,
  }),
  frontBack: z.strictObject({
    aspectTolerance: z.number().min(0).max(1),
    sizeTolerance: z.number().min(0).max(1),
    ...cited,
  }),
  smallDimensions: z.strictObject({
    minShortSidePx: z.number().int().positive(),
    ...cited,
  }),
});
export type ImageSpecs = z.output<typeof imageSpecsFile>;

export const IMAGES_FILE = fileURLToPath(new URL('../../regulations/images.yaml', import.meta.url));

/** Parses and validates an image-spec file; throws an Error naming the file and the field. */
export function parseImageSpecs(source: string, file: string): ImageSpecs {
  const specs = parseDataFile(imageSpecsFile, source, file);
  for (const t of specs.uploads.types) {
    if (!specs.uploads.extensions[t]) throw new Error(`${file}: uploads.extensions: no extensions for type ${t}`);
  }
  return specs;
}

let cached: ImageSpecs | undefined;

/** The bundled image specs, read once. */
export function loadImageSpecs(): ImageSpecs {
  cached ??= parseImageSpecs(readFileSync(IMAGES_FILE, 'utf8'), IMAGES_FILE);
  return cached;
}
