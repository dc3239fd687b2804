// Writes the manifest so nothing is ever half-written or lost: the text goes to a temporary file
// in the same folder, is read back and validated with the checker's own schema, and only then
// takes the target's name (rename when overwriting was allowed, a hard link that refuses an
// existing file otherwise).
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseDocument } from 'yaml';
import { manifestSchema } from '../manifest/schema.js';
import { normaliseProvince } from '../manifest/provinces.js';
import { formatPath } from './answers.js';

export class ManifestWriteError extends Error {
  constructor(
    message: string,
    readonly kind: 'exists' | 'invalid' | 'io',
  ) {
    super(message);
    this.name = 'ManifestWriteError';
  }
}

/** Problems the checker would report on this YAML text, or none. */
export function validateManifestText(text: string): string[] {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) return doc.errors.map((e) => e.message);
  const r = manifestSchema.safeParse(doc.toJS());
  if (!r.success) return r.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
  if (!normaliseProvince(r.data.province)) return [`province: ${r.data.province} is not a province`];
  return [];
}

export function writeManifestAtomically(file: string, text: string, overwrite: boolean): void {
  const problems = validateManifestText(text);
  if (problems.length > 0) throw new ManifestWriteError(`the manifest would not validate: ${problems.join('; ')}`, 'invalid');
  if (!overwrite && existsSync(file)) throw new ManifestWriteError(`${file} already exists`, 'exists');

  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    // Read back what reached the disk: the file that takes the name is the file that was validated.
    if (readFileSync(temp, 'utf8') !== text) throw new ManifestWriteError(`${temp} does not read back as written`, 'io');
    if (overwrite) {
      renameSync(temp, file);
    } else {
      try {
        linkSync(temp, file);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new ManifestWriteError(`${file} already exists`, 'exists');
        // Some file systems have no hard links: check and rename instead.
        if (existsSync(file)) throw new ManifestWriteError(`${file} already exists`, 'exists');
        renameSync(temp, file);
      }
    }
  } catch (err) {
    if (err instanceof ManifestWriteError) throw err;
    throw new ManifestWriteError((err as Error).message, 'io');
  } finally {
    if (fd !== undefined) closeSync(fd);
    if (existsSync(temp)) unlinkSync(temp);
  }
}
