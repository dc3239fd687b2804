// The JSON report exactly as CONTRACT.md describes it.
import type { FilingReport } from '../../model.js';
import type { Formatter } from './context.js';
import { nestedJson } from './json-text.js';
import { forJson } from '../sanitize.js';
import { type StreamFormat, streamReport } from './stream.js';

/** File names come from outside: no control or bidi character reaches a JSON reader (the same sanitiser as the terminal's). */
const withCleanFile = (f: FilingReport): FilingReport => ({ ...f, file: forJson(f.file) });

const member = (key: string, value: unknown) => `  ${JSON.stringify(key)}: ${nestedJson(value, 1)}`;

/**
 * `JSON.stringify(report, null, 2)` written a filing at a time: the head (tool, date) first, each
 * filing as it finishes, the fields known at the end (sources, unused waivers) last.
 */
export const jsonStream: StreamFormat = (head) => ({
  *begin() {
    yield `{\n${member('tool', head.tool)},\n${member('date', head.date)},\n  "filings": ${head.total === 0 ? '[]' : '[\n'}`;
  },
  *filing(f, index) {
    yield `    ${nestedJson(withCleanFile(f), 2)}${index < head.total - 1 ? ',\n' : '\n'}`;
  },
  *end(tail) {
    const rest = Object.entries(tail).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
    yield head.total === 0 ? '' : '  ]';
    for (const [k, v] of rest) yield `,\n${member(k, v)}`;
    yield '\n}\n';
  },
});

export const json: Formatter = (report, ctx) => [...streamReport(jsonStream, report, ctx)].join('');

/** The same text as `json`, in pieces (a filing at most), for reports too large for one string. */
export const jsonReportChunks = (report: Parameters<Formatter>[0], ctx: Parameters<Formatter>[1]) => streamReport(jsonStream, report, ctx);
