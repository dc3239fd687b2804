// `icp-check init [file]`: a questionnaire (or an answers file) that writes a commented manifest,
// never overwriting silently and leaving no file behind when cancelled.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { Command, Option } from 'commander';
import type { Lang } from '../model.js';
import { abortOnInputEnd, terminalAsk, type Ask } from '../init/ask.js';
import { parseAnswers, type InitAnswers } from '../init/answers.js';
import { askAnswers } from '../init/questionnaire.js';
import { buildManifest } from '../init/build-manifest.js';
import { manifestYaml } from '../init/manifest-yaml.js';
import { schemaLocation } from '../manifest/schema-location.js';
import { ManifestWriteError, writeManifestAtomically } from '../init/write-manifest.js';
import { todayInChina } from '../init/validators.js';
import { stripControl } from '../init/terminal-text.js';
import { defaultLang } from './options.js';

export type RunCheck = (argv: string[]) => Promise<number>;

export interface InitDependencies {
  /** Runs `icp-check <file>`; defaults to `main` of the CLI. */
  runCheck?: RunCheck;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
  /** Prompts to use instead of the terminal's (tests drive real prompts through @inquirer/testing). */
  ask?: (signal: AbortSignal) => Ask;
  /** "Today" for identity-number birth dates, YYYY-MM-DD. */
  today?: string;
  /** Also told the exit code, for a `main()` that returns codes rather than reading `process.exitCode`. */
  setExitCode?: (code: number) => void;
}

interface InitOptions {
  force?: boolean;
  answers?: string;
  lang?: Lang;
  check?: boolean;
}

/** Thrown to end the command with a code and one line. */
class InitExit extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const isCancel = (err: unknown) => err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError');

/** The `CLI` module is loaded only when the check runs: it registers this command, so a static import would be a cycle. */
const CLI_MODULE = '../cli.js';
const defaultRunCheck: RunCheck = async (argv) => {
  const cli = (await import(CLI_MODULE)) as { main(argv: string[]): Promise<number> };
  return cli.main(argv);
};

export async function runInit(file: string, opts: InitOptions, deps: InitDependencies = {}): Promise<number> {
  const stdin = deps.stdin ?? process.stdin;
  const stdout = deps.stdout ?? process.stdout;
  const stderr = deps.stderr ?? process.stderr;
  const lang = opts.lang ?? defaultLang();
  const say = (en: string, zh: string) => (lang === 'zh' ? zh : en);
  const today = deps.today ?? todayInChina();
  const interactive = Boolean(stdin.isTTY) || deps.ask !== undefined;
  const target = resolve(file);
  const dir = dirname(target);
  const shown = stripControl(file);

  const controller = new AbortController();
  const stopWatching = deps.ask ? () => {} : abortOnInputEnd(stdin, controller);
  const ask = deps.ask ? deps.ask(controller.signal) : terminalAsk({ input: stdin, output: stdout, signal: controller.signal });

  try {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new InitExit(2, say(`init: the folder of ${shown} does not exist`, `init：${shown} 所在的目录不存在`));
    }
    if (!opts.answers && !interactive) {
      throw new InitExit(
        2,
        say(
          'init: no terminal to ask the questions on; to answer from a file, run: icp-check init --answers answers.json',
          'init：没有可交互的终端；如需从文件读取答案，请运行：icp-check init --answers answers.json',
        ),
      );
    }

    let overwrite = false;
    if (existsSync(target)) {
      if (opts.force) overwrite = true;
      else if (!interactive) {
        throw new InitExit(2, say(`init: ${shown} already exists; use --force to overwrite it`, `init：${shown} 已存在；如需覆盖请使用 --force`));
      } else {
        overwrite = await ask.confirm('overwrite', { message: say(`${shown} already exists. Overwrite it?`, `${shown} 已存在，是否覆盖？`), default: false });
        if (!overwrite) throw new InitExit(1, say(`init: kept ${shown} as it was; nothing written`, `init：保留原有的 ${shown}，未写入任何内容`));
      }
    }

    let answers: InitAnswers;
    if (opts.answers) {
      answers = readAnswersFile(opts.answers, today, lang);
      for (const path of imagePaths(answers)) {
        if (!existsSync(isAbsolute(path) ? path : resolve(dir, path))) {
          stderr.write(
            `${say(`warning: ${stripControl(path)} does not exist yet (relative to the manifest's folder); kept`, `警告：${stripControl(path)} 尚不存在（相对于清单所在目录），已保留`)}\n`,
          );
        }
      }
    } else {
      answers = await askAnswers(ask, { lang, today, manifestDir: dir, warn: (line) => stderr.write(`${line}\n`) });
      // The prompts checked each answer; checking the whole again catches what only shows across answers.
      const again = parseAnswers(answers, today);
      if (!again.ok) throw new InitExit(2, `init: ${again.issues.map((i) => `${i.path}: ${i.reason[lang]}`).join('; ')}`);
    }

    // Asked before writing, so cancelling here still leaves no file.
    let check = opts.check;
    if (check === undefined && interactive && !opts.answers) {
      check = await ask.confirm('check', { message: say(`Check ${shown} with icp-check once written?`, `写入后用 icp-check 检查 ${shown}？`), default: true });
    }

    const text = manifestYaml(buildManifest(answers), { lang, schemaRef: schemaLocation(dir), fileLabel: file });
    writeManifestAtomically(target, text, overwrite);
    stdout.write(`${say(`Wrote ${shown}.`, `已写入 ${shown}。`)}\n`);

    if (check) return await (deps.runCheck ?? defaultRunCheck)([file]);
    stdout.write(`${say(`Check it any time with: icp-check ${shown}`, `随时可以检查：icp-check ${shown}`)}\n`);
    return 0;
  } catch (err) {
    if (isCancel(err)) {
      stderr.write(`${say('init: cancelled; nothing written', 'init：已取消，未写入任何文件')}\n`);
      return 130;
    }
    if (err instanceof InitExit) {
      stderr.write(`${err.message}\n`);
      return err.code;
    }
    if (err instanceof ManifestWriteError) {
      stderr.write(`init: ${stripControl(err.message)}\n`);
      return 2;
    }
    throw err;
  } finally {
    stopWatching();
  }
}

function readAnswersFile(file: string, today: string, lang: Lang): InitAnswers {
  const shown = stripControl(file);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ? (err as NodeJS.ErrnoException).code : (err as Error).message;
    throw new InitExit(2, `init: ${shown}: ${stripControl(String(reason))}`);
  }
  const r = parseAnswers(data, today);
  if (!r.ok) {
    const lines = r.issues.map((i) => `${shown}: ${stripControl(i.path || '(top)')}: ${stripControl(i.reason[lang])}`);
    throw new InitExit(2, lines.join('\n'));
  }
  return r.answers;
}

function imagePaths(a: InitAnswers): string[] {
  const people = [a.entity.principal, ...a.websites.flatMap((w) => (w.admin === 'principal' ? [] : [w.admin]))];
  return [a.entity.certificate?.image, ...people.flatMap((p) => [p.id.front, p.id.back])].filter((p): p is string => p !== undefined);
}

export function initCommand(deps: InitDependencies = {}): Command {
  return new Command('init')
    .description('answer a questionnaire and get a commented manifest; never overwrites silently')
    .argument('[file]', 'manifest to write', 'manifest.yaml')
    .option('-f, --force', 'overwrite an existing file without asking')
    .option('--answers <file>', 'take the answers from a JSON file instead of asking (for scripts)')
    .addOption(new Option('--lang <lang>', 'language of the questions and comments (default: from LC_ALL/LANG)').choices(['en', 'zh']))
    .option('--check', 'check the manifest once written, without asking')
    .option('--no-check', 'do not offer to check the manifest')
    .action(async (file: string, opts: InitOptions) => {
      const code = await runInit(file, opts, deps);
      process.exitCode = code;
      deps.setExitCode?.(code);
    });
}
