// The command line's inputs turned into the list of manifests to check: files as given, folders
// searched for YAML files that look like manifests, globs expanded; one list, stable order, and
// `--shard i/n` keeps a deterministic share so a CI matrix splits a repository between machines.
import { type Dirent, readdirSync, realpathSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../errors.js';
import { readRegularFileHead } from '../facts/read-file.js';
import { mapLimit } from './limit.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export interface ExpandedInputs {
  /**
   * Manifests to check, relative to the working folder when inside it, sorted. A file or folder
   * found on the way that cannot be read is listed too, so that the check reports it as invalid
   * with its reason: a run never passes over files it did not read.
   */
  files: string[];
  /** YAML files found in folders or by globs that do not look like manifests. */
  skipped: string[];
  /** Arguments that name nothing: no such path, or a glob that matched no file. */
  missing: string[];
  /** The real path of every file the run found, in every shard, manifests or not: none may be overwritten. */
  real: Set<string>;
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

/** Files sniffed at once: far below any open-file limit, with room for everything else the run opens. */
export const SNIFF_CONCURRENCY = 16;
const BUSY = new Set(['EMFILE', 'ENFILE', 'EAGAIN']);

/** Retries an operation that failed only because too many files are open at once (by this or another process). */
async function whenFree<T>(op: () => Promise<T>, busy: (r: T) => boolean): Promise<T> {
  let r = await op();
  for (let attempt = 0; attempt < 8 && busy(r); attempt++) {
    await sleep(25 * 2 ** attempt);
    r = await op();
  }
  return r;
}

/**
 * A manifest has top-level `version` and `entity` keys. Read from the text rather than parsed so
 * that a manifest with a YAML syntax error is still checked (and reported) instead of skipped.
 * `unreadable`: the file could not be read, so nobody knows; it is checked, and the check says why.
 */
export async function sniffManifest(file: string): Promise<'manifest' | 'other' | 'unreadable'> {
  const head = await whenFree(
    () => readRegularFileHead(file, SNIFF_BYTES),
    (r) => !r.ok && r.reason === 'too-many-open-files',
  );
  if (!head.ok) return 'unreadable';
  const text = head.bytes.toString('utf8');
  return HAS_VERSION.test(text) && HAS_ENTITY.test(text) ? 'manifest' : 'other';
}

/** Kept for callers that only ask yes or no: an unreadable file is not known to be a manifest. */
export async function looksLikeManifest(file: string): Promise<boolean> {
  return (await sniffManifest(file)) === 'manifest';
}

async function walk(dir: string, found: string[], unreadable: string[]): Promise<void> {
  let entries: Dirent[];
  try {
    // A folder is listed in one quick system call; only when files run out is there a wait and a retry.
    entries = await whenFree(
      async () => {
        try {
          return readdirSync(dir, { withFileTypes: true });
        } catch (e) {
          return e as NodeJS.ErrnoException;
        }
      },
      (r) => r instanceof Error && BUSY.has((r as NodeJS.ErrnoException).code ?? ''),
    ).then((r) => {
      if (r instanceof Error) throw r;
      return r;
    });
  } catch {
    // A folder that cannot be listed is checked as if it were a manifest, so its reason is reported.
    unreadable.push(dir);
    return;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) await walk(full, found, unreadable);
    } else if (e.isFile() && YAML_FILE.test(e.name)) {
      found.push(full);
    } else if (e.isSymbolicLink() && YAML_FILE.test(e.name)) {
      // A link to a manifest counts; a link to a folder is not followed, so cycles cannot occur.
      // A link that cannot be followed (a loop, no access) is checked, and says why; one to nothing is not a file.
      const st = await stat(full).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? undefined : ('unfollowable' as const)));
      if (st === 'unfollowable') unreadable.push(full);
      else if (st?.isFile()) found.push(full);
    } else if (e.isFIFO() || e.isCharacterDevice() || e.isBlockDevice() || e.isSocket()) {
      // A pipe or device named *.yaml is never opened (it could block or never end), but it is not passed over either.
      if (YAML_FILE.test(e.name)) unreadable.push(full);
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
  const unreadable: string[] = [];
  const missing: string[] = [];

  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    // A path that exists but cannot be followed (a link loop, a folder without access) is checked, so the report says why.
    const st = await stat(abs).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' || e.code === 'ENOTDIR' ? undefined : ('unfollowable' as const)));
    if (st === 'unfollowable') {
      explicit.push(abs);
    } else if (st?.isDirectory()) {
      await walk(abs, candidates, unreadable);
    } else if (st) {
      // A path named on the command line is checked as given; the checker reports what is wrong with it.
      explicit.push(abs);
    } else if (isDynamicPattern(arg)) {
      const matches = await glob(arg, { cwd, absolute: true, onlyFiles: true, dot: false, followSymbolicLinks: false });
      const yaml = matches.filter((m) => YAML_FILE.test(m) && !m.split('/').some((seg) => SKIP_DIRS.has(seg)));
      if (yaml.length === 0) missing.push(arg);
      for (const m of yaml) candidates.push(path.resolve(m));
    } else {
      missing.push(arg);
    }
  }

  const skipped: string[] = [];
  const chosen = new Map<string, string>();
  const reals = new Set<string>();
  // The real path in one quick system call (where it cannot be had, the path as it is).
  const realOf = (abs: string) => {
    try {
      return realpathSync.native(abs);
    } catch {
      return abs;
    }
  };
  const add = (abs: string) => {
    const real = realOf(abs);
    reals.add(real);
    const shown = display(abs, cwd);
    const previous = chosen.get(real);
    if (previous === undefined || byCodeUnit(shown, previous) < 0) chosen.set(real, shown);
  };
  for (const abs of [...explicit, ...unreadable]) add(abs);
  // Bounded: opening every candidate at once runs out of file descriptors on a large repository.
  const looks = await mapLimit(candidates, SNIFF_CONCURRENCY, async (c) => [c, await sniffManifest(c)] as const);
  for (const [abs, kind] of looks) {
    if (kind === 'other') {
      skipped.push(display(abs, cwd));
      reals.add(realOf(abs));
    } else add(abs);
  }

  let files = [...new Set(chosen.values())].sort(byCodeUnit);
  const { shard } = options;
  if (shard) files = files.filter((f) => shardOf(f, shard.count) === shard.index);
  return { files, skipped: [...new Set(skipped)].sort(byCodeUnit), missing, real: reals };
}
