// The prompts the questionnaire needs, behind one interface so the flow can run on a terminal
// (@inquirer/prompts) or be driven key by key in tests (@inquirer/testing). Each prompt has a
// stable key (`entity.principal.mobile`) naming the question whatever the language.
import { checkbox, confirm, input, search, select } from '@inquirer/prompts';

export interface Choice<T extends string> {
  value: T;
  name: string;
  description?: string;
}

export interface InputQuestion {
  message: string;
  default?: string;
  /** `true` or the reason to show before asking again. */
  validate?: (value: string) => true | string;
}

export interface Ask {
  input(key: string, q: InputQuestion): Promise<string>;
  confirm(key: string, q: { message: string; default?: boolean }): Promise<boolean>;
  select<T extends string>(key: string, q: { message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
  search<T extends string>(key: string, q: { message: string; source: (term: string | undefined) => Choice<T>[]; validate?: (value: T) => true | string }): Promise<T>;
  checkbox<T extends string>(key: string, q: { message: string; choices: Choice<T>[]; validate?: (values: readonly T[]) => true | string }): Promise<T[]>;
}

/** Streams and the signal that cancels the prompt in progress. */
export interface AskContext {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  signal?: AbortSignal;
}

/** Prompts on a terminal. */
export function terminalAsk(context: AskContext = {}): Ask {
  const ctx = context as Parameters<typeof input>[1];
  return {
    input: (_key, q) => input({ message: q.message, default: q.default, validate: q.validate }, ctx),
    confirm: (_key, q) => confirm({ message: q.message, default: q.default }, ctx),
    select: (_key, q) => select({ message: q.message, choices: q.choices, default: q.default, pageSize: 12 }, ctx),
    search: (_key, q) => search({ message: q.message, source: (term) => q.source(term), validate: q.validate, pageSize: 12 }, ctx),
    checkbox: async (_key, q) =>
      checkbox({ message: q.message, choices: q.choices, validate: q.validate && ((items) => q.validate!(items.map((c) => c.value))), pageSize: 14 }, ctx),
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
