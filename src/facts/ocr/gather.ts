// Which images OCR reads: the ID card sides and the entity certificate, keyed by manifest path.
import path from 'node:path';
import type { Filing } from '../../manifest/filing.js';
import { imageReferences } from '../images.js';
import type { OcrReader } from './engine.js';
import type { OcrReading } from './read.js';

export type { OcrReader } from './engine.js';

/** Roles whose text is read. */
export const OCR_ROLES = new Set(['id-front', 'id-back', 'entity-certificate']);

export async function readOcrFacts(filing: Filing, reader: OcrReader): Promise<Map<string, OcrReading>> {
  const refs = imageReferences(filing.manifest).filter((r) => OCR_ROLES.has(r.role));
  const read = await Promise.all(refs.map(async (r) => [r.path, await reader.read(path.resolve(filing.dir, r.written))] as const));
  return new Map(read);
}
