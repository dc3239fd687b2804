// The one place findings become words: a message key and typed arguments, rendered from the
// catalogue of the chosen language. Placeholders are `{name}`; `{name|one|other}` picks the
// English singular or plural by the number `name` (Chinese templates write `{name}` alone).
import type { ArgValue, Args, Lang } from '../../model.js';
import { stripControl } from '../sanitize.js';
import { en, type MessageKey } from './en.js';
import { zh } from './zh.js';
import { nameOf } from './names.js';
import { memoise } from '../../memo.js';

export type { MessageKey } from './en.js';

export const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { en, zh };

/** Renders one typed argument in `lang`. */
export function renderArg(value: ArgValue, lang: Lang): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => renderArg(v, lang)).join(CATALOGUES[lang]['list.separator']);
  if (typeof value === 'object') {
    if ('phrase' in value) return message(value.phrase as MessageKey, value.args, lang);
    return nameOf(value.name, value.value, lang);
  }
  return stripControl(String(value));
}

/** A template cut into its text and its placeholders, once per template. */
type Part = string | { whole: string; name: string; one?: string; other?: string };
const PLACEHOLDER = /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;
/** Templates come from the catalogues and the rules: cut once each. */
const partsOf = memoise((template: string): Part[] => {
  const parts: Part[] = [];
  let at = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (m.index > at) parts.push(template.slice(at, m.index));
    parts.push({ whole: m[0], name: m[1]!, one: m[2], other: m[3] });
    at = m.index + m[0].length;
  }
  if (at < template.length) parts.push(template.slice(at));
  return parts;
});

/** Fills `{name}` and `{name|one|other}` placeholders; an unknown name stays as written so a typo shows. */
export function interpolate(template: string, args: Args | undefined, lang: Lang): string {
  let out = '';
  for (const part of partsOf(template)) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const v = args?.[part.name];
    if (part.one !== undefined) out += Number(v) === 1 ? part.one : (part.other ?? '');
    else out += v === undefined ? part.whole : renderArg(v, lang);
  }
  return out;
}

/** A catalogue message in `lang`. */
export function message(key: MessageKey, args: Args | undefined, lang: Lang): string {
  const template = CATALOGUES[lang][key] ?? key;
  return interpolate(template, args, lang);
}

/** The placeholder names of a template, sorted (for the completeness test). */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)(?:\|[^|{}]*\|[^|{}]*)?\}/g)].map((m) => m[1]!))].sort();
}
