// The JSON report exactly as CONTRACT.md describes it.
import type { Report } from '../../model.js';
import type { Formatter } from './context.js';
import { jsonChunks } from './json-chunks.js';

export const json: Formatter = (report) => `${JSON.stringify(report, null, 2)}\n`;

/** The same text as `json`, in pieces (a filing at most), for reports too large for one string. */
export function* jsonReportChunks(report: Report): Generator<string> {
  yield* jsonChunks(report, 2);
  yield '\n';
}
