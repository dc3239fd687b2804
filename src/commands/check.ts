// `icp-check [check] <manifest|folder|glob>...`: the default command.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import type { FilingReport, Lang } from '../model.js';
import { runCheck } from '../check/check-run.js';
import { exitCodeOf, TOOL } from '../check/run.js';
import { OcrReader, OcrUnavailableError } from '../facts/ocr/engine.js';
import { ImageInspector } from '../facts/images.js';
import { todayInChina } from '../facts/dates.js';
import { ruleIndex } from '../rules/registry.js';
import { FORMATS, type Format, STREAMS } from '../report/formats/index.js';
import { type FormatStream, Spools, tailOf } from '../report/formats/stream.js';
import { message } from '../report/catalogue/index.js';
import type { FormatContext } from '../report/formats/context.js';
import { githubSummaryStream } from '../report/formats/github.js';
import { maskByDefault, maskFiling } from '../report/mask.js';
import { UsageError } from '../errors.js';
import { defaultLang, parseCount, parseDate, parseDuration, parseLang, parsePositiveInt } from './options.js';
import { loadConfig } from '../config/load.js';
import { mergeSettings, printSettings, type GivenOptions } from '../config/merge.js';
import type { ManifestSource } from '../check/run.js';
import { MAX_MANIFEST_BYTES, parseManifestText, Positions } from '../manifest/load.js';
import { appendStepSummary, type OutputSink, type OutputTarget, openOutput, prepareOutput } from './output.js';
import { stripControl } from '../report/sanitize.js';

export interface CheckCommandOptions {
  format?: Format;
  output?: string;
  offline?: boolean;
  date?: string;
  lang?: Lang;
  strict?: boolean;
  concurrency?: number;
  workers?: number;
  perServerConcurrency?: number;
  cacheDir?: string;
  cache?: boolean;
  whoisServer?: string;
  rdapUrl?: string;
  whoisTimeout?: number;
  tldList?: string;
  shard?: string;
  quiet?: boolean;
  /** Every passing check and note too (pretty). */
  verbose?: boolean;
  color?: boolean;
  /** Mask ID numbers, mobiles and e-mail addresses (`--mask`/`--no-mask`); default from the format (`maskByDefault`). */
  mask?: boolean;
  /** A config file, or false (`--no-config`) for none; default: discovered from the working folder up. */
  config?: string | false;
  printConfig?: boolean;
  maxWarnings?: number;
  sarifNotes?: boolean;
  /** Read the ID cards and the entity certificate with the optional OCR engine (`ocr: true` in a config file). */
  ocr?: boolean;
}

/** Options that the config file may also set; the command line wins when it names them. */
const SETTING_KEYS = [
  'format',
  'lang',
  'date',
  'offline',
  'strict',
  'quiet',
  'color',
  'concurrency',
  'cache',
  'cacheDir',
  'whoisServer',
  'rdapUrl',
  'whoisTimeout',
  'perServerConcurrency',
  'tldList',
  'maxWarnings',
  'sarifNotes',
  'ocr',
] as const satisfies ReadonlyArray<keyof CheckCommandOptions & keyof GivenOptions>;

/** `FORCE_COLOR` and `NO_COLOR` as most tools read them: FORCE_COLOR=0 or false turns colour off, any other value on. */
export function colorFromEnv(env: NodeJS.ProcessEnv): boolean | undefined {
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(env.FORCE_COLOR.trim().toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return undefined;
}

export async function runCheckCommand(inputs: string[], opts: CheckCommandOptions, fromCli: (key: string) => boolean = () => true): Promise<number> {
  const env = process.env;
  const cwd = process.cwd();
  const given: GivenOptions = {};
  for (const key of SETTING_KEYS) if (fromCli(key) && opts[key] !== undefined) (given as Record<string, unknown>)[key] = opts[key];
  // The terminal's colour wish (FORCE_COLOR, NO_COLOR) counts as given on the command line unless --color/--no-color is.
  const envColor = colorFromEnv(env);
  if (given.color === undefined && envColor !== undefined) given.color = envColor;
  const loaded = await loadConfig(opts.config, cwd);
  const settings = mergeSettings(given, loaded, { format: env.GITHUB_ACTIONS === 'true' ? 'github' : 'pretty', lang: defaultLang(env) }, cwd);
  if (opts.printConfig) {
    process.stdout.write(printSettings(settings));
    return 0;
  }
  if (inputs.length === 0) throw new UsageError('name the manifests to check: files, folders, globs, or - for standard input');
  const format: Format = settings.format;
  const lang = settings.lang;
  const date = settings.date ?? todayInChina();
  const ocr = settings.ocr ? await loadOcr() : undefined;
  const toTerminal = !opts.output && process.stdout.isTTY === true;
  const color = given.color ?? (settings.color && toTerminal);
  const mayShowProgress = process.stderr.isTTY === true && !env.CI && !settings.quiet && (format === 'pretty' || Boolean(opts.output));
  const ora = mayShowProgress ? (await import('ora')).default : undefined;
  let spinner: ReturnType<NonNullable<typeof ora>> | undefined;
  const stdinCount = inputs.filter((i) => i === '-').length;
  if (stdinCount > 1) throw new UsageError('- (standard input) can be named once');
  const sources = stdinCount === 1 ? [stdinManifest()] : [];
  let target = { kind: 'stdout' } as OutputTarget;
  // Personal data is masked on each filing's report before any formatter sees it.
  const mask = opts.mask ?? maskByDefault(format);
  // Annotations and code scanning want paths from the repository root (`root`); people, from where they are.
  const ctx: FormatContext = {
    lang,
    rules: ruleIndex(),
    cwd,
    root: repositoryRoot(cwd),
    strict: settings.strict,
    color,
    quiet: settings.quiet,
    verbose: opts.verbose === true,
    notes: settings.sarifNotes,
  };
  // Each filing is written as it is finished (the parts a format must keep for the end wait in spools on disk):
  // memory does not grow with the number of filings.
  const spools = new Spools(spoolMemory(env));
  const images = new ImageInspector();
  const tally = new Tally(settings.strict);
  let sink: OutputSink | undefined;
  let stream: FormatStream | undefined;
  let summary: FormatStream | undefined;
  let begun = false;
  const write = async (pieces: (s: FormatStream) => Iterable<string>) => {
    if (!begun) await sink!.write(stream!.begin());
    begun = true;
    await sink!.write(pieces(stream!));
  };
  const stepSummary = format === 'github' ? env.GITHUB_STEP_SUMMARY : undefined;
  try {
    const { report, skipped, lookupsLeftOut, lookupCap } = await runCheck(
      inputs.filter((i) => i !== '-'),
      {
        shard: opts.shard,
        workers: opts.workers,
        onInputs: (files) => {
          if (ora && files.length > 1) spinner = ora({ stream: process.stderr, text: progressText(0, files.length, lang) }).start();
          const head = { tool: TOOL, date, total: files.length };
          stream = STREAMS[format](head, ctx, spools);
          if (stepSummary) summary = githubSummaryStream(head, ctx, spools);
        },
        onProgress: (done, total) => {
          if (spinner) spinner.text = progressText(done, total, lang);
        },
      },
      {
        sources,
        settings: { ...settings, date },
        ocr,
        images,
        // Decided before the run: a wrong --output costs no check, and it never replaces a file of the run (any shard, any name).
        beforeCheck: async (real) => {
          target = await prepareOutput(opts.output, real);
          if (target.kind === 'file') images.watch(target.real);
          sink = await openOutput(target);
        },
        onFiling: async (filing, index) => {
          tally.add(filing);
          const shown = mask ? maskFiling(filing) : filing;
          await write((s) => s.filing(shown, index));
          // The step summary keeps what it needs; it is written at the end.
          if (summary) for (const _piece of summary.filing(shown, index));
        },
      },
    ).finally(() => spinner?.stop());
    // The images the manifests name are known only now: a report is never written over one either.
    if (target.kind === 'file' && images.inspected(target.real)) {
      throw new UsageError(`--output ${stripControl(target.written)} is a file a manifest refers to; it would be overwritten`);
    }
    const tail = tailOf(report);
    await write((s) => s.end(tail));
    await sink!.close();
    if (stepSummary && summary) {
      const warning = await appendStepSummary(stepSummary, summary.end(tail));
      if (warning) process.stderr.write(`icp-check: ${warning}\n`);
    }
    // Said even under -q: a gate must show that it passed over files.
    if (skipped.length > 0) process.stderr.write(`${message('cli.skipped', { count: skipped.length }, lang)}\n`);
    if (lookupsLeftOut > 0) process.stderr.write(`${message('cli.lookupsLeftOut', { cap: lookupCap, count: lookupsLeftOut }, lang)}\n`);
    if (!settings.quiet) {
      for (const w of report.unusedWaivers ?? []) {
        process.stderr.write(`${message('cli.unusedWaiver', { entry: w.entry, rule: w.rule }, lang)}\n`);
      }
    }
  } catch (err) {
    await sink?.abort();
    throw err;
  } finally {
    spools.close();
  }
  const code = tally.code;
  if (code === 0 && settings.maxWarnings !== undefined && tally.warnings > settings.maxWarnings) {
    process.stderr.write(`${message('cli.maxWarnings', { count: tally.warnings, option: '--max-warnings', max: settings.maxWarnings }, lang)}\n`);
    return 1;
  }
  return code;
}

/** `ICP_CHECK_SPOOL_MEMORY`: characters a format keeps in memory before it moves to a temporary file (default 4 Mi). */
function spoolMemory(env: NodeJS.ProcessEnv): number | undefined {
  const n = Number(env.ICP_CHECK_SPOOL_MEMORY);
  return env.ICP_CHECK_SPOOL_MEMORY && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** What the exit code needs of the filings, counted as they pass. */
class Tally {
  total = 0;
  warnings = 0;
  code: 0 | 1 | 2 = 0;
  constructor(private readonly strict: boolean) {}
  add(f: FilingReport): void {
    this.total++;
    this.warnings += f.summary.warn + f.summary.unknown;
    this.code = Math.max(this.code, exitCodeOf({ filings: [f] }, this.strict)) as 0 | 1 | 2;
  }
}

async function loadOcr(): Promise<OcrReader> {
  try {
    return await OcrReader.load();
  } catch (err) {
    if (err instanceof OcrUnavailableError) throw new UsageError(err.message);
    throw err;
  }
}

/** `-`: one manifest read from standard input, bounded like a file; image paths are relative to the working folder. */
function stdinManifest(): ManifestSource {
  return {
    file: '<stdin>',
    load: async () => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        const buf = chunk as Buffer;
        size += buf.length;
        if (size > MAX_MANIFEST_BYTES) {
          process.stdin.destroy();
          return {
            ok: false,
            findings: [{ rule: 'manifest/too-large', status: 'fail', path: '', args: { size: `>${MAX_MANIFEST_BYTES}`, limit: MAX_MANIFEST_BYTES } }],
            positions: Positions.none(),
          };
        }
        chunks.push(buf);
      }
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
      } catch {
        return { ok: false, findings: [{ rule: 'manifest/not-utf8', status: 'fail', path: '', args: {} }], positions: Positions.none() };
      }
      return parseManifestText(text);
    },
  };
}

/** Machine formats give paths relative to the repository: the git root above the working folder, else the working folder. */
export function repositoryRoot(cwd: string): string {
  let dir = path.resolve(cwd);
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(cwd);
    dir = parent;
  }
}

function progressText(done: number, total: number, lang: Lang): string {
  return message('cli.progress', { done, total }, lang);
}

export function checkCommand(setExitCode: (code: number) => void): Command {
  return new Command('check')
    .description('check filings: manifests, folders of manifests, or globs (the default command)')
    .argument('[inputs...]', 'manifest files, folders or globs; - reads one manifest from standard input')
    .addOption(new Option('-f, --format <format>', 'output format (default: pretty; github under GitHub Actions)').choices(FORMATS))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--offline', 'no network: WHOIS/RDAP from cache and declared facts only')
    .option('--date <YYYY-MM-DD>', 'check as of this day (China Standard Time; default today)', parseDate)
    .option('--lang <en|zh>', 'language of the report (default from LC_ALL/LANG)', parseLang)
    .option('--strict', 'warnings and unconfirmed checks fail too (exit 1)')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings and points to confirm', parseCount)
    .option('--concurrency <n>', 'filings checked at once (default from the core count)', parsePositiveInt)
    .option(
      '--workers <n>',
      'threads checking filings beside the main one, for batches of thousands: faster on a machine with cores to spare, about 100 MB more each (default 0)',
      parseCount,
    )
    .option('--cache-dir <dir>', 'WHOIS/RDAP cache folder (default ~/.cache/icp-check)')
    .option('--no-cache', 'neither read nor write the WHOIS/RDAP cache')
    .option('--whois-server <host:port>', 'send every WHOIS query to this server (a proxy, a test server)')
    .option('--rdap-url <url>', 'send every RDAP query to this base URL')
    .option('--whois-timeout <duration>', 'timeout per WHOIS/RDAP request, e.g. 10s or 500ms (default 10s)', parseDuration)
    .option(
      '--per-server-concurrency <n>',
      'WHOIS/RDAP queries at once per server (default 2, fewer for registries that throttle, 16 for --whois-server/--rdap-url)',
      parsePositiveInt,
    )
    .option('--tld-list <file>', 'a file of extra approved suffixes, one per line')
    .option('--shard <i/n>', 'check only the i-th of n deterministic shards of the inputs')
    .option('--ocr', 'read the ID cards and the entity certificate and compare them with the manifest (optional engine, see README)')
    .option('-q, --quiet', 'print only what needs action (under --strict also warnings and checks to confirm)')
    .option('--verbose', 'also print every passing check and note')
    .option('--color', 'colour even when not writing to a terminal (also FORCE_COLOR=1)')
    .option('--no-color', 'no colour (also NO_COLOR, FORCE_COLOR=0)')
    .option('--mask', 'mask ID numbers, mobiles and e-mail addresses (default for github, sarif, junit, markdown, html)')
    .option('--no-mask', 'print personal data in full (default for pretty and json)')
    .option('--sarif-notes', 'include notes (info) in SARIF output')
    .option('-c, --config <file>', 'read this config file instead of the nearest icp-check.config.yaml')
    .option('--no-config', 'read no config file')
    .option('--print-config', 'print the settings the run would use (command line, config file, defaults) and exit')
    .action(async (inputs: string[], opts: CheckCommandOptions, command: Command) => {
      // `--verbose` is also the program's option (stack traces); either place turns the full listing on.
      const verbose = opts.verbose === true || command.optsWithGlobals<{ verbose?: boolean }>().verbose === true;
      setExitCode(await runCheckCommand(inputs, { ...opts, verbose }, (key) => command.getOptionValueSource(key) === 'cli'));
    });
}
