// `icp-check init [file]`: a questionnaire (or an answers file) that writes a commented manifest.
// Each answer is judged by the checker's rules as it is typed; Esc goes back one question; the
// full check of the result is shown with a review of every answer, any of which can be changed,
// before anything is written. Never overwrites silently; leaves no file behind when cancelled.
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import type { Lang } from '../model.js';
import { abortOnInputEnd, GoBack, terminalAsk, type Ask, type Choice } from '../init/ask.js';
import { parseAnswers, type InitAnswers } from '../init/answers.js';
import { askAnswers } from '../init/questionnaire.js';
import { buildManifest } from '../init/build-manifest.js';
import { manifestYaml, schemaReference } from '../init/manifest-yaml.js';
import { ManifestWriteError, writeManifestAtomically } from '../init/write-manifest.js';
import { MAX_ANSWER_CHARS, TOO_LONG, todayInChina } from '../init/validators.js';
import { stripControl } from '../init/terminal-text.js';
import { planFrom, replayingAsk, type Answered, type ReplayPlan } from '../init/flow.js';
import { checkBeforeWriting } from '../init/final-check.js';
import { judgesOneAnswer } from '../init/draft.js';
import { readAnswersText } from '../init/read-answers.js';
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
  /** "Today" for identity-number birth dates and the check, YYYY-MM-DD. */
  today?: string;
  /** Also told the exit code, for a `main()` that returns codes rather than reading `process.exitCode`. */
  setExitCode?: (code: number) => void;
}

interface InitOptions {
  force?: boolean;
  answers?: string;
  lang?: Lang;
  check?: boolean;
  date?: string;
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

const WRITE = '__write__';

export async function runInit(file: string, opts: InitOptions, deps: InitDependencies = {}): Promise<number> {
  const stdin = deps.stdin ?? process.stdin;
  const stdout = deps.stdout ?? process.stdout;
  const stderr = deps.stderr ?? process.stderr;
  const lang = opts.lang ?? defaultLang();
  const say = (en: string, zh: string) => (lang === 'zh' ? zh : en);
  const today = opts.date ?? deps.today ?? todayInChina();
  const interactive = Boolean(stdin.isTTY) || deps.ask !== undefined;
  let target = resolve(file);
  let label = file;
  const dir = dirname(target);
  const shown = () => stripControl(label);

  const controller = new AbortController();
  const stopWatching = deps.ask ? () => {} : abortOnInputEnd(stdin, controller);
  const ask = deps.ask
    ? deps.ask(controller.signal)
    : terminalAsk({
        input: stdin,
        output: stdout,
        signal: controller.signal,
        maxLength: MAX_ANSWER_CHARS,
        words: {
          tooLong: TOO_LONG[lang],
          keepHint: say('Press Enter again to keep this answer, or change it.', '再按一次回车保留此答案，或修改答案。'),
        },
      });

  try {
    if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new InitExit(2, `init: --date: expected YYYY-MM-DD, got ${stripControl(opts.date)}`);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new InitExit(2, say(`init: the folder of ${shown()} does not exist`, `init：${shown()} 所在的目录不存在`));
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
      else if (!interactive || opts.answers) {
        throw new InitExit(2, say(`init: ${shown()} already exists; use --force to overwrite it`, `init：${shown()} 已存在；如需覆盖请使用 --force`));
      } else {
        overwrite = await stay(() => ask.confirm('overwrite', { message: say(`${shown()} already exists. Overwrite it?`, `${shown()} 已存在，是否覆盖？`), default: false }));
        if (!overwrite) throw new InitExit(1, say(`init: kept ${shown()} as it was; nothing written`, `init：保留原有的 ${shown()}，未写入任何内容`));
      }
    }

    let text: string;
    if (opts.answers) {
      const answers = readAnswersFile(opts.answers, today, lang);
      text = manifestYaml(buildManifest(answers), { lang, schemaRef: schemaReference(dir), fileLabel: file });
      const { filing, checklist } = await checkBeforeWriting(text, target, label, { lang, date: today });
      // An answer the questionnaire would refuse is refused here too, with the same words.
      const refused = filing.findings.filter((f) => f.status === 'fail' && judgesOneAnswer(f));
      if (filing.verdict === 'invalid' || refused.length > 0) {
        stdout.write(checklist);
        const lines = (refused.length ? refused : filing.findings.filter((f) => f.status === 'fail')).map(
          (f) => `${stripControl(opts.answers!)}: ${f.path || '(top)'}: ${f.message}${f.fix ? ` → ${f.fix}` : ''}`,
        );
        throw new InitExit(2, lines.join('\n'));
      }
      stdout.write(checklist);
    } else {
      text = await questionnaireWithReview(ask, { lang, today, dir, target, label, stdout, say });
    }

    // Asked before writing, so cancelling here still leaves no file.
    let check = opts.check;
    if (check === undefined && interactive && !opts.answers) {
      check = await stay(() =>
        ask.confirm('check', {
          message: say(`Look the domains up and check ${shown()} with icp-check once written?`, `写入后用 icp-check 检查 ${shown()}（含域名查询）？`),
          default: false,
        }),
      );
    }

    for (;;) {
      try {
        writeManifestAtomically(target, text, overwrite);
        break;
      } catch (err) {
        // A file that appeared at the target meanwhile is kept; the answers are offered another name.
        if (!(err instanceof ManifestWriteError) || err.kind !== 'exists' || !interactive || opts.answers) throw err;
        const other = freeName(target);
        const answer = await stay(() =>
          ask.input('rename', {
            message: say(`${shown()} was created while you answered; it is kept. Write the manifest as`, `回答期间出现了 ${shown()}，已保留原文件。将备案资料文件另存为`),
            default: basename(other),
            validate: (v) => {
              const t = resolve(dir, v.trim());
              if (v.trim() === '') return say('a file name is required', '请填写文件名');
              return existsSync(t) ? say(`${stripControl(v.trim())} exists too`, `${stripControl(v.trim())} 也已存在`) : true;
            },
          }),
        );
        target = resolve(dir, answer.trim());
        label = join(dirname(file), answer.trim());
        overwrite = false;
      }
    }
    stdout.write(`${say(`Wrote ${shown()}.`, `已写入 ${shown()}。`)}\n`);

    if (check) return await (deps.runCheck ?? defaultRunCheck)([label]);
    stdout.write(`${say(`Check it any time with: icp-check ${shown()}`, `随时可以检查：icp-check ${shown()}`)}\n`);
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

/** A question with nothing before it to go back to: Esc asks it again. */
async function stay<T>(question: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await question();
    } catch (err) {
      if (!(err instanceof GoBack)) throw err;
    }
  }
}

/** `manifest-2.yaml`, `manifest-3.yaml` ...: the first name beside `target` that is free. */
function freeName(target: string): string {
  const ext = extname(target);
  const stem = target.slice(0, target.length - ext.length);
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}${ext}`;
    if (!existsSync(candidate)) return candidate;
  }
}

interface ReviewContext {
  lang: Lang;
  today: string;
  dir: string;
  target: string;
  label: string;
  stdout: NodeJS.WritableStream;
  say: (en: string, zh: string) => string;
}

/**
 * Runs the questionnaire with going back (Esc) and, after the last question, the full check and a
 * review of every answer by section; returns the manifest text the user chose to write.
 */
async function questionnaireWithReview(ask: Ask, c: ReviewContext): Promise<string> {
  const { lang, say } = c;
  c.stdout.write(
    `${say('Esc (or < then Enter) goes back one question; every answer can be changed on the review screen at the end.', 'Esc（或输入 < 后回车）返回上一题；最后的核对页面可以修改任何答案。')}\n`,
  );
  let plan: ReplayPlan = { answers: new Map() };
  for (;;) {
    const record: Answered[] = [];
    let heading = '';
    const replaying = replayingAsk(ask, plan, record, () => heading);
    let answers: InitAnswers;
    try {
      answers = await askAnswers(replaying, {
        lang,
        today: c.today,
        manifestDir: c.dir,
        warn: (line) => c.stdout.write(`${line}\n`),
        section: (h) => {
          heading = h;
        },
      });
    } catch (err) {
      if (!(err instanceof GoBack)) throw err;
      // Ask the last answered question again; with none, start over.
      const defaults = new Map([...(plan.defaults ?? []), ...plan.answers, ...record.map((a) => [a.id, a.value] as const)]);
      const last = record[record.length - 1];
      plan = last ? { ...planFrom(record, last.id), defaults } : { answers: new Map(), defaults };
      continue;
    }

    // The checked answers make the manifest; checking the whole again catches what only shows across answers.
    const again = parseAnswers(answers, c.today);
    if (!again.ok) throw new InitExit(2, `init: ${again.issues.map((i) => `${i.path}: ${i.reason[lang]}`).join('; ')}`);
    const text = manifestYaml(buildManifest(answers), { lang, schemaRef: schemaReference(c.dir), fileLabel: c.label });
    const { filing, checklist } = await checkBeforeWriting(text, c.target, c.label, { lang, date: c.today });
    c.stdout.write(
      `\n${say('The check of the manifest as it would be written (offline: domains are looked up when you run icp-check):', '即将写入的备案资料文件的检查结果（离线：运行 icp-check 时才查询域名）：')}\n`,
    );
    c.stdout.write(checklist);

    const choices: Choice<string>[] = [];
    if (filing.verdict !== 'invalid') choices.push({ value: WRITE, name: say(`Write ${stripControl(c.label)}`, `写入 ${stripControl(c.label)}`) });
    for (const a of record) choices.push({ value: a.id, name: `${a.message}${say(': ', '：')}${stripControl(a.shown)}`, section: a.section });
    let choice: string;
    try {
      choice = await ask.select('review', {
        message: say('Review: write the manifest, or choose an answer to change', '核对：写入备案资料文件，或选择要修改的答案'),
        choices,
        default: choices[0]!.value,
      });
    } catch (err) {
      if (!(err instanceof GoBack)) throw err;
      // Back from the review is back to the last question.
      choice = record[record.length - 1]!.id;
    }
    if (choice === WRITE) return text;
    plan = planFrom(record, choice);
  }
}

function readAnswersFile(file: string, today: string, lang: Lang): InitAnswers {
  const shown = stripControl(file);
  const say = (en: string, zh: string) => (lang === 'zh' ? zh : en);
  const read = readAnswersText(file);
  if (!read.ok) {
    const p = read.problem;
    const why =
      p === 'not-regular'
        ? say('not a regular file (a pipe, device or folder is not read)', '不是普通文件（不读取管道、设备或目录）')
        : p === 'too-large'
          ? say('larger than 1 MiB; an answers file is a few kilobytes', '超过 1 MiB；答案文件通常只有几 KB')
          : p === 'not-utf8'
            ? say('not UTF-8 text', '不是 UTF-8 文本')
            : stripControl(p.code);
    throw new InitExit(2, `init: ${shown}: ${why}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(read.text);
  } catch (err) {
    throw new InitExit(2, `init: ${shown}: ${stripControl((err as Error).message)}`);
  }
  const r = parseAnswers(data, today);
  if (!r.ok) {
    const lines = r.issues.map((i) => `${shown}: ${stripControl(i.path || '(top)')}: ${stripControl(i.reason[lang])}`);
    throw new InitExit(2, lines.join('\n'));
  }
  return r.answers;
}

export function initCommand(deps: InitDependencies = {}): Command {
  return new Command('init')
    .description('answer a questionnaire checked by the same rules as check, review, and get a commented manifest; never overwrites silently')
    .argument('[file]', 'manifest to write', 'manifest.yaml')
    .option('-f, --force', 'overwrite an existing file without asking')
    .option('--answers <file>', 'take the answers from a JSON file instead of asking (for scripts)')
    .addOption(new Option('--lang <lang>', 'language of the questions and comments (default: from LC_ALL/LANG)').choices(['en', 'zh']))
    .addOption(new Option('--date <YYYY-MM-DD>', 'check as of this date (default: today in China)').hideHelp())
    .option('--check', 'check the manifest once written, without asking')
    .option('--no-check', 'do not offer to check the manifest')
    .action(async (file: string, opts: InitOptions) => {
      const code = await runInit(file, opts, deps);
      process.exitCode = code;
      deps.setExitCode?.(code);
    });
}
