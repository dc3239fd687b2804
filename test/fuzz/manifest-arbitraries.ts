// Generators of hostile manifests for property tests: arbitrary YAML-shaped values, and the bundled
// example manifests mutated (keys dropped or renamed, wrong types, huge strings, deep nesting,
// unicode and control characters), then serialised and damaged as text (duplicate keys, BOM, CRLF,
// tabs, truncation, invalid UTF-8, aliases).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { CONTENT_CATEGORIES, ENTITY_TYPES, FILING_KINDS, ID_TYPES, PRODUCTS } from '../../src/manifest/schema.js';
import { REPO_ROOT } from './check-in-process.js';

export const EXAMPLES = ['beijing-individual', 'guangdong-enterprise', 'tianjin-enterprise-problems'].map((name) => {
  const dir = path.join(REPO_ROOT, 'examples', name);
  return { name, dir, manifest: parse(readFileSync(path.join(dir, 'manifest.yaml'), 'utf8')) as Record<string, unknown> };
});

const KEYS = [
  'version',
  'provider',
  'province',
  'filing',
  'previousFiling',
  'entity',
  'type',
  'name',
  'certificate',
  'number',
  'expires',
  'image',
  'address',
  'businessScope',
  'legalRepresentative',
  'principal',
  'websites',
  'domains',
  'content',
  'remarks',
  'instances',
  'admin',
  'preApprovals',
  'id',
  'product',
  'region',
  'billing',
  'publicBandwidthMbps',
  'serviceNumbersUsed',
  'orderAmountCny',
  'holder',
  'registrar',
  'realNameVerified',
  'realNameVerifiedOn',
  'privacyProtection',
  'documents',
  'kind',
  'file',
  'for',
  'issued',
  'reuse',
  'orderCompleted',
  'orderKind',
  'nationality',
  'mobile',
  'mobileProvince',
  'phone',
  'email',
  'front',
  'back',
  'residencePermit',
  'settings',
  'approvedSuffixes',
  'describeInstances',
  '__proto__',
  'constructor',
  'toString',
];

const ENUM_WORDS = [
  ...ENTITY_TYPES,
  ...FILING_KINDS,
  ...ID_TYPES,
  ...CONTENT_CATEGORIES,
  ...PRODUCTS,
  'principal',
  'long-term',
  'aliyun',
  'guangdong',
  '广东',
  '44',
  'GD',
  'inner-mongolia',
  '内蒙古自治区',
  'shanxi',
  'shaanxi',
  'example.cn',
  'xn--fiqs8s',
  '例子.中国',
  'a..b',
  '.cn',
  'www.example.com.cn',
  '2026-02-30',
  '2026-11-26',
  '1900-01-01',
  '9999-12-31',
  '440305199001011234',
  '91440300MA5G6ABC1X',
  '13800138000',
  '/dev/zero',
  '/',
  '..',
  '../../etc/passwd',
  'docs',
  'docs/',
  '~/x.jpg',
  'C:\\x.jpg',
];

/** Characters a terminal, a parser or a renderer may trip over. */
const NASTY_CHARS = [
  '\u0000',
  '\u0007',
  '\b',
  '\t',
  '\n',
  '\r',
  '\u001b',
  '\u001b[2J',
  '\u001b]8;;http://x\u0007',
  '\u009b',
  '\u007f',
  '\u202e',
  '\u2066',
  '\u200f',
  '\ufeff',
  '\ud800',
  '\udfff',
  '😀',
  '𠮷',
  '\u0301',
  '&',
  '<',
  '>',
  '"',
  "'",
  '`',
  '|',
  '*',
  '_',
  '[',
  ']',
  '%',
  '{',
  '}',
  '#',
  ':',
  '- ',
  '&a',
  '*a',
  '!!binary',
  '!!js/function',
  '\\',
  '/',
  '$',
  '{placeholder}',
];

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.array(fc.constantFrom(...NASTY_CHARS), { maxLength: 8 }).map((a) => a.join('')),
  fc.tuple(fc.constantFrom(...ENUM_WORDS), fc.constantFrom('', ...NASTY_CHARS)).map(([w, c]) => w + c),
  fc.constantFrom(...ENUM_WORDS),
);

const key: fc.Arbitrary<string> = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: nastyString });

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(
    0,
    -1,
    -0,
    1e21,
    2 ** 53 + 1,
    Number.MAX_SAFE_INTEGER, // biome-ignore lint/correctness/noPrecisionLoss: an ID number typed as a bare YAML number loses digits, which is the point
    440305199001011234,
    0.1,
  ),
  fc.double(),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
  nastyString,
  fc.date({ noInvalidDate: true }),
);

/** Any YAML-shaped value: mappings, lists and scalars nested a few levels. */
export const yamlValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(key, tie('value'), { maxKeys: 5 })),
})).value;

/** A manifest-shaped mapping: the top-level keys a manifest has, with arbitrary values. */
export const manifestShaped: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    version: fc.oneof(fc.constant(1), scalar),
    province: fc.oneof(fc.constantFrom(...ENUM_WORDS), scalar),
    entity: fc.oneof(fc.record({ type: fc.oneof(fc.constantFrom(...ENTITY_TYPES), scalar), name: nastyString, principal: yamlValue }, { requiredKeys: [] }), yamlValue),
    websites: fc.oneof(
      fc.array(fc.record({ name: nastyString, domains: fc.array(nastyString, { maxLength: 3 }), admin: yamlValue }, { requiredKeys: [] }), { maxLength: 3 }),
      yamlValue,
    ),
    instances: yamlValue,
    domains: yamlValue,
    documents: yamlValue,
  },
  { requiredKeys: [] },
);

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number };

function slots(root: unknown): Slot[] {
  const out: Slot[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach((v, i) => (out.push({ parent: node, key: i }), walk(v)));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) out.push({ parent: node as Record<string, unknown>, key: k }), walk(v);
  };
  walk(root);
  return out;
}

export type Mutation =
  | { op: 'drop'; at: number }
  | { op: 'replace'; at: number; value: unknown }
  | { op: 'rename'; at: number; key: string }
  | { op: 'insert'; at: number; key: string; value: unknown }
  | { op: 'huge'; at: number; length: number }
  | { op: 'nest'; at: number; depth: number; list: boolean }
  | { op: 'unicode'; at: number; text: string };

const at = fc.nat();
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), at }),
  fc.record({ op: fc.constant('replace' as const), at, value: yamlValue }),
  fc.record({ op: fc.constant('rename' as const), at, key }),
  fc.record({ op: fc.constant('insert' as const), at, key, value: yamlValue }),
  fc.record({ op: fc.constant('huge' as const), at, length: fc.oneof(fc.integer({ min: 1000, max: 200_000 }), fc.constant(1_100_000)) }),
  fc.record({ op: fc.constant('nest' as const), at, depth: fc.integer({ min: 2, max: 300 }), list: fc.boolean() }),
  fc.record({ op: fc.constant('unicode' as const), at, text: nastyString }),
);

/** Applies mutations to a copy; a mutation aimed past the last slot wraps around. */
export function mutate(manifest: Record<string, unknown>, mutations: Mutation[]): Record<string, unknown> {
  const copy = structuredClone(manifest);
  for (const m of mutations) {
    const all = slots(copy);
    if (all.length === 0) break;
    const { parent, key: k } = all[m.at % all.length]!;
    const set = (v: unknown) => ((parent as Record<string | number, unknown>)[k] = v);
    switch (m.op) {
      case 'drop':
        if (Array.isArray(parent)) parent.splice(k as number, 1);
        else delete parent[k as string];
        break;
      case 'replace':
        set(m.value);
        break;
      case 'rename':
        if (!Array.isArray(parent)) {
          const v = parent[k as string];
          delete parent[k as string];
          parent[m.key] = v;
        }
        break;
      case 'insert': {
        const target = (parent as Record<string | number, unknown>)[k];
        if (Array.isArray(target)) target.push(m.value);
        else if (target && typeof target === 'object') Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
        else set({ [m.key]: m.value });
        break;
      }
      case 'huge':
        set('字x'.repeat(Math.ceil(m.length / 2)).slice(0, m.length));
        break;
      case 'nest': {
        let v: unknown = (parent as Record<string | number, unknown>)[k];
        for (let i = 0; i < m.depth; i++) v = m.list ? [v] : { a: v };
        set(v);
        break;
      }
      case 'unicode':
        set(m.text);
        break;
    }
  }
  return copy;
}

/** A leaf replaced by a hostile value of the same type, so the manifest stays valid and reaches the rules. */
export interface LeafChange {
  at: number;
  text: string;
  number: number;
  flip: boolean;
}

export const leafChange: fc.Arbitrary<LeafChange> = fc.record({
  at: fc.nat(),
  text: fc.oneof(
    nastyString,
    fc.integer({ min: 1000, max: 100_000 }).map((n) => '名'.repeat(n)),
  ),
  number: fc.oneof(fc.nat(), fc.constantFrom(0, 1e21, Number.MAX_SAFE_INTEGER, 0.5, -1)),
  flip: fc.boolean(),
});

const FREE_TEXT = new Set([
  'name',
  'remarks',
  'holder',
  'registrar',
  'address',
  'businessScope',
  'email',
  'phone',
  'front',
  'back',
  'image',
  'file',
  'residencePermit',
  'entityName',
  'id',
]);

export function changeLeaves(manifest: Record<string, unknown>, changes: LeafChange[]): Record<string, unknown> {
  const copy = structuredClone(manifest);
  // Free text, file paths and domain names: values the schema takes as any string, so the rules see them.
  const leaves = slots(copy).filter(({ parent, key: k }) => {
    const v = (parent as Record<string | number, unknown>)[k];
    if (typeof v === 'boolean') return true;
    if (typeof v === 'number') return k === 'serviceNumbersUsed' || k === 'publicBandwidthMbps' || k === 'orderAmountCny';
    return typeof v === 'string' && (FREE_TEXT.has(String(k)) || typeof k === 'number');
  });
  for (const c of changes) {
    if (leaves.length === 0) break;
    const { parent, key: k } = leaves[c.at % leaves.length]!;
    const p = parent as Record<string | number, unknown>;
    const v = p[k];
    p[k] = typeof v === 'string' ? c.text : typeof v === 'number' ? c.number : c.flip ? !v : v;
  }
  return copy;
}

export type TextDamage =
  | { op: 'duplicate-key'; line: number }
  | { op: 'bom' }
  | { op: 'crlf' }
  | { op: 'tab'; line: number }
  | { op: 'truncate'; fraction: number }
  | { op: 'splice'; fraction: number; text: string }
  | { op: 'invalid-utf8'; fraction: number; bytes: number[] }
  | { op: 'alias-bomb'; width: number; depth: number }
  | { op: 'deep-flow'; depth: number };

export const textDamage: fc.Arbitrary<TextDamage> = fc.oneof(
  fc.record({ op: fc.constant('duplicate-key' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('bom' as const) }),
  fc.record({ op: fc.constant('crlf' as const) }),
  fc.record({ op: fc.constant('tab' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), fraction: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ op: fc.constant('splice' as const), fraction: fc.double({ min: 0, max: 1, noNaN: true }), text: nastyString }),
  fc.record({
    op: fc.constant('invalid-utf8' as const),
    fraction: fc.double({ min: 0, max: 1, noNaN: true }),
    bytes: fc.oneof(
      fc.constant<number[]>([0xff]),
      fc.constant<number[]>([0xc0, 0xaf]),
      fc.constant<number[]>([0xb9, 0xe3, 0xb6, 0xab]),
      fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 4 }),
    ),
  }),
  fc.record({ op: fc.constant('alias-bomb' as const), width: fc.integer({ min: 2, max: 10 }), depth: fc.integer({ min: 1, max: 9 }) }),
  fc.record({ op: fc.constant('deep-flow' as const), depth: fc.integer({ min: 10, max: 5000 }) }),
);

/** "Billion laughs": each level a list of `width` aliases of the level before. */
export function aliasBomb(width: number, depth: number): string {
  const lines = ['l0: &l0 [lol]'];
  for (let i = 1; i <= depth; i++) lines.push(`l${i}: &l${i} [${Array.from({ length: width }, () => `*l${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

export function damage(text: string, d: TextDamage): Buffer {
  const lines = text.split('\n');
  const pos = (fraction: number) => Math.floor(text.length * fraction);
  switch (d.op) {
    case 'duplicate-key': {
      const keyed = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s*[\w"']+\s*:/.test(l));
      if (keyed.length === 0) return Buffer.from(text);
      const [line, i] = keyed[d.line % keyed.length]!;
      lines.splice(i + 1, 0, line.replace(/:.*$/, ': duplicate'));
      return Buffer.from(lines.join('\n'));
    }
    case 'bom':
      return Buffer.from(`\ufeff${text}`);
    case 'crlf':
      return Buffer.from(text.replace(/\n/g, '\r\n'));
    case 'tab': {
      const i = d.line % Math.max(1, lines.length);
      lines[i] = (lines[i] ?? '').replace(/^ {1,2}/, '\t');
      return Buffer.from(lines.join('\n'));
    }
    case 'truncate':
      return Buffer.from(text).subarray(0, Math.floor(Buffer.byteLength(text) * d.fraction));
    case 'splice':
      return Buffer.from(text.slice(0, pos(d.fraction)) + d.text + text.slice(pos(d.fraction)));
    case 'invalid-utf8':
      return Buffer.concat([Buffer.from(text.slice(0, pos(d.fraction))), Buffer.from(d.bytes), Buffer.from(text.slice(pos(d.fraction)))]);
    case 'alias-bomb':
      return Buffer.from(`${aliasBomb(d.width, d.depth)}${text}`);
    case 'deep-flow':
      return Buffer.from(`${text}\nextra: ${'['.repeat(d.depth)}${']'.repeat(d.depth)}\n`);
  }
}

/** YAML text of a value: block style, flow style (JSON is YAML), or YAML with every scalar quoted. */
export function serialise(value: unknown, style: 'block' | 'json' | 'quoted'): string {
  try {
    if (style === 'json') return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? 'null';
    return stringify(value, { defaultStringType: style === 'quoted' ? 'QUOTE_DOUBLE' : 'PLAIN', aliasDuplicateObjects: false, lineWidth: 0 });
  } catch {
    // A value yaml cannot write (it never happens with these generators, but a generator bug must not pass silently as an empty file).
    return `# unserialisable\nversion: 1\n`;
  }
}

export interface HostileManifest {
  origin: string;
  bytes: Buffer;
  /** The example whose `docs` folder sits beside the manifest. */
  example?: string;
}

/** A counterexample shown as text rather than a byte array, so a failure can be read and replayed. */
function readable(m: HostileManifest): HostileManifest {
  const text = m.bytes.toString('utf8');
  return Object.assign(m, {
    [fc.toStringMethod]: () => `${m.origin} (${m.bytes.length} bytes):\n${JSON.stringify(text.length > 4000 ? `${text.slice(0, 4000)}…` : text)}`,
  });
}

const hostileManifestBase: fc.Arbitrary<HostileManifest> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .record({
        example: fc.integer({ min: 0, max: EXAMPLES.length - 1 }),
        mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
        style: fc.constantFrom('block' as const, 'json' as const, 'quoted' as const),
        damage: fc.option(textDamage, { freq: 3 }),
      })
      .map(({ example, mutations, style, damage: d }) => {
        const ex = EXAMPLES[example]!;
        const text = serialise(mutate(ex.manifest, mutations), style);
        return { origin: `mutated ${ex.name}`, bytes: d ? damage(text, d) : Buffer.from(text), example: ex.name };
      }),
  },
  {
    weight: 8,
    arbitrary: fc
      .record({ example: fc.integer({ min: 0, max: EXAMPLES.length - 1 }), changes: fc.array(leafChange, { minLength: 1, maxLength: 6 }) })
      .map(({ example, changes }) => {
        const ex = EXAMPLES[example]!;
        return { origin: `leaves of ${ex.name}`, bytes: Buffer.from(serialise(changeLeaves(ex.manifest, changes), 'quoted')), example: ex.name };
      }),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ value: manifestShaped, style: fc.constantFrom('block' as const, 'json' as const), damage: fc.option(textDamage, { freq: 4 }) })
      .map(({ value, style, damage: d }) => {
        const text = serialise(value, style);
        return { origin: 'manifest-shaped', bytes: d ? damage(text, d) : Buffer.from(text) };
      }),
  },
  { weight: 1, arbitrary: yamlValue.map((v) => ({ origin: 'any YAML value', bytes: Buffer.from(serialise(v, 'block')) })) },
  {
    weight: 1,
    arbitrary: fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.uint8Array({ maxLength: 300 })).map((s) => ({
      origin: 'arbitrary text',
      bytes: typeof s === 'string' ? Buffer.from(s) : Buffer.from(s),
    })),
  },
);

/** The bytes of one hostile manifest. */
export const hostileManifest: fc.Arbitrary<HostileManifest> = hostileManifestBase.map(readable);
