// Rule data is YAML for people to read and review; the build also compiles it into one JSON file
// so that start-up does not parse YAML. An entry is used only when the YAML beside it is unchanged.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import type { z } from 'zod';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const COMPILED_FILE = path.join(ROOT, 'dist', 'regulations.json');

interface Compiled {
  files: Record<string, { sha1: string; data: unknown }>;
}

let compiled: Compiled | null | undefined;

export function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** The parsed data of a YAML file under the package root, if the build compiled this very content. */
export function compiledData(file: string, source: string): unknown {
  if (compiled === undefined) {
    try {
      compiled = JSON.parse(readFileSync(COMPILED_FILE, 'utf8')) as Compiled;
    } catch {
      compiled = null; // no build output (tests from source) or an unreadable one: parse the YAML
    }
  }
  const entry = compiled?.files[path.relative(ROOT, path.resolve(file)).split(path.sep).join('/')];
  return entry && entry.sha1 === sha1(source) ? entry.data : undefined;
}

/** A data file's content, parsed (or taken from the build) and validated; errors name the file and the field. */
export function parseDataFile<T extends z.ZodType>(schema: T, source: string, file: string): z.output<T> {
  let data: unknown;
  try {
    data = compiledData(file, source) ?? YAML.parse(source);
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}
