// The prompts the questionnaire needs, behind one interface so the flow can run on a terminal
// (@inquirer/prompts) or be driven key by key in tests (@inquirer/testing). Each prompt has a
// stable key (`entity.principal.mobile`) naming the question whatever the language. Any question
// can be left for the one before it: the prompt then throws `GoBack`.
import { checkbox, confirm, search, select, Separator } from '@inquirer/prompts';
import { textPrompt, type Verdict } from './text-prompt.js';

export type { Verdict };

export interface Choice<T extends string> {
  value: T;
  name: string;
  description?: string;
  /** A heading shown above this choice when it differs from the previous choice's. */
  section?: string;
  /** Why the choice cannot be taken (shown beside it, greyed). */
  disabled?: string;
}

export interface InputQuestion {
  message: string;
  /** Where the answer goes in the manifest, when it goes to one place. */
  path?: string;
  default?: string;
  /** `true`, the reason to show before asking again, or a warning the user can accept. */
  validate?: (value: string) => Verdict | Promise<Verdict>;
  /** Shown under the question from the start (an earlier answer no longer passes). */
  initialError?: string;
}

export interface SelectQuestion<T extends string> {
  message: string;
  choices: Choice<T>[];
  default?: T;
  /** Where the answer goes in the manifest, when it goes to one place. */
  path?: string;
}

export interface Ask {
  input(key: string, q: InputQuestion): Promise<string>;
  confirm(key: string, q: { message: string; default?: boolean }): Promise<boolean>;
  select<T extends string>(key: string, q: SelectQuestion<T>): Promise<T>;
  search<T extends string>(key: string, q: { message: string; source: (term: string | undefined) => Choice<T>[]; validate?: (value: T) => true | string }): Promise<T>;
  checkbox<T extends string>(
    key: string,
    q: { message: string; choices: Choice<T>[]; default?: readonly T[]; path?: string; validate?: (values: readonly T[]) => true | string },
  ): Promise<T[]>;
}

/** Thrown by a prompt when the user goes back one question (Esc, or `<` then Enter). */
export class GoBack extends Error {
  constructor() {
    super('back one question');
    this.name = 'GoBack';
  }
}

/** Streams and the signal that cancels the prompt in progress. */
export interface AskContext {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  signal?: AbortSignal;
  /** Words of the text prompt. */
  words: { tooLong: string; keepHint: string };
  /** Longest text answer, in characters. */
  maxLength: number;
}

/** Adds headings before the first choice of each section. */
export function withSections<T extends string>(choices: Choice<T>[]): (Choice<T> | Separator)[] {
  const out: (Choice<T> | Separator)[] = [];
  let section: string | undefined;
  for (const c of choices) {
    if (c.section !== undefined && c.section !== section) out.push(new Separator(`── ${c.section}`));
    section = c.section;
    const { section: _s, ...choice } = c;
    out.push(choice);
  }
  return out;
}

/** Prompts on a terminal. Esc on a list question aborts it through its own signal and becomes `GoBack`. */
export function terminalAsk(context: AskContext): Ask {
  const input = context.input ?? process.stdin;
  /** Runs one list prompt with a signal that Esc aborts. */
  async function withEscape<T>(run: (ctx: Parameters<typeof select>[1]) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const outer = context.signal;
    const onOuter = () => controller.abort(outer?.reason);
    outer?.addEventListener('abort', onOuter);
    let back = false;
    const keypress = (_s: unknown, key: { name?: string } | undefined) => {
      if (key?.name === 'escape') {
        back = true;
        controller.abort(new GoBack());
      }
    };
    input.on('keypress', keypress);
    try {
      return await run({ input, output: context.output, signal: controller.signal } as Parameters<typeof select>[1]);
    } catch (err) {
      if (back && !outer?.aborted) throw new GoBack();
      throw err;
    } finally {
      input.off('keypress', keypress);
      outer?.removeEventListener('abort', onOuter);
    }
  }
  const ctx = { input, output: context.output, signal: context.signal } as Parameters<typeof select>[1];
  return {
    input: async (_key, q) => {
      const r = await textPrompt(
        { message: q.message, default: q.default, validate: q.validate, initialError: q.initialError, maxLength: context.maxLength, ...context.words },
        ctx,
      );
      if (r.back) throw new GoBack();
      return r.value;
    },
    confirm: (_key, q) => withEscape((c) => confirm({ message: q.message, default: q.default }, c)),
    select: (_key, q) => withEscape((c) => select({ message: q.message, choices: withSections(q.choices), default: q.default, pageSize: 14 }, c)),
    search: (_key, q) => withEscape((c) => search({ message: q.message, source: (term) => q.source(term), validate: q.validate, pageSize: 12 }, c)),
    checkbox: (_key, q) =>
      withEscape((c) =>
        checkbox(
          {
            message: q.message,
            choices: q.choices.map((ch) => ({ ...ch, checked: !ch.disabled && (q.default?.includes(ch.value) ?? false) })),
            validate: q.validate && ((items) => q.validate!(items.map((i) => i.value))),
            pageSize: 14,
          },
          c,
        ),
      ),
  };
}

/**
 * Aborts the prompts when input ends: end of stream, or Ctrl-D (which readline treats as closing
 * the line, leaving the prompt waiting forever). Returns a function that stops watching.
 */
export function abortOnInputEnd(stream: NodeJS.ReadableStream, controller: AbortController): () => void {
  const end = () => controller.abort(new Error('input closed'));
  const keypress = (_s: unknown, key: { name?: string; ctrl?: boolean } | undefined) => {
    if (key?.ctrl && key.name === 'd') end();
  };
  stream.on('end', end);
  stream.on('close', end);
  stream.on('keypress', keypress);
  return () => {
    stream.off('end', end);
    stream.off('close', end);
    stream.off('keypress', keypress);
  };
}
