// `icp-check init [file]`: a questionnaire (or an answers file) that writes a commented manifest.
// Each answer is judged by the checker's rules as it is typed; Esc goes back one question; the
// full check of the result is shown with a review of every answer, any of which can be changed,
// before anything is written. Never overwrites silently; leaves no file behind when cancelled.
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import type { Args, Lang } from '../model.js';
import { message, type MessageKey } from '../report/catalogue/index.js';
import { abortOnInputEnd, GoBack, terminalAsk, type Ask, type Choice } from '../init/ask.js';
import { parseAnswers, type InitAnswers } from '../init/answers.js';
import { askAnswers } from '../init/questionnaire.js';
import { buildManifest } from '../init/build-manifest.js';
import { manifestYaml } from '../init/manifest-yaml.js';
import { schemaLocation } from '../manifest/schema-location.js';
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
  const say = (key: MessageKey, args?: Args) => message(key, args, lang);
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
          keepHint: say('init.keep-hint'),
        },
      });

  try {
    if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new InitExit(2, `init: --date: expected YYYY-MM-DD, got ${stripControl(opts.date)}`);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new InitExit(2, say('init.no-folder', { command: 'init', file: shown() }));
    }
    if (!opts.answers && !interactive) {
      throw new InitExit(2, say('init.no-terminal', { command: 'init', example: 'icp-check init --answers answers.json' }));
    }

    let overwrite = false;
    if (existsSync(target)) {
      if (opts.force) overwrite = true;
      else if (!interactive || opts.answers) {
        throw new InitExit(2, say('init.exists-use-force', { command: 'init', file: shown(), option: '--force' }));
      } else {
        overwrite = await stay(() => ask.confirm('overwrite', { message: say('init.overwrite', { file: shown() }), default: false }));
        if (!overwrite) throw new InitExit(1, say('init.kept', { command: 'init', file: shown() }));
      }
    }

    let text: string;
    if (opts.answers) {
      const answers = readAnswersFile(opts.answers, today, lang);
      text = manifestYaml(buildManifest(answers), { lang, schemaRef: schemaLocation(dir), fileLabel: file });
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
          message: say('init.check-after', { file: shown(), tool: 'icp-check' }),
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
            message: say('init.created-meanwhile', { file: shown() }),
            default: basename(other),
            validate: (v) => {
              const t = resolve(dir, v.trim());
              if (v.trim() === '') return say('init.file-name-required');
              return existsSync(t) ? say('init.exists-too', { file: v.trim() }) : true;
            },
          }),
        );
        target = resolve(dir, answer.trim());
        label = join(dirname(file), answer.trim());
        overwrite = false;
      }
    }
    stdout.write(`${say('init.wrote', { file: shown() })}\n`);

    if (check) return await (deps.runCheck ?? defaultRunCheck)([label]);
    stdout.write(`${say('init.check-any-time', { command: `icp-check ${shown()}` })}\n`);
    return 0;
  } catch (err) {
    if (isCancel(err)) {
      stderr.write(`${say('init.cancelled', { command: 'init' })}\n`);
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
  say: (key: MessageKey, args?: Args) => string;
}

/**
 * Runs the questionnaire with going back (Esc) and, after the last question, the full check and a
 * review of every answer by section; returns the manifest text the user chose to write.
 */
async function questionnaireWithReview(ask: Ask, c: ReviewContext): Promise<string> {
  const { lang, say } = c;
  c.stdout.write(`${say('init.go-back-hint')}\n`);
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
    const text = manifestYaml(buildManifest(answers), { lang, schemaRef: schemaLocation(c.dir), fileLabel: c.label });
    const { filing, checklist } = await checkBeforeWriting(text, c.target, c.label, { lang, date: c.today });
    c.stdout.write(`\n${say('init.final-check', { tool: 'icp-check' })}\n`);
    c.stdout.write(checklist);

    const choices: Choice<string>[] = [];
    if (filing.verdict !== 'invalid') choices.push({ value: WRITE, name: say('init.write', { file: c.label }) });
    for (const a of record) choices.push({ value: a.id, name: say('init.review-answer', { question: a.message, answer: a.shown }), section: a.section });
    let choice: string;
    try {
      choice = await ask.select('review', {
        message: say('init.review'),
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
  const say = (key: MessageKey) => message(key, undefined, lang);
  const read = readAnswersText(file);
  if (!read.ok) {
    const p = read.problem;
    const why =
      p === 'not-regular'
        ? say('init.answers-not-regular')
        : p === 'too-large'
          ? say('init.answers-too-large')
          : p === 'not-utf8'
            ? say('init.answers-not-utf8')
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
