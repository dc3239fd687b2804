// Every output format, one pure formatter each; the keys feed `--format`'s choices.
import type { Formatter } from './context.js';
import { github } from './github.js';
import { htmlReport } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { pretty } from './pretty.js';
import { sarif } from './sarif.js';

export const FORMATTERS = {
  pretty,
  json,
  junit,
  sarif,
  github,
  markdown,
  html: htmlReport,
} satisfies Record<string, Formatter>;

export type Format = keyof typeof FORMATTERS;
export const FORMATS = Object.keys(FORMATTERS) as Format[];
