// `icp-check [check] <manifest|folder|glob>...`: the default command.
import { randomBytes } from 'node:crypto';
import { appendFile, rename, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from 'commander';
import type { Lang } from '../model.js';
import { runCheck } from '../check/check-run.js';
import { exitCodeOf } from '../check/run.js';
import { todayInChina } from '../facts/dates.js';
import { ruleIndex } from '../rules/registry.js';
import { FORMATTERS, FORMATS, type Format } from '../report/formats/index.js';
import type { FormatContext } from '../report/formats/context.js';
import { githubStepSummary } from '../report/formats/github.js';
import { UsageError } from '../errors.js';
import { defaultLang, parseDate, parseDuration, parseLang, parsePositiveInt } from './options.js';

export interface CheckCommandOptions {
  format?: Format;
  output?: string;
  offline: boolean;
  date?: string;
  lang?: Lang;
  strict: boolean;
  concurrency?: number;
  cacheDir?: string;
  cache: boolean;
  whoisServer?: string;
  rdapUrl?: string;
  whoisTimeout: number;
  tldList?: string;
  shard?: string;
  quiet: boolean;
  color: boolean;
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
  const toTerminal = !opts.output && process.stdout.isTTY === true;
  const color = opts.color && !('NO_COLOR' in env && env.NO_COLOR !== '') && (toTerminal || env.FORCE_COLOR !== undefined);
  const mayShowProgress = process.stderr.isTTY === true && !env.CI && !opts.quiet && (format === 'pretty' || Boolean(opts.output));
  const ora = mayShowProgress ? (await import('ora')).default : undefined;
  let spinner: ReturnType<NonNullable<typeof ora>> | undefined;
  const { report, skipped } = await runCheck(inputs, {
    date,
    lang,
    offline: opts.offline,
    cache: opts.cache,
    cacheDir: opts.cacheDir,
    whoisServer: opts.whoisServer,
    rdapUrl: opts.rdapUrl,
    whoisTimeout: opts.whoisTimeout,
    concurrency: opts.concurrency,
    tldList: opts.tldList,
    shard: opts.shard,
    onInputs: (files) => {
      if (opts.output) {
        const out = path.resolve(opts.output);
        if (files.some((f) => path.resolve(f) === out)) throw new UsageError(`--output ${opts.output} is one of the manifests being checked; it would be overwritten`);
      }
      if (ora && files.length > 1) spinner = ora({ stream: process.stderr, text: progressText(0, files.length, lang) }).start();
    },
    onProgress: (done, total) => {
      if (spinner) spinner.text = progressText(done, total, lang);
    },
  }).finally(() => spinner?.stop());

  const ctx: FormatContext = { lang, rules: ruleIndex(), cwd: process.cwd(), strict: opts.strict, color, quiet: opts.quiet };
  const text = FORMATTERS[format](report, ctx);
  if (opts.output) await writeAtomically(opts.output, text);
  else process.stdout.write(text);
  if (format === 'github' && env.GITHUB_STEP_SUMMARY) await appendFile(env.GITHUB_STEP_SUMMARY, githubStepSummary(report, ctx));
  if (skipped.length > 0 && !opts.quiet) {
    process.stderr.write(`${lang === 'zh' ? `跳过 ${skipped.length} 个不是清单的 YAML 文件` : `skipped ${skipped.length} YAML files that are not manifests`}\n`);
  }
  return exitCodeOf(report, opts.strict);
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
    .option('--whois-timeout <duration>', 'timeout per WHOIS/RDAP request, e.g. 10s or 500ms', parseDuration, 10_000)
    .option('--tld-list <file>', 'a file of extra approved suffixes, one per line')
    .option('--shard <i/n>', 'check only the i-th of n deterministic shards of the inputs')
    .option('-q, --quiet', 'print only failures and the summary', false)
    .option('--no-color', 'no colour (also NO_COLOR)')
    .action(async (inputs: string[], opts: CheckCommandOptions) => {
      setExitCode(await runCheckCommand(inputs, opts));
    });
}
