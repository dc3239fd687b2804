// Runs the CLI bundle (dist/bundle/cli.cjs) through V8's code cache: the compiled code of a previous
// run is handed to `vm.Script` as `cachedData`, so V8 need not parse and compile the bundle again.
//
// The cache is keyed by Node's version, the architecture and the bundle's hash (dist/bundle/hash.txt),
// stored next to the bundle (dist/bundle/.code-cache/) or, where that folder cannot be written,
// in the user's cache folder; ICP_CHECK_CODE_CACHE names another folder, or `off` turns it off.
// Each file starts with the SHA-256 of its payload: a truncated, corrupt or foreign file is ignored
// (and replaced), as is a cache V8 itself rejects. Files are written atomically (temporary + rename).
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

const DIGEST = 32;

/** Folders to look in and write to, first choice first. */
export function cacheDirs(bundleDir, env = process.env) {
  const named = env.ICP_CHECK_CODE_CACHE;
  if (named === 'off' || named === '0') return [];
  if (named) return [path.resolve(named)];
  const user = env.XDG_CACHE_HOME || (os.homedir() ? path.join(os.homedir(), '.cache') : undefined);
  return [path.join(bundleDir, '.code-cache'), ...(user ? [path.join(user, 'icp-check', 'code-cache')] : [])];
}

function readCache(file) {
  try {
    const data = readFileSync(file);
    if (data.length <= DIGEST) return undefined;
    const payload = data.subarray(DIGEST);
    if (!createHash('sha256').update(payload).digest().equals(data.subarray(0, DIGEST))) return undefined;
    return payload;
  } catch {
    return undefined;
  }
}

function writeCache(dirs, name, payload) {
  const data = Buffer.concat([createHash('sha256').update(payload).digest(), payload]);
  for (const dir of dirs) {
    const tmp = path.join(dir, `.${name}.${process.pid}.tmp`);
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(tmp, data);
      renameSync(tmp, path.join(dir, name));
      // Caches of other bundles or Node versions are of no more use.
      const prefix = `${name.split('-')[0]}-`;
      for (const old of readdirSync(dir)) if (old !== name && old.startsWith(prefix) && old.endsWith('.bin')) rmSync(path.join(dir, old), { force: true });
      return true;
    } catch {
      rmSync(tmp, { force: true });
    }
  }
  return false;
}

/**
 * Loads a CommonJS bundle as `require` would, through the code cache. Returns its exports and
 * `save()`, to call once the work is done: it writes the cache (with every function compiled by
 * then) when none was used. Any failure of the cache leaves the bundle to run without one.
 */
export function loadBundle(file, env = process.env) {
  // The build leaves only ASCII in the bundle: read as Latin-1 (same text, a fraction of the time of UTF-8).
  const bytes = readFileSync(file);
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const dir = path.dirname(file);
  let hash;
  try {
    hash = readFileSync(path.join(dir, 'hash.txt'), 'utf8').trim();
  } catch {
    hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
  }
  const name = `${path.basename(file, '.cjs')}-${process.version}-${process.arch}-${hash}.bin`;
  const dirs = cacheDirs(dir, env);
  let cachedData;
  for (const d of dirs) {
    cachedData = readCache(path.join(d, name));
    if (cachedData) break;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const used = cachedData !== undefined && !script.cachedDataRejected;
  // A module of require's cache, so that extra.cjs's require('./cli.cjs') gets this very instance.
  const module = new Module(file, null);
  module.filename = file;
  module.paths = Module._nodeModulePaths(dir);
  const require = createRequire(file);
  require.cache[file] = module;
  script.runInThisContext()(module.exports, require, module, file, dir);
  module.loaded = true;
  let saved = used || dirs.length === 0;
  return {
    exports: module.exports,
    cacheUsed: used,
    save() {
      if (saved) return;
      saved = true;
      try {
        writeCache(dirs, name, script.createCachedData());
      } catch {
        // A cache that cannot be made costs the next run its compile time, nothing more.
      }
    },
  };
}
