// `icp-check [check] <manifest|folder|glob>...`: the default command.
import { randomBytes } from 'node:crypto';
import { appendFile, rename, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command, Option } from 'commander';
import type { Lang } from '../model.js';
import { checkFiles, exitCodeOf } from '../check/run.js';
import { expandInputs, parseShard } from '../check/inputs.js';
import { ImageInspector } from '../facts/images.js';
import { DomainLookupService } from '../facts/domains/lookup.js';
import { todayInChina } from '../facts/dates.js';
import { ruleIndex } from '../rules/registry.js';
import { FORMATTERS, FORMATS, type Format } from '../report/formats/index.js';
import type { FormatContext } from '../report/formats/context.js';
import { githubStepSummary } from '../report/formats/github.js';
import { maskByDefault, maskReport } from '../report/mask.js';
import { UsageError } from '../errors.js';
import { defaultLang, parseDate, parseDuration, parseLang, parsePositiveInt } from './options.js';
import { readSuffixList } from './tld-list.js';

export interface CheckCommandOptions {
  format?: Format;
  output?: string;
  offline: boolean;
  date?: string;
  lang?: Lang;
  strict: boolean;
  concurrency?: number;
  perServerConcurrency?: number;
  cacheDir?: string;
  cache: boolean;
  whoisServer?: string;
  rdapUrl?: string;
  whoisTimeout: number;
  tldList?: string;
  shard?: string;
  quiet: boolean;
  color: boolean;
  /** Mask ID numbers, mobiles and e-mail addresses (`--mask`/`--no-mask`); default from the format (`maskByDefault`). */
  mask?: boolean;
}

/** Writes beside the target and renames, so a reader never sees half a report. */
async function writeAtomically(file: string, content: string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, content, { flag: 'wx' });
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

export async function runCheckCommand(inputs: string[], opts: CheckCommandOptions): Promise<number> {
  const env = process.env;
  const format: Format = opts.format ?? (env.GITHUB_ACTIONS === 'true' ? 'github' : 'pretty');
  const lang = opts.lang ?? defaultLang(env);
  const date = opts.date ?? todayInChina();
  const expanded = await expandInputs(inputs, { shard: opts.shard ? parseShardArgument(opts.shard) : undefined });
  if (expanded.missing.length > 0) throw new UsageError(`no such file, folder or matching glob: ${expanded.missing.join(', ')}`);
  if (expanded.files.length === 0 && !opts.shard) {
    throw new UsageError(
      `no manifests found in ${inputs.join(', ')}${expanded.skipped.length ? ` (${expanded.skipped.length} YAML files without \`version\` and \`entity\` were skipped)` : ''}`,
    );
  }
  if (opts.output) {
    const out = path.resolve(opts.output);
    if (expanded.files.some((f) => path.resolve(f) === out)) throw new UsageError(`--output ${opts.output} is one of the manifests being checked; it would be overwritten`);
  }
  const approvedSuffixes = opts.tldList ? await readSuffixList(opts.tldList) : [];

  const toTerminal = !opts.output && process.stdout.isTTY === true;
  const color = opts.color && !('NO_COLOR' in env && env.NO_COLOR !== '') && (toTerminal || env.FORCE_COLOR !== undefined);
  const showProgress = process.stderr.isTTY === true && !env.CI && !opts.quiet && (format === 'pretty' || Boolean(opts.output)) && expanded.files.length > 1;
  const spinner = showProgress ? (await import('ora')).default({ stream: process.stderr, text: progressText(0, expanded.files.length, lang) }).start() : undefined;

  const domains = new DomainLookupService({
    offline: opts.offline,
    useCache: opts.cache,
    cacheDir: opts.cacheDir,
    timeoutMs: opts.whoisTimeout,
    whoisServer: opts.whoisServer,
    rdapUrl: opts.rdapUrl,
    perServerConcurrency: opts.perServerConcurrency,
  });
  let report: Awaited<ReturnType<typeof checkFiles>>;
  try {
    report = await checkFiles(
      expanded.files,
      {
        date,
        offline: opts.offline,
        approvedSuffixes,
        lang,
        concurrency: opts.concurrency ?? Math.max(4, os.availableParallelism() * 4),
        onProgress: spinner ? (done, total) => (spinner.text = progressText(done, total, lang)) : undefined,
      },
      { images: new ImageInspector(), domains },
    );
  } finally {
    spinner?.stop();
    await domains.close();
  }

  // Personal data is masked once, on the finished report, before any formatter sees it.
  if (opts.mask ?? maskByDefault(format)) report = maskReport(report);
  const ctx: FormatContext = { lang, rules: ruleIndex(), cwd: process.cwd(), strict: opts.strict, color, quiet: opts.quiet };
  const text = FORMATTERS[format](report, ctx);
  if (opts.output) await writeAtomically(opts.output, text);
  else process.stdout.write(text);
  if (format === 'github' && env.GITHUB_STEP_SUMMARY) await appendFile(env.GITHUB_STEP_SUMMARY, githubStepSummary(report, ctx));
  if (expanded.skipped.length > 0 && !opts.quiet) {
    process.stderr.write(`${lang === 'zh' ? `跳过 ${expanded.skipped.length} 个不是清单的 YAML 文件` : `skipped ${expanded.skipped.length} YAML files that are not manifests`}\n`);
  }
  return exitCodeOf(report, opts.strict);
}

function parseShardArgument(text: string) {
  try {
    return parseShard(text);
  } catch (err) {
    throw new UsageError(`--shard: ${(err as Error).message}`);
  }
}

function progressText(done: number, total: number, lang: Lang): string {
  return lang === 'zh' ? `已检查 ${done}/${total} 份备案` : `checked ${done}/${total} filings`;
}

export function checkCommand(setExitCode: (code: number) => void): Command {
  return new Command('check')
    .description('check filings: manifests, folders of manifests, or globs (the default command)')
    .argument('<inputs...>', 'manifest files, folders or globs')
    .addOption(new Option('-f, --format <format>', 'output format (default: pretty; github under GitHub Actions)').choices(FORMATS))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--offline', 'no network: WHOIS/RDAP from cache and declared facts only', false)
    .option('--date <YYYY-MM-DD>', 'check as of this day (China Standard Time; default today)', parseDate)
    .option('--lang <en|zh>', 'language of the report (default from LC_ALL/LANG)', parseLang)
    .option('--strict', 'warnings and unconfirmed checks fail too (exit 1)', false)
    .option('--concurrency <n>', 'filings checked at once (default from the core count)', parsePositiveInt)
    .option('--cache-dir <dir>', 'WHOIS/RDAP cache folder (default ~/.cache/icp-check)')
    .option('--no-cache', 'neither read nor write the WHOIS/RDAP cache')
    .option('--whois-server <host:port>', 'send every WHOIS query to this server (a proxy, a test server)')
    .option('--rdap-url <url>', 'send every RDAP query to this base URL')
    .option(
      '--per-server-concurrency <n>',
      'WHOIS/RDAP queries at once per server (default 2, fewer for registries that throttle, 16 for --whois-server/--rdap-url)',
      parsePositiveInt,
    )
    .option('--whois-timeout <duration>', 'timeout per WHOIS/RDAP request, e.g. 10s or 500ms', parseDuration, 10_000)
    .option('--tld-list <file>', 'a file of extra approved suffixes, one per line')
    .option('--shard <i/n>', 'check only the i-th of n deterministic shards of the inputs')
    .option('-q, --quiet', 'print only failures and the summary', false)
    .option('--no-color', 'no colour (also NO_COLOR)')
    .option('--mask', 'mask ID numbers, mobiles and e-mail addresses (default for github, sarif, junit, markdown, html)')
    .option('--no-mask', 'print personal data in full (default for pretty and json)')
    .action(async (inputs: string[], opts: CheckCommandOptions) => {
      setExitCode(await runCheckCommand(inputs, opts));
    });
}
