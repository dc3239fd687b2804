// The JSON report exactly as CONTRACT.md describes it.
import type { Report } from '../../model.js';
import type { Formatter } from './context.js';
import { jsonChunks } from './json-chunks.js';
import { forJson } from '../sanitize.js';

/** File names come from outside: no control or bidi character reaches a JSON reader (the same sanitiser as the terminal's). */
const withCleanFiles = (report: Report): Report => ({ ...report, filings: report.filings.map((f) => ({ ...f, file: forJson(f.file) })) });

export const json: Formatter = (report) => `${JSON.stringify(withCleanFiles(report), null, 2)}\n`;

/** The same text as `json`, in pieces (a filing at most), for reports too large for one string. */
export function* jsonReportChunks(report: Report): Generator<string> {
  yield* jsonChunks(withCleanFiles(report), 2);
  yield '\n';
}
