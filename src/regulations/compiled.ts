// Rule data is YAML for people to read and review; the build also compiles it into one JSON file
// so that start-up does not parse YAML. An entry is used only when the YAML beside it is unchanged.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import type { z } from 'zod';
import type { LoadedRule, ProvinceData, Regulations } from './loader.js';
import type { Groups } from './groups.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const COMPILED_FILE = path.join(ROOT, 'dist', 'regulations.json');

interface Compiled {
  /** `valid`: the file's data as its schema outputs it, stored by the build where that is plain JSON. */
  files: Record<string, { sha1: string; data: unknown; valid?: unknown }>;
  /** The bundled regulations as loaded and validated at build time (scripts/compile-regulations.js). */
  regulations?: { rules: LoadedRule[]; provinces: Array<[string, ProvinceData]>; groups: Groups };
}

let compiled: Compiled | null | undefined;

function compiledFile(): Compiled | null {
  if (compiled === undefined) {
    try {
      compiled = JSON.parse(readFileSync(COMPILED_FILE, 'utf8')) as Compiled;
    } catch {
      compiled = null; // no build output (tests from source) or an unreadable one: parse the YAML
    }
  }
  return compiled;
}

/** Every YAML file under `dir`, by path relative to the package root. */
function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yamlFiles(full, out);
    else if (/\.ya?ml$/.test(e.name)) out.push(full);
  }
  return out;
}

/**
 * The bundled regulations the build loaded and validated, when every YAML file under `dir` is the
 * one it read (same names, same content hashes): loading them again would give the same rules, so
 * start-up skips parsing and validating them. Anything else (a changed, added or removed file, a
 * folder other than the package's, no build) leaves the caller to load and validate the YAML.
 */
export function compiledRegulations(dir: string): Regulations | undefined {
  const saved = compiledFile()?.regulations;
  if (!saved || path.resolve(dir) !== path.join(ROOT, 'regulations')) return undefined;
  try {
    const recorded = Object.keys(compiled!.files).filter((f) => f.startsWith('regulations/'));
    const present = yamlFiles(dir);
    if (present.length !== recorded.length) return undefined;
    for (const full of present) {
      const entry = compiled!.files[path.relative(ROOT, full).split(path.sep).join('/')];
      if (!entry || entry.sha1 !== sha1(readFileSync(full, 'utf8'))) return undefined;
    }
  } catch {
    return undefined;
  }
  const rules = saved.rules;
  return { dir, rules, byId: new Map(rules.map((r) => [r.id, r])), provinces: new Map(saved.provinces) as Regulations['provinces'], groups: saved.groups };
}

export function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** The build's entry for a YAML file under the package root, if it compiled this very content. */
function compiledEntry(file: string, source: string): Compiled['files'][string] | undefined {
  const entry = compiledFile()?.files[path.relative(ROOT, path.resolve(file)).split(path.sep).join('/')];
  return entry && entry.sha1 === sha1(source) ? entry : undefined;
}

/** The parsed data of a YAML file under the package root, if the build compiled this very content. */
export function compiledData(file: string, source: string): unknown {
  const entry = compiledFile()?.files[path.relative(ROOT, path.resolve(file)).split(path.sep).join('/')];
  return entry && entry.sha1 === sha1(source) ? entry.data : undefined;
}

/** A data file's content, parsed (or taken from the build) and validated; errors name the file and the field. */
export function parseDataFile<T extends z.ZodType>(schema: T, source: string, file: string): z.output<T> {
  // Validated at build time (scripts/compile-regulations.js) and unchanged since: taken as it is.
  const valid = compiledEntry(file, source)?.valid;
  if (valid !== undefined) return valid as z.output<T>;
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
