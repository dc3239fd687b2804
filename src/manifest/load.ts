// Reading a manifest: bounded, UTF-8, YAML with positions kept so every problem can be reported
// as file:line:column, then validated against the zod schema.
import path from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { RawFinding } from '../model.js';
import { manifestSchema, type Manifest } from './schema.js';
import { formatPath, parsePath, type PathKey } from './paths.js';
import { readRegularFile, type ReadFailureReason } from '../facts/read-file.js';

export const MAX_MANIFEST_BYTES = 1024 * 1024;
/** yaml's own guard against alias expansion ("billion laughs"); kept at the library's default. */
const MAX_ALIAS_COUNT = 100;

export interface Position {
  line: number;
  column: number;
}

/** Maps manifest paths to line and column; a missing key maps to its nearest parent. */
export class Positions {
  constructor(
    private readonly doc: Document | undefined,
    private readonly lines: LineCounter | undefined,
  ) {}

  static none(): Positions {
    return new Positions(undefined, undefined);
  }

  /** Positions in a YAML text (for tools and tests that start from text rather than a file). */
  static fromText(text: string): Positions {
    const lines = new LineCounter();
    return new Positions(parseDocument(text, { lineCounter: lines }), lines);
  }

  /** Paths asked before: each finding and each document asks for its own, often the same few. */
  private readonly known = new Map<string, Position | undefined>();

  of(manifestPath: string): Position | undefined {
    if (!this.doc || !this.lines) return undefined;
    if (this.known.has(manifestPath)) return this.known.get(manifestPath);
    const pos = this.find(manifestPath, this.doc, this.lines);
    this.known.set(manifestPath, pos);
    return pos;
  }

  private find(manifestPath: string, doc: Document, lines: LineCounter): Position | undefined {
    let node: unknown = doc.contents;
    let offset: number | undefined = (node as Node | null)?.range?.[0];
    for (const key of parsePath(manifestPath)) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
        if (!pair) break;
        offset = (pair.key as Node).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key] as Node | undefined;
        if (!item) break;
        offset = item.range?.[0] ?? offset;
        node = item;
      } else break;
    }
    if (offset === undefined) return undefined;
    const pos = lines.linePos(offset);
    return Object.freeze({ line: pos.line, column: pos.col });
  }
}

export type LoadResult = { ok: true; manifest: Manifest; positions: Positions } | { ok: false; findings: RawFinding[]; positions: Positions };

function fail(rule: string, args: RawFinding['args'], pathInManifest = '', key?: string): RawFinding {
  return { rule, status: 'fail', path: pathInManifest, args, ...(key ? { key } : {}) };
}

const UNREADABLE_REASONS: Partial<Record<ReadFailureReason, string>> = {
  missing: 'not found',
  'permission-denied': 'permission denied',
  'symlink-loop': 'a loop of symbolic links',
  'name-too-long': 'name too long',
  directory: 'a directory',
  'not-a-file': 'not a regular file',
  'too-many-open-files': 'too many open files',
};

async function readBounded(file: string): Promise<{ bytes: Buffer } | { finding: RawFinding }> {
  const read = await readRegularFile(file, { maxBytes: MAX_MANIFEST_BYTES });
  if (read.ok) return { bytes: read.bytes };
  if (read.reason === 'too-large') return { finding: fail('manifest/too-large', { size: read.size ?? MAX_MANIFEST_BYTES + 1, limit: MAX_MANIFEST_BYTES }) };
  return { finding: fail('manifest/unreadable', { reason: UNREADABLE_REASONS[read.reason] ?? read.code ?? 'EIO' }) };
}

/**
 * The first keys repeated within one mapping, in one pass over the document (yaml's own
 * `uniqueKeys` compares every key with every other: minutes for a manifest of 100,000 keys).
 * Scalar keys are compared by type and value, as yaml does; other keys (rare) by their text.
 */
function duplicateKeys(doc: Document, limit: number): Array<{ offset: number }> {
  const found: Array<{ offset: number }> = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0 && found.length < limit) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key;
        const id = isScalar(key) ? `${typeof key.value}:${String(key.value)}` : `node:${String(key)}`;
        if (seen.has(id) && !(isScalar(key) && key.value === '<<')) {
          found.push({ offset: (key as Node | null)?.range?.[0] ?? 0 });
          if (found.length >= limit) break;
        }
        seen.add(id);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** Paths of own `__proto__` keys anywhere in a value (at most 5). */
function protoKeys(value: unknown): string[] {
  const out: string[] = [];
  const stack: Array<{ v: unknown; at: PathKey[] }> = [{ v: value, at: [] }];
  while (stack.length > 0 && out.length < 5) {
    const { v, at } = stack.pop()!;
    if (Array.isArray(v)) v.forEach((item, i) => stack.push({ v: item, at: [...at, i] }));
    else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (k === '__proto__') out.push(formatPath([...at, k]));
        stack.push({ v: child, at: [...at, k] });
      }
    }
  }
  return out;
}

/** BigInts (from `intAsBigInt`) become exact digit strings when too large for a number: ID numbers written without quotes. */
function unBigInt(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (Array.isArray(value)) return value.map(unBigInt);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // An own `__proto__` key (YAML allows it) must stay a key, to be reported as unknown, not become a prototype.
      if (k === '__proto__') Object.defineProperty(out, k, { value: unBigInt(v), enumerable: true, writable: true, configurable: true });
      else out[k] = unBigInt(v);
    }
    return out;
  }
  return value;
}

/** Every key the schema knows, gathered on the first unknown key (not at start-up: most manifests have none). */
let knownKeys: Set<string> | undefined;

function collectKeys(schema: unknown, seen = new Set<unknown>(), out = new Set<string>()): Set<string> {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return out;
  seen.add(schema);
  const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
  if (!def) return out;
  if (def.shape && typeof def.shape === 'object') {
    for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
      out.add(k);
      collectKeys(v, seen, out);
    }
  }
  for (const k of ['innerType', 'element', 'in', 'out', 'valueType', 'left', 'right', 'schema']) collectKeys(def[k], seen, out);
  if (Array.isArray(def.options)) for (const o of def.options) collectKeys(o, seen, out);
  return out;
}

/** Edit distance counting a swap of two neighbours as one edit (`domian` → `domain`). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

export function suggestKey(key: string): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  knownKeys ??= collectKeys(manifestSchema);
  for (const k of knownKeys) {
    const dd = distance(key.toLowerCase(), k.toLowerCase());
    if (dd < bestD) {
      bestD = dd;
      best = k;
    }
  }
  return bestD <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

function typeName(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Date) return `a timestamp ${Number.isNaN(v.getTime()) ? '' : v.toISOString()}`.trimEnd();
  if (typeof v === 'object') return 'a mapping';
  // JSON.stringify writes infinities and NaN as null.
  if (typeof v === 'number' && !Number.isFinite(v)) return `number ${String(v)}`;
  return `${typeof v} ${JSON.stringify(v).slice(0, 40)}`;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      // A schema's own wording (a date's "expected a date as YYYY-MM-DD") says more than the type.
      const expected = issue.message.startsWith('Invalid input') ? `expected ${issue.expected}` : issue.message;
      return issue.input === undefined ? `a value is required here (${expected.replace(/^expected /, '')})` : `${expected}, got ${typeName(issue.input)}`;
    }
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

type Issue = z.core.$ZodIssue;

/** Of a union's alternatives, the one the value was most likely meant as: fewest issues, then the deepest. */
function bestAlternative(issue: Extract<Issue, { code: 'invalid_union' }>): Issue[] | undefined {
  const alternatives = issue.errors.filter((e) => e.length > 0);
  if (alternatives.length === 0) return undefined;
  const depth = (e: Issue[]) => e.reduce((m, i) => Math.max(m, i.path.length), 0);
  return [...alternatives].sort((a, b) => a.length - b.length || depth(b) - depth(a))[0];
}

function flatten(issues: readonly Issue[], prefix: PropertyKey[] = []): Issue[] {
  return issues.flatMap((issue) => {
    const full = { ...issue, path: [...prefix, ...issue.path] } as Issue;
    if (issue.code === 'invalid_union') {
      const best = bestAlternative(issue);
      if (best) return flatten(best, full.path);
    }
    return [full];
  });
}

/** Beyond this many problems in one manifest, the rest are counted, not listed: a wrong file must not flood the report. */
export const MAX_SCHEMA_FINDINGS = 50;

/** Schema issues as findings; unknown keys as their own rule so a typo is named as such. */
export function schemaFindings(error: z.ZodError): RawFinding[] {
  const out: RawFinding[] = [];
  const issues = flatten(error.issues);
  const suggested = new Set<string>();
  let more = 0;
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const keys = issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
    for (const key of issue.keys) {
      if (out.length >= MAX_SCHEMA_FINDINGS) {
        more++;
        continue;
      }
      const suggestion = suggestKey(key);
      if (suggestion) suggested.add(formatPath([...keys, suggestion]));
      out.push(fail('manifest/unknown-key', { key, suggestion }, formatPath([...keys, key]), suggestion ? 'suggest' : undefined));
    }
  }
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const where = formatPath(issue.path.filter((k): k is PathKey => typeof k !== 'symbol'));
    // A required key that is missing because it was misspelt is already named by its unknown-key finding.
    if (issue.code === 'invalid_type' && issue.input === undefined && suggested.has(where)) continue;
    if (out.length >= MAX_SCHEMA_FINDINGS) {
      more++;
      continue;
    }
    out.push(fail('manifest/schema', { expected: describeIssue(issue) }, where));
  }
  if (more > 0) out.push(fail('manifest/schema', { expected: `${more} more problems are not listed; correct those above first` }));
  return out;
}

/** Strict UTF-8 (a GBK file is refused, not garbled); one decoder for every manifest, as it keeps no state between calls. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export async function loadManifest(file: string): Promise<LoadResult> {
  const read = await readBounded(file);
  if ('finding' in read) return { ok: false, findings: [read.finding], positions: Positions.none() };
  let textContent: string;
  try {
    textContent = UTF8.decode(read.bytes);
  } catch {
    return { ok: false, findings: [fail('manifest/not-utf8', {})], positions: Positions.none() };
  }
  return parseManifestText(textContent);
}

/** A manifest's text (from a file, standard input or a caller) parsed and validated. */
export function parseManifestText(textContent: string): LoadResult {
  const lines = new LineCounter();
  // A line end of CR alone (classic Mac) is a line end too; YAML would read it as a space, and a first comment line would swallow the file.
  textContent = textContent.replace(/\r(?!\n)/g, '\n');
  // The core schema whatever a `%YAML 1.1` directive says: dates stay text, `yes` stays a word, as in every other manifest.
  const doc = parseDocument(textContent, { lineCounter: lines, intAsBigInt: true, uniqueKeys: false, prettyErrors: false, schema: 'core' });
  const positions = new Positions(doc, lines);
  const errors = doc.errors.map((e) => ({ offset: e.pos[0], detail: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') }));
  if (errors.length < 5) for (const d of duplicateKeys(doc, 5)) errors.push({ offset: d.offset, detail: 'Map keys must be unique' });
  if (errors.length > 0) {
    const findings = errors
      .sort((a, b) => a.offset - b.offset)
      .slice(0, 5)
      .map((e) => {
        const pos = lines.linePos(e.offset);
        return { ...fail('manifest/yaml-syntax', { detail: e.detail }), line: pos.line, column: pos.col };
      });
    return { ok: false, findings, positions };
  }
  let value: unknown;
  try {
    value = unBigInt(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, findings: [fail('manifest/aliases', { detail, limit: MAX_ALIAS_COUNT })], positions };
  }
  if (value === null || value === undefined) return { ok: false, findings: [fail('manifest/empty', {})], positions };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, findings: [fail('manifest/not-a-mapping', { got: Array.isArray(value) ? 'a list' : typeof value })], positions };
  }
  // `jitless`: zod would compile each object's parser with `new Function` on first use, which costs
  // more than it saves for the one manifest of a run and no less than it saves in a batch.
  const parsed = manifestSchema.safeParse(value, { reportInput: true, jitless: true });
  // `__proto__` is never a key of a manifest, not even under `domains:` (whose keys are free): said, never dropped.
  const fromSchema = parsed.success ? [] : schemaFindings(parsed.error);
  const proto = protoKeys(value).filter((p) => !fromSchema.some((f) => f.path === p));
  const protoFindings = proto.map((p) => fail('manifest/unknown-key', { key: '__proto__' }, p));
  if (!parsed.success) return { ok: false, findings: [...protoFindings, ...fromSchema], positions };
  if (protoFindings.length > 0) return { ok: false, findings: protoFindings, positions };
  return { ok: true, manifest: parsed.data, positions };
}

export function manifestDir(file: string): string {
  return path.dirname(path.resolve(file));
}
