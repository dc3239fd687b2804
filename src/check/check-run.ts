// Checking as the Node API and the command line share it: inputs expanded, options defaulted,
// one run-wide lookup service opened and closed; the command line adds only what it reports besides.
import path from 'node:path';
import type { FilingReport, Report } from '../model.js';
import { checkEach, checkFiles, type ManifestSource, type RunOptions } from './run.js';
import { expandInputs, parseShard } from './inputs.js';
import { ImageInspector } from '../facts/images.js';
import { CappedDomainLookups } from './lookup-cap.js';
import type { OcrReader } from '../facts/ocr/engine.js';
import { stripControl } from '../report/sanitize.js';
import { todayInChina } from '../facts/dates.js';
import { parseManifestText, Positions, schemaFindings, type LoadResult } from '../manifest/load.js';
import { manifestSchema } from '../manifest/schema.js';
import { readSuffixList } from '../commands/tld-list.js';
import { UsageError } from '../errors.js';
import { loadConfig } from '../config/load.js';
import { mergeSettings, type Settings } from '../config/merge.js';
import type { CheckInput, CheckOptions, ManifestInput, Shard } from './check-options.js';

export type { CheckInput, CheckOptions, ManifestInput, Shard };

/** What the command line needs besides the report. */
export interface CheckRun {
  report: Report;
  /** YAML files in folders or globs that did not look like manifests. */
  skipped: string[];
  /** Distinct domains left unlooked-up by the per-run cap, and the cap. */
  lookupsLeftOut: number;
  lookupCap: number;
}

function inlineSource(input: ManifestInput, index: number, cwd: string): ManifestSource {
  const file = path.resolve(cwd, input.file ?? `inline-${index + 1}.yaml`);
  return {
    file: input.file ?? path.relative(cwd, file),
    load: async (): Promise<LoadResult> => {
      if (typeof input.manifest === 'string') return parseManifestText(input.manifest);
      const parsed = manifestSchema.safeParse(input.manifest, { reportInput: true });
      if (!parsed.success) return { ok: false, findings: schemaFindings(parsed.error), positions: Positions.none() };
      return { ok: true, manifest: parsed.data, positions: Positions.none() };
    },
  };
}

/** `check` with what the command line reports besides (skipped files); throws UsageError for inputs that name nothing. */
/** The API's options over the config file over the defaults. */
export async function apiSettings(options: CheckOptions): Promise<Settings> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const { config, cwd: _cwd, shard: _shard, onInputs: _i, onProgress: _p, workers: _w, registrars, ...given } = options;
  const registrarList = registrars?.map((r) => ({ aliases: [], approved: true, foreign: false, ...r }));
  return mergeSettings({ ...given, registrars: registrarList }, await loadConfig(config, cwd), { format: 'json', lang: 'en' }, cwd);
}

export interface RunExtra {
  sources?: ManifestSource[];
  settings?: Settings;
  /** The OCR engine, loaded once for the run (`--ocr`). */
  ocr?: OcrReader;
  /** The image inspector of the run (one is made when none is given). */
  images?: ImageInspector;
  /** Called with the real path of every file the run found (all shards) before any check runs. */
  beforeCheck?: (real: ReadonlySet<string>) => Promise<void>;
  /**
   * Each filing's report in input order as it is finished; the run's report then holds no
   * filings (a run of any size in memory that does not grow with it).
   */
  onFiling?: (filing: FilingReport, index: number) => Promise<void> | void;
}

export async function runCheck(inputs: CheckInput | CheckInput[], options: CheckOptions = {}, extra: RunExtra = {}): Promise<CheckRun> {
  const list = Array.isArray(inputs) ? inputs : [inputs];
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const settings = extra.settings ?? (await apiSettings(options));
  // Read first: a list that cannot be read costs no expansion, and is named as relative to the working folder.
  const approvedSuffixes = [...settings.approvedSuffixes, ...(settings.tldList ? await readSuffixList(settings.tldList, shownPath(settings.tldList, cwd)) : [])];
  const paths = list.filter((i): i is string => typeof i === 'string');
  const inline = list.filter((i): i is ManifestInput => typeof i !== 'string').map((i, n) => inlineSource(i, n, cwd));
  const shard = typeof options.shard === 'string' ? parseShardOption(options.shard) : options.shard;
  const expanded = paths.length > 0 ? await expandInputs(paths, { shard, cwd }) : { files: [], skipped: [], missing: [], real: new Set<string>() };
  if (expanded.missing.length > 0) throw new UsageError(`no such file, folder or matching glob: ${expanded.missing.map((m) => stripControl(m)).join(', ')}`);
  const sources = [...(extra.sources ?? []), ...inline];
  if (paths.length > 0 && expanded.files.length === 0 && sources.length === 0 && !shard) {
    throw new UsageError(
      `no manifests found in ${paths.map((p) => stripControl(p)).join(', ')}${expanded.skipped.length ? ` (${expanded.skipped.length} YAML files without \`version\` and \`entity\` were skipped)` : ''}`,
    );
  }
  // Paths relative to `cwd` when it is not the process's own folder.
  const files = cwd === process.cwd() ? expanded.files : expanded.files.map((f) => path.resolve(cwd, f));
  await extra.beforeCheck?.(expanded.real);
  options.onInputs?.([...sources.map((s) => s.file), ...files]);
  const date = settings.date ?? todayInChina();
  const domains = new CappedDomainLookups({
    offline: settings.offline,
    useCache: settings.cache,
    cacheDir: settings.cacheDir,
    timeoutMs: settings.whoisTimeout,
    whoisServer: settings.whoisServer,
    rdapUrl: settings.rdapUrl,
    perServerConcurrency: settings.perServerConcurrency,
  });
  const images = extra.images ?? new ImageInspector();
  try {
    const runOptions: RunOptions = {
      date,
      offline: settings.offline,
      approvedSuffixes,
      registrars: settings.registrars,
      accept: settings.accept,
      lang: settings.lang,
      concurrency: settings.concurrency,
      workers: options.workers,
      onProgress: options.onProgress,
    };
    const factSources = { images, domains, ocr: extra.ocr };
    const all = [...sources, ...files];
    let report: Report;
    if (extra.onFiling) {
      const { tool, date: day, ...rest } = await checkEach(all, runOptions, factSources, extra.onFiling);
      report = { tool, date: day, filings: [], ...rest };
    } else {
      report = await checkFiles(all, runOptions, factSources);
    }
    // A config waiver unused in this shard may be used in another.
    if (shard) delete report.unusedWaivers;
    return { report, skipped: expanded.skipped, lookupsLeftOut: domains.leftOut, lookupCap: domains.cap };
  } finally {
    await domains.close();
  }
}

/** A path under `cwd` as relative to it (as a user most likely typed it), any other as it is. */
function shownPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

function parseShardOption(text: string): Shard {
  try {
    return parseShard(text);
  } catch (err) {
    throw new UsageError(`--shard: ${(err as Error).message}`);
  }
}
