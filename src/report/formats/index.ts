// Every output format, one pure formatter each; the keys feed `--format`'s choices.
import type { Formatter } from './context.js';
import { json } from './json.js';
import { pretty } from './pretty.js';

export const FORMATTERS = {
  pretty,
  json,
} satisfies Record<string, Formatter>;

export type Format = keyof typeof FORMATTERS;
export const FORMATS = Object.keys(FORMATTERS) as Format[];
