// Every output format, one pure formatter each; the keys feed `--format`'s choices.
import type { FormatContext, Formatter } from './context.js';
import type { Report } from '../../model.js';
import { github } from './github.js';
import { json, jsonReportChunks } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { pretty } from './pretty.js';
import { sarif, sarifChunks } from './sarif.js';

export const FORMATTERS = {
  pretty,
  json,
  junit,
  sarif,
  github,
  markdown,
} satisfies Record<string, Formatter>;

export type Format = keyof typeof FORMATTERS;
export const FORMATS = Object.keys(FORMATTERS) as Format[];

/** Formats whose text can grow beyond one string (every filing in one JSON document) also come in pieces. */
const CHUNKED: Partial<Record<Format, (report: Report, ctx: FormatContext) => Iterable<string>>> = {
  json: jsonReportChunks,
  sarif: sarifChunks,
};

/** The report's text in pieces, to be written one after the other. */
export function formatChunks(format: Format, report: Report, ctx: FormatContext): Iterable<string> {
  return CHUNKED[format]?.(report, ctx) ?? [FORMATTERS[format](report, ctx)];
}
