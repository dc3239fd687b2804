// Going back and changing answers without rewriting the questionnaire as a state machine: the
// questionnaire is run again from the start, and every question answered before is answered
// from the record (checked again) except the one to ask anew. A question is known by its key and
// how many times that key was asked before (the second website's name is `website.name#1`).
import type { Ask, Choice, InputQuestion, SelectQuestion } from './ask.js';

export interface Answered {
  /** `key#n`. */
  id: string;
  key: string;
  /** The question as asked. */
  message: string;
  /** The answer as the prompt returned it. */
  value: unknown;
  /** The answer as shown on the review screen. */
  shown: string;
  /** Heading on the review screen. */
  section: string;
}

export interface ReplayPlan {
  /** Earlier answers by id. */
  answers: Map<string, unknown>;
  /** The question to ask again even though it has an answer (its answer is the default). */
  ask?: string;
  /** Answers given before going back: not replayed, only offered as defaults. */
  defaults?: Map<string, unknown>;
}

/** Questions that steer the flow but need no place on the review screen. */
const NOT_REVIEWED = new Set(['overwrite', 'check']);

/** An Ask that answers from `plan` where it can, asks `base` otherwise, and records every answer in `record`. */
export function replayingAsk(base: Ask, plan: ReplayPlan, record: Answered[], sectionOf: (key: string, n: number) => string): Ask {
  const counts = new Map<string, number>();
  const next = (key: string) => {
    const n = counts.get(key) ?? 0;
    counts.set(key, n + 1);
    return { id: `${key}#${n}`, n };
  };
  const keep = (key: string, id: string, n: number, message: string, value: unknown, shown: string) => {
    if (!NOT_REVIEWED.has(key)) record.push({ id, key, message, value, shown, section: sectionOf(key, n) });
  };
  const earlier = (id: string) => (plan.answers.has(id) ? plan.answers.get(id) : plan.defaults?.get(id));
  const replay = (id: string) => plan.ask !== id && plan.answers.has(id);
  const names = <T extends string>(choices: Choice<T>[], values: readonly T[]) => values.map((v) => choices.find((c) => c.value === v)?.name ?? v).join(', ');

  return {
    async input(key: string, q: InputQuestion) {
      const { id, n } = next(key);
      const before = earlier(id);
      let initialError: string | undefined;
      if (typeof before === 'string' && replay(id)) {
        // Checked again: an earlier answer may no longer pass after another one changed.
        const verdict = q.validate ? await q.validate(before) : true;
        if (verdict === true || typeof verdict === 'object') {
          keep(key, id, n, q.message, before, before);
          return before;
        }
        initialError = verdict;
      }
      const value = await base.input(key, { ...q, default: typeof before === 'string' && before !== '' ? before : q.default, initialError });
      keep(key, id, n, q.message, value, value);
      return value;
    },
    async confirm(key, q) {
      const { id, n } = next(key);
      const before = earlier(id);
      const value = typeof before === 'boolean' && replay(id) ? before : await base.confirm(key, { ...q, default: typeof before === 'boolean' ? before : q.default });
      keep(key, id, n, q.message, value, value ? '✔' : '✘');
      return value;
    },
    async select<T extends string>(key: string, q: SelectQuestion<T>) {
      const { id, n } = next(key);
      const before = earlier(id) as T | undefined;
      const known = before !== undefined && q.choices.some((c) => c.value === before && !c.disabled);
      const value = known && replay(id) ? before! : await base.select(key, { ...q, default: known ? before : q.default });
      keep(key, id, n, q.message, value, names(q.choices, [value]));
      return value;
    },
    async search<T extends string>(key: string, q: { message: string; source: (term: string | undefined) => Choice<T>[]; validate?: (value: T) => true | string }) {
      const { id, n } = next(key);
      const before = earlier(id) as T | undefined;
      const all = q.source(undefined);
      const known = before !== undefined && all.some((c) => c.value === before);
      const value = known && replay(id) ? before! : await base.search(key, q);
      keep(key, id, n, q.message, value, names(all, [value]));
      return value;
    },
    async checkbox<T extends string>(
      key: string,
      q: { message: string; choices: Choice<T>[]; default?: readonly T[]; path?: string; validate?: (values: readonly T[]) => true | string },
    ) {
      const { id, n } = next(key);
      const before = earlier(id) as T[] | undefined;
      const known = Array.isArray(before) && before.every((v) => q.choices.some((c) => c.value === v && !c.disabled)) && (!q.validate || q.validate(before) === true);
      const value = known && replay(id) ? [...before!] : await base.checkbox(key, { ...q, default: Array.isArray(before) ? before : q.default });
      keep(key, id, n, q.message, value, value.length ? names(q.choices, value) : '—');
      return value;
    },
  };
}

/** The record as a replay plan: everything answered, the question `ask` to ask again. */
export function planFrom(record: readonly Answered[], ask?: string): ReplayPlan {
  return { answers: new Map(record.map((a) => [a.id, a.value])), ask };
}
