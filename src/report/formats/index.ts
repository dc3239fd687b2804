// Every output format, one pure formatter each; the keys feed `--format`'s choices.
import type { FormatContext, Formatter } from './context.js';
import type { Report } from '../../model.js';
import { github, githubChunks } from './github.js';
import { htmlReport } from './html.js';
import { json, jsonReportChunks } from './json.js';
import { junit, junitChunks } from './junit.js';
import { markdown } from './markdown.js';
import { pretty, prettyChunks } from './pretty.js';
import { sarif, sarifChunks } from './sarif.js';

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

/** Formats come in pieces too, so that no single string holds the report of a large run. */
const CHUNKED: Partial<Record<Format, (report: Report, ctx: FormatContext) => Iterable<string>>> = {
  json: jsonReportChunks,
  sarif: sarifChunks,
  junit: junitChunks,
  github: githubChunks,
  pretty: prettyChunks,
};

/** The report's text in pieces, to be written one after the other. */
export function formatChunks(format: Format, report: Report, ctx: FormatContext): Iterable<string> {
  return CHUNKED[format]?.(report, ctx) ?? [FORMATTERS[format](report, ctx)];
}
