// Every output format, one pure formatter each; the keys feed `--format`'s choices. Each is a
// stream (./stream.ts) that takes filings one at a time; the whole-report functions drive it.
import type { FormatContext, Formatter } from './context.js';
import type { Report } from '../../model.js';
import { github, githubStream } from './github.js';
import { htmlReport, htmlStream } from './html.js';
import { json, jsonStream } from './json.js';
import { junit, junitStream } from './junit.js';
import { markdown, markdownStream } from './markdown.js';
import { pretty, prettyStream } from './pretty.js';
import { sarif, sarifStream } from './sarif.js';
import { type StreamFormat, streamReport } from './stream.js';

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

/** Each format as a stream of filings. */
export const STREAMS: Record<Format, StreamFormat> = {
  pretty: prettyStream,
  json: jsonStream,
  junit: junitStream,
  sarif: sarifStream,
  github: githubStream,
  markdown: markdownStream,
  html: htmlStream,
};

/** The report's text in pieces, to be written one after the other. */
export function formatChunks(format: Format, report: Report, ctx: FormatContext): Iterable<string> {
  return streamReport(STREAMS[format], report, ctx);
}
