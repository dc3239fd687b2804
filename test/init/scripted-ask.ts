// Drives the questionnaire's real prompts through @inquirer/testing: every question renders a
// real @inquirer prompt, and a scripted user reads its screen and presses keys.
import { render } from '@inquirer/testing';
import { checkbox, confirm, search, select } from '@inquirer/prompts';
import { GoBack, type Ask, type Choice, type InputQuestion, type SelectQuestion } from '../../src/init/ask.js';
import { textPrompt, type TextResult } from '../../src/init/text-prompt.js';

type Key = string | { name: string; ctrl?: boolean };

/** One thing the user does at a prompt. */
export type Step =
  | { type: string }
  | { key: Key }
  /** Fails the test unless the current screen matches. */
  | { see: RegExp }
  /** Selects a choice by value in a select or search list (arrow keys, then Enter). */
  | { choose: string }
  /** Ticks choices by value in a checkbox list, then Enter. */
  | { tick: string[] };

export type Reply = Step[];

export const answer = (text: string): Reply => [{ key: { name: 'u', ctrl: true } }, { type: text }, { key: 'enter' }];
export const accept: Reply = [{ key: 'enter' }];
export const yes: Reply = [{ type: 'y' }, { key: 'enter' }];
export const no: Reply = [{ type: 'n' }, { key: 'enter' }];
export const choose = (value: string): Reply => [{ choose: value }];
export const tick = (...values: string[]): Reply => [{ tick: values }];
/** Types a bad answer, expects the reason on screen, then types the good one. */
export const badThenGood = (bad: string, reason: RegExp, good: string): Reply => [...answer(bad), { see: reason }, ...answer(good)];

const settle = () => new Promise<void>((r) => setImmediate(r));

export interface ScriptedUser {
  ask: Ask;
  /** Keys of the questions asked, in order. */
  asked: string[];
  /** Manifest paths of the text answers asked for, in order. */
  paths: string[];
  /** The screen each question showed first, by key (the last one asked under that key). */
  firstScreens: Map<string, string>;
  /** Every screen seen after a step. */
  screens: string[];
  /** Replies not used: a test expecting a question that never came fails on this. */
  unused(): string[];
}

/** Replies used when a key's queue is empty: questions whose answer most tests do not care about. */
export type Fallback = Record<string, Reply>;

/** Questions most tests answer the same way: the address, the mobiles' province (the filing province), the domains' facts. */
export const USUAL_ANSWERS: Fallback = {
  'entity.address': answer('广东省深圳市南山区科技园路1号'),
  'entity.principal.mobileProvince': accept,
  'website.admin.mobileProvince': accept,
  'website.remarks': accept,
  'domain.holder': accept,
  'domain.registrar': accept,
  'domain.expires': accept,
  'domain.realNameVerified': no,
  'domain.privacyProtection': no,
};

/** A user who answers from `replies`: a queue of replies per question key, then `fallback` for the key. */
export function scriptedUser(replies: Record<string, Reply[]>, fallback: Fallback = {}): ScriptedUser {
  const queues = new Map(Object.entries(replies).map(([k, v]) => [k, [...v]]));
  const asked: string[] = [];
  const paths: string[] = [];
  const firstScreens = new Map<string, string>();
  const screens: string[] = [];
  /** Answer checks still running (they run the checker's rules, which may read files). */
  let checking = 0;
  const counted = (validate: InputQuestion['validate']): InputQuestion['validate'] =>
    validate &&
    (async (v: string) => {
      checking++;
      try {
        return await validate(v);
      } finally {
        checking--;
      }
    });
  const idle = async () => {
    await settle();
    while (checking > 0) await new Promise((r) => setTimeout(r, 2));
    await settle();
    await settle();
  };

  async function drive<T>(key: string, rendered: Awaited<ReturnType<typeof render>>, choices: readonly { value: string }[] = []): Promise<T> {
    asked.push(key);
    await settle();
    firstScreens.set(key, rendered.getScreen());
    const reply = queues.get(key)?.shift() ?? fallback[key];
    if (!reply) throw new Error(`no reply scripted for question ${key}; screen:\n${rendered.getScreen()}`);
    let cursor = 0;
    for (const step of reply) {
      if ('type' in step) rendered.events.type(step.type);
      else if ('key' in step) rendered.events.keypress(step.key);
      else if ('see' in step) {
        const screen = rendered.getScreen();
        if (!step.see.test(screen)) throw new Error(`question ${key}: expected ${step.see} on screen:\n${screen}`);
      } else if ('choose' in step) {
        const index = choices.findIndex((c) => c.value === step.choose);
        if (index < 0) throw new Error(`question ${key}: no choice ${step.choose}`);
        // Lists start on the default choice: go to the top (lists do not loop here), then down.
        for (let i = 0; i < choices.length; i++) rendered.events.keypress('up');
        for (let i = 0; i < index; i++) rendered.events.keypress('down');
        rendered.events.keypress('enter');
      } else if ('tick' in step) {
        for (const value of step.tick) {
          const index = choices.findIndex((c) => c.value === value);
          if (index < 0) throw new Error(`question ${key}: no choice ${value}`);
          while (cursor < index) rendered.events.keypress('down'), cursor++;
          while (cursor > index) rendered.events.keypress('up'), cursor--;
          rendered.events.keypress('space');
        }
        rendered.events.keypress('enter');
      }
      await idle();
      screens.push(rendered.getScreen());
    }
    return rendered.answer as Promise<T>;
  }

  const ask: Ask = {
    input: async (key: string, q: InputQuestion) => {
      if (q.path) paths.push(q.path);
      const r = await drive<TextResult>(
        key,
        await render(textPrompt, {
          message: q.message,
          default: q.default,
          validate: counted(q.validate),
          initialError: q.initialError,
          maxLength: 500,
          tooLong: 'at most 500 characters: the rest was cut',
          keepHint: 'Press Enter again to keep this answer, or change it.',
        }),
      );
      if (r.back) throw new GoBack();
      return r.value;
    },
    confirm: async (key, q) => drive(key, await render(confirm, { message: q.message, default: q.default })),
    select: async <T extends string>(key: string, q: SelectQuestion<T>) => {
      if (q.path) paths.push(q.path);
      // Arrow keys skip disabled choices: the list to move through is the enabled one.
      return drive<T>(
        key,
        await render(select, { message: q.message, choices: q.choices, default: q.default, loop: false, pageSize: 30 }),
        q.choices.filter((c) => !c.disabled),
      );
    },
    search: async <T extends string>(key: string, q: { message: string; source: (term: string | undefined) => Choice<T>[] }) =>
      // A search reply types a term and presses Enter on the first match, as a user would.
      drive<T>(key, await render(search, { message: q.message, source: (term: string | undefined) => q.source(term), pageSize: 40 })),
    checkbox: async <T extends string>(
      key: string,
      q: { message: string; choices: Choice<T>[]; default?: readonly T[]; path?: string; validate?: (values: readonly T[]) => true | string },
    ) => {
      if (q.path) paths.push(q.path);
      return drive<T[]>(
        key,
        await render(checkbox, {
          message: q.message,
          choices: q.choices.map((c) => ({ ...c, checked: !c.disabled && (q.default?.includes(c.value) ?? false) })),
          loop: false,
          pageSize: 30,
          validate: q.validate && ((items: readonly { value: T }[]) => q.validate!(items.map((c) => c.value))),
        }),
        // Arrow keys skip disabled choices.
        q.choices.filter((c) => !c.disabled),
      );
    },
  };

  return {
    ask,
    asked,
    paths,
    firstScreens,
    screens,
    unused: () => [...queues.entries()].filter(([, v]) => v.length > 0).map(([k]) => k),
  };
}
