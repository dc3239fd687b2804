// Finding and reading `icp-check.config.yaml`: from the working folder upwards, stopping at the
// filesystem root or at the folder that holds `.git` (the way ESLint and markdownlint-cli2 look),
// or the file `--config` names. Problems are reported as file:line:column like the manifest's.
import { existsSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { UsageError } from '../errors.js';
import { Positions } from '../manifest/load.js';
import { formatPath, type PathKey } from '../manifest/paths.js';
import { closeIds } from '../commands/explain.js';
import { CONFIG_FILE_NAME, configSchema, type Config } from './schema.js';

const MAX_CONFIG_BYTES = 256 * 1024;

export interface LoadedConfig {
  /** Absolute path of the file read. */
  file: string;
  /** Its folder: relative paths in it (cacheDir, tldList, accept[].files) start here. */
  dir: string;
  config: Config;
}

/** The config file that applies in `cwd`: the nearest `icp-check.config.yaml` at or above it, not above a `.git` folder. */
export function discoverConfig(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    if (existsSync(path.join(dir, '.git'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

async function readText(file: string): Promise<string> {
  let handle: import('node:fs/promises').FileHandle | undefined;
  try {
    handle = await open(file, 'r');
    const st = await handle.stat();
    if (!st.isFile()) throw new UsageError(`config ${file}: not a regular file`);
    if (st.size > MAX_CONFIG_BYTES) throw new UsageError(`config ${file}: ${st.size} bytes, more than the ${MAX_CONFIG_BYTES} a config may have`);
    const buf = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    if (bytesRead > MAX_CONFIG_BYTES) throw new UsageError(`config ${file}: more than ${MAX_CONFIG_BYTES} bytes`);
    return new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, bytesRead));
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`config ${file}: no such file`);
    if (code === 'EISDIR') throw new UsageError(`config ${file}: a directory`);
    if (err instanceof TypeError) throw new UsageError(`config ${file}: not UTF-8 text`);
    throw new UsageError(`config ${file}: ${code ?? (err as Error).message}`);
  } finally {
    await handle?.close();
  }
}

const CONFIG_KEYS = Object.keys(configSchema.shape);

function issueText(issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const close = issue.path.length === 0 ? closeIds(key, CONFIG_KEYS)[0] : undefined;
      return `Unknown key "${key}"${close ? `; did you mean "${close}"?` : ''}`;
    });
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return [`a value is required here (${issue.expected})`];
  if (issue.code === 'invalid_value') return [`expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`];
  return [issue.message];
}

/** Parses and validates a config's text; throws UsageError listing every problem as `file:line:col: error: path: message`. */
export function parseConfig(text: string, file: string): Config {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const shown = path.relative(process.cwd(), file) || file;
  if (doc.errors.length > 0) {
    const problems = doc.errors.slice(0, 5).map((e) => {
      const pos = lines.linePos(e.pos[0]);
      return `${shown}:${pos.line}:${pos.col}: error: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`;
    });
    throw new UsageError(problems.join('\n'));
  }
  const value: unknown = doc.toJS({ maxAliasCount: 100 }) ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`${shown}:1:1: error: a config is a mapping of keys (lang:, format:, accept: …)`);
  const parsed = configSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const positions = new Positions(doc, lines);
  const problems = parsed.error.issues.flatMap((issue) => {
    const keys = issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
    return issueText(issue).map((message, i) => {
      const at = issue.code === 'unrecognized_keys' ? [...keys, issue.keys[i]!] : keys;
      const where = formatPath(at);
      const pos = positions.of(where) ?? { line: 1, column: 1 };
      return { pos, text: `${shown}:${pos.line}:${pos.column}: error: ${where ? `${where}: ` : ''}${message}` };
    });
  });
  problems.sort((a, b) => a.pos.line - b.pos.line || a.pos.column - b.pos.column);
  throw new UsageError(problems.map((p) => p.text).join('\n'));
}

/** The config `--config` names, else the discovered one, else none (`explicit === false`: `--no-config`). */
export async function loadConfig(explicit: string | false | undefined, cwd: string): Promise<LoadedConfig | undefined> {
  if (explicit === false) return undefined;
  const file = explicit !== undefined ? path.resolve(cwd, explicit) : discoverConfig(cwd);
  if (!file) return undefined;
  const config = parseConfig(await readText(file), file);
  return { file, dir: path.dirname(file), config };
}
