// Where a manifest's `$schema` should point so that the user's editor finds the schema on the
// user's machine: a path relative to the manifest when the schema sits inside the manifest's
// project (icp-check installed in its node_modules, or the manifest inside an icp-check clone);
// the registry URL of this exact version when the package was installed from a registry; else a
// file URL to the installed copy (a global install from a tarball or a git URL).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { VERSION } from '../version.js';

/** This package's folder (two up from src/manifest or dist/manifest). */
export const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MANIFEST_SCHEMA_FILE = path.join(PACKAGE_DIR, 'schema', 'icp-manifest.schema.json');

/** The schema as published with `version` on the npm registry, served by unpkg. */
export function publishedSchemaUrl(version: string = VERSION): string {
  return `https://unpkg.com/icp-check@${version}/schema/icp-manifest.schema.json`;
}

export interface SchemaLocationOptions {
  /** Defaults to the schema file of this installation. */
  schemaFile?: string;
  /** Whether this installation came from a registry; defaults to what npm recorded (`installedFromRegistry`). */
  published?: boolean;
}

/** The nearest folder at or above `dir` that holds `.git` or `package.json`; `dir` itself when there is none. */
export function projectRoot(dir: string): string {
  let current = path.resolve(dir);
  for (;;) {
    if (existsSync(path.join(current, '.git')) || existsSync(path.join(current, 'package.json'))) return current;
    const parent = path.dirname(current);
    if (parent === current) return path.resolve(dir);
    current = parent;
  }
}

function inside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * True when npm's record of the `node_modules` folder holding `packageDir` names a registry tarball
 * (`…/icp-check/-/icp-check-<version>.tgz`) as where it came from. A tarball, a folder or a git URL is not.
 */
export function installedFromRegistry(packageDir: string = PACKAGE_DIR): boolean {
  const modules = path.dirname(packageDir);
  if (path.basename(modules) !== 'node_modules') return false;
  let lock: { packages?: Record<string, { resolved?: string }> };
  try {
    lock = JSON.parse(readFileSync(path.join(modules, '.package-lock.json'), 'utf8')) as typeof lock;
  } catch {
    return false;
  }
  const entry = Object.entries(lock.packages ?? {}).find(([key]) => key.endsWith(`node_modules/${path.basename(packageDir)}`))?.[1];
  return typeof entry?.resolved === 'string' && /^https?:\/\/[^\s]+\/icp-check\/-\/icp-check-[^/]+\.tgz$/.test(entry.resolved);
}

/** The `$schema` reference to write into a manifest that lives in `manifestDir`. */
export function schemaLocation(manifestDir: string, options: SchemaLocationOptions = {}): string {
  const schemaFile = path.resolve(options.schemaFile ?? MANIFEST_SCHEMA_FILE);
  const dir = path.resolve(manifestDir);
  if (inside(schemaFile, projectRoot(dir))) {
    const rel = path.relative(dir, schemaFile).split(path.sep).join('/');
    return rel.startsWith('.') ? rel : `./${rel}`;
  }
  if (options.published ?? installedFromRegistry()) return publishedSchemaUrl();
  return pathToFileURL(schemaFile).href;
}
