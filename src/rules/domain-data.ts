// Loads `regulations/tlds.yaml` (approved suffixes) and `regulations/registrars.yaml` (registrars and
// the names WHOIS prints for them), validated with zod; a malformed file fails loudly, naming itself.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { domainToASCII } from 'node:url';
import { parseDataFile } from '../regulations/compiled.js';
import { z } from 'zod';
import { memoise } from '../memo.js';

const text = z.strictObject({ en: z.string().min(1), zh: z.string().min(1) });
const day = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.date().transform((d) => d.toISOString().slice(0, 10))]);

export const tldFile = z.strictObject({
  date: day,
  source: z.string().min(1),
  confirmAt: text,
  approved: z.array(z.string().min(1)).min(1),
  notApproved: z.array(z.string().min(1)).default([]),
});

export const registrarFile = z.strictObject({
  date: day,
  source: z.string().min(1),
  confirmAt: text,
  registrars: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
      zh: z.string().min(1),
      en: z.string().min(1),
      approved: z.boolean(),
      foreign: z.boolean().default(false),
      alibabaInternational: z.boolean().default(false),
      note: z.string().optional(),
      aliases: z.array(z.string().min(1)).default([]),
    }),
  ),
});

export type Registrar = z.output<typeof registrarFile>['registrars'][number];

export interface TldList {
  date: string;
  source: string;
  confirmAt: { en: string; zh: string };
  /** ASCII (punycode) suffixes. */
  approved: Set<string>;
  notApproved: Set<string>;
}

export interface RegistrarList {
  date: string;
  source: string;
  confirmAt: { en: string; zh: string };
  registrars: Registrar[];
}

export const TLDS_FILE = fileURLToPath(new URL('../../regulations/tlds.yaml', import.meta.url));
export const REGISTRARS_FILE = fileURLToPath(new URL('../../regulations/registrars.yaml', import.meta.url));

/** A suffix as written (`中国`, `.COM.cn`) to lower-case ASCII without dots at the ends. */
export function asciiSuffix(s: string): string {
  const t = s
    .trim()
    .toLowerCase()
    .replace(/^\.+|\.+$/g, '');
  return domainToASCII(t) || t;
}

export function parseTldList(source: string, file: string): TldList {
  const d = parseDataFile(tldFile, source, file);
  return { date: d.date, source: d.source, confirmAt: d.confirmAt, approved: new Set(d.approved.map(asciiSuffix)), notApproved: new Set(d.notApproved.map(asciiSuffix)) };
}

export function parseRegistrarList(source: string, file: string): RegistrarList {
  const d = parseDataFile(registrarFile, source, file);
  const ids = new Set<string>();
  for (const r of d.registrars) {
    if (ids.has(r.id)) throw new Error(`${file}: registrars: duplicate id ${r.id}`);
    ids.add(r.id);
  }
  return d;
}

let tlds: TldList | undefined;
let registrars: RegistrarList | undefined;

export function loadTldList(): TldList {
  tlds ??= parseTldList(readFileSync(TLDS_FILE, 'utf8'), TLDS_FILE);
  return tlds;
}

export function loadRegistrarList(): RegistrarList {
  registrars ??= parseRegistrarList(readFileSync(REGISTRARS_FILE, 'utf8'), REGISTRARS_FILE);
  return registrars;
}

/** Suffixes from a `--tld-list` file: one a line, `#` comments, Unicode or punycode, leading dot optional. */
export function parseSuffixLines(source: string): string[] {
  return source
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean)
    .map(asciiSuffix);
}

/**
 * Names compared as people write them: NFKC (full-width brackets and letters), no spaces or punctuation,
 * lower case; once per name, as the same holder and registrar names come back for every domain and filing.
 */
export const normaliseName: (name: string) => string = memoise((name) => normaliseUncached(name));

function normaliseUncached(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u3000]+/g, '')
    .replace(/[.,，。、·'"“”‘’]/g, '');
}

const byName = new WeakMap<RegistrarList, Map<string, Registrar>>();

/** Every name of a list's registrars, normalised, to the first registrar that carries it. */
function namesOf(list: RegistrarList): Map<string, Registrar> {
  let names = byName.get(list);
  if (!names) {
    names = new Map();
    for (const r of list.registrars) for (const a of [r.zh, r.en, ...r.aliases]) if (!names.has(normaliseName(a))) names.set(normaliseName(a), r);
    byName.set(list, names);
  }
  return names;
}

/** The registrar a WHOIS name belongs to, if the list knows it. */
export function findRegistrar(name: string | undefined, list = loadRegistrarList()): Registrar | undefined {
  if (!name) return undefined;
  const n = normaliseName(name);
  if (!n) return undefined;
  return namesOf(list).get(n);
}

/** The list with registrars the config adds (matched by the names given, like the list's own aliases). */
export function withRegistrars(list: RegistrarList, additions: Array<{ name: string; aliases: string[]; approved: boolean; foreign: boolean }> | undefined): RegistrarList {
  if (!additions?.length) return list;
  const added = additions.map(
    (a, i): Registrar => ({ id: `config-${i + 1}`, zh: a.name, en: a.name, approved: a.approved, foreign: a.foreign, alibabaInternational: false, aliases: a.aliases }),
  );
  // The config's entries come first, so an agency can also correct the bundled list.
  return { ...list, registrars: [...added, ...list.registrars] };
}
