// The command line's inputs turned into the list of manifests to check: files as given, folders
// searched for YAML files that look like manifests, globs expanded; one list, stable order, and
// `--shard i/n` keeps a deterministic share so a CI matrix splits a repository between machines.
import { open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../errors.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export interface ExpandedInputs {
  /** Manifests to check, relative to the working folder when inside it, sorted. */
  files: string[];
  /** YAML files found in folders or by globs that do not look like manifests. */
  skipped: string[];
  /** Arguments that name nothing: no such path, or a glob that matched no file. */
  missing: string[];
}

export interface ExpandOptions {
  shard?: Shard;
  /** Defaults to `process.cwd()`. */
  cwd?: string;
}

const SHARD_SYNTAX = /^\s*(\d+)\s*\/\s*(\d+)\s*$/;

/** Parses `--shard i/n` (1 ≤ i ≤ n). */
export function parseShard(text: string): Shard {
  const m = SHARD_SYNTAX.exec(text);
  if (!m) throw new UsageError(`--shard takes <index>/<count>, such as 2/3; got "${text}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!Number.isSafeInteger(count) || count < 1) throw new UsageError(`--shard count must be at least 1; got "${text}"`);
  if (!Number.isSafeInteger(index) || index < 1 || index > count) {
    throw new UsageError(`--shard index must be between 1 and ${count}; got "${text}"`);
  }
  return { index, count };
}

/** FNV-1a (32-bit) over UTF-8: tiny, stable across Node versions and machines. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The shard (1-based) a path belongs to; paths use `/` so every OS agrees. */
export function shardOf(relativePath: string, count: number): number {
  return (stableHash(relativePath.split(path.sep).join('/')) % count) + 1;
}

const YAML_FILE = /\.ya?ml$/i;
// Folders never worth descending into: dependencies and version-control or tool state.
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
const SNIFF_BYTES = 64 * 1024;
const TOP_LEVEL_KEY = (key: string) => new RegExp(`^(?:${key}|"${key}"|'${key}')[ \\t]*:`, 'm');
const HAS_VERSION = TOP_LEVEL_KEY('version');
const HAS_ENTITY = TOP_LEVEL_KEY('entity');

/**
 * A manifest has top-level `version` and `entity` keys. Read from the text rather than parsed so
 * that a manifest with a YAML syntax error is still checked (and reported) instead of skipped.
 */
export async function looksLikeManifest(file: string): Promise<boolean> {
  let handle: import('node:fs/promises').FileHandle | undefined;
  try {
    handle = await open(file, 'r');
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
    const text = buf.subarray(0, bytesRead).toString('utf8');
    return HAS_VERSION.test(text) && HAS_ENTITY.test(text);
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

async function walk(dir: string, found: string[]): Promise<void> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) await walk(full, found);
    } else if (e.isFile() && YAML_FILE.test(e.name)) {
      found.push(full);
    } else if (e.isSymbolicLink() && YAML_FILE.test(e.name)) {
      // A link to a manifest counts; a link to a folder is not followed, so cycles cannot occur.
      const st = await stat(full).catch(() => undefined);
      if (st?.isFile()) found.push(full);
    }
  }
}

function display(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Expands files, folders and globs into the manifests to check, de-duplicated by real path. */
export async function expandInputs(args: string[], options: ExpandOptions = {}): Promise<ExpandedInputs> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const explicit: string[] = [];
  const candidates: string[] = [];
  const missing: string[] = [];

  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    // A path that exists but cannot be followed (a link loop, a folder without access) is checked, so the report says why.
    const st = await stat(abs).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' || e.code === 'ENOTDIR' ? undefined : ('unfollowable' as const)));
    if (st === 'unfollowable') {
      explicit.push(abs);
    } else if (st?.isDirectory()) {
      await walk(abs, candidates);
    } else if (st) {
      // A path named on the command line is checked as given; the checker reports what is wrong with it.
      explicit.push(abs);
    } else if (isDynamicPattern(arg)) {
      const matches = await glob(arg, { cwd, absolute: true, onlyFiles: true, dot: false, followSymbolicLinks: false });
      const yaml = matches.filter((m) => YAML_FILE.test(m) && !m.split('/').some((seg) => SKIP_DIRS.has(seg)));
      if (yaml.length === 0) missing.push(arg);
      candidates.push(...yaml.map((m) => path.resolve(m)));
    } else {
      missing.push(arg);
    }
  }

  const skipped: string[] = [];
  const chosen = new Map<string, string>();
  const add = async (abs: string) => {
    const real = await realpath(abs).catch(() => abs);
    const shown = display(abs, cwd);
    const previous = chosen.get(real);
    if (previous === undefined || byCodeUnit(shown, previous) < 0) chosen.set(real, shown);
  };
  for (const abs of explicit) await add(abs);
  const looks = await Promise.all(candidates.map(async (c) => [c, await looksLikeManifest(c)] as const));
  for (const [abs, ok] of looks) {
    if (ok) await add(abs);
    else skipped.push(display(abs, cwd));
  }

  let files = [...new Set(chosen.values())].sort(byCodeUnit);
  const { shard } = options;
  if (shard) files = files.filter((f) => shardOf(f, shard.count) === shard.index);
  return { files, skipped: [...new Set(skipped)].sort(byCodeUnit), missing };
}
