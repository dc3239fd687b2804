// Options as a run uses them: the command line (or the API caller) over the config file over the
// defaults. Paths in the config are relative to its folder; lists from both places add up.
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import type { Lang } from '../model.js';
import { defaultCacheDir } from '../facts/domains/cache.js';
import type { LoadedConfig } from './load.js';
import type { Config, RegistrarAddition } from './schema.js';
import type { Waiver } from '../waivers/schema.js';

export type FormatName = NonNullable<Config['format']>;

/** A waiver with where it was written, so the report can say which entry accepted a finding. */
export interface WaiverEntry extends Waiver {
  source: 'manifest' | 'config';
  /** Its index in that `accept:` list. */
  index: number;
  /** The config file's folder (config waivers): `files` globs start there. */
  dir?: string;
  /** The config file (config waivers). */
  file?: string;
}

/** Every option a check run takes, as given on the command line or to the API (all optional). */
export interface GivenOptions {
  format?: FormatName;
  lang?: Lang;
  date?: string;
  offline?: boolean;
  strict?: boolean;
  quiet?: boolean;
  color?: boolean;
  concurrency?: number;
  cache?: boolean;
  cacheDir?: string;
  whoisServer?: string;
  rdapUrl?: string;
  whoisTimeout?: number;
  perServerConcurrency?: number;
  tldList?: string;
  maxWarnings?: number;
  sarifNotes?: boolean;
  /** Read ID cards and certificates with the optional OCR engine. */
  ocr?: boolean;
  approvedSuffixes?: string[];
  registrars?: RegistrarAddition[];
  accept?: Waiver[];
}

export interface Settings extends Required<Omit<GivenOptions, 'date' | 'whoisServer' | 'rdapUrl' | 'tldList' | 'maxWarnings' | 'accept' | 'perServerConcurrency'>> {
  perServerConcurrency?: number;
  date?: string;
  whoisServer?: string;
  rdapUrl?: string;
  /** Absolute. */
  tldList?: string;
  maxWarnings?: number;
  accept: WaiverEntry[];
  /** The config file that was read, if any. */
  configFile?: string;
}

export interface Defaults {
  format: FormatName;
  lang: Lang;
}

export function mergeSettings(given: GivenOptions, loaded: LoadedConfig | undefined, defaults: Defaults, cwd: string): Settings {
  const c: Config = loaded?.config ?? {};
  const fromConfig = (p: string | undefined) => (p === undefined || !loaded ? p : path.resolve(loaded.dir, p));
  const pick = <K extends keyof GivenOptions & keyof Config>(key: K) => (given[key] !== undefined ? given[key] : c[key]);
  const accept: WaiverEntry[] = [
    ...(c.accept ?? []).map((w, index) => ({ ...w, source: 'config' as const, index, dir: loaded!.dir, file: loaded!.file })),
    ...(given.accept ?? []).map((w, index) => ({ ...w, source: 'config' as const, index, dir: cwd })),
  ];
  return {
    format: pick('format') ?? defaults.format,
    lang: pick('lang') ?? defaults.lang,
    date: pick('date'),
    offline: pick('offline') ?? false,
    strict: pick('strict') ?? false,
    quiet: pick('quiet') ?? false,
    color: pick('color') ?? true,
    concurrency: pick('concurrency') ?? Math.max(4, os.availableParallelism() * 4),
    cache: pick('cache') ?? true,
    cacheDir: given.cacheDir !== undefined ? path.resolve(cwd, given.cacheDir) : (fromConfig(c.cacheDir) ?? defaultCacheDir()),
    whoisServer: pick('whoisServer'),
    rdapUrl: pick('rdapUrl'),
    whoisTimeout: pick('whoisTimeout') ?? 10_000,
    perServerConcurrency: pick('perServerConcurrency'),
    tldList: given.tldList !== undefined ? path.resolve(cwd, given.tldList) : fromConfig(c.tldList),
    maxWarnings: pick('maxWarnings'),
    sarifNotes: pick('sarifNotes') ?? false,
    ocr: pick('ocr') ?? false,
    approvedSuffixes: [...(c.approvedSuffixes ?? []), ...(given.approvedSuffixes ?? [])],
    registrars: [...(c.registrars ?? []), ...(given.registrars ?? [])],
    accept,
    ...(loaded ? { configFile: loaded.file } : {}),
  };
}

/** `--print-config`: the merged settings as YAML, in the config file's own keys. */
export function printSettings(s: Settings): string {
  const { configFile, accept, ...rest } = s;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) out[k] = v;
  out.accept = accept.map(({ source, index, dir, file, ...w }) => ({ ...w, from: source === 'config' && file ? `${file}: accept[${index}]` : 'options' }));
  const head = `# icp-check settings: command line over ${configFile ? configFile : 'no config file'} over the defaults\n`;
  return head + YAML.stringify(out, { lineWidth: 0 });
}
