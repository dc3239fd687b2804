// The JSON report exactly as CONTRACT.md describes it.
import type { Formatter } from './context.js';

export const json: Formatter = (report) => `${JSON.stringify(report, null, 2)}\n`;
