// `--mask`: personal data hidden wherever a report travels (CI annotations, SARIF, JUnit, job
// summaries, HTML), as one pure transformation of the finished report before any formatter runs.
// Identity numbers keep their first and last four characters (`4403**********123X`), mobile
// numbers their first three and last four (`138****8000`), e-mail addresses their first character
// and domain (`a***@example.com`). Masking is idempotent: a masked report masks to itself.
import type { FilingReport, Report } from '../model.js';

/** Formats read only where the run happens (a terminal, a script's pipe): unmasked unless asked. */
const UNMASKED_BY_DEFAULT: ReadonlySet<string> = new Set(['pretty', 'json']);

/**
 * Whether a format masks by default: every format except `pretty` and `json`, so a format added
 * later (an HTML report) is masked unless it is listed here.
 */
export function maskByDefault(format: string): boolean {
  return !UNMASKED_BY_DEFAULT.has(format);
}

// Not preceded or followed by a letter or digit: a longer number is not a personal number.
const B = '(?<![0-9A-Za-z])';
const E = '(?![0-9A-Za-z])';
/** 18-digit resident ID and residence permit numbers (last character may be X), and 15-digit first-generation ones. */
const ID_NUMBER = new RegExp(`${B}(\\d{4})(\\d{10}|\\d{7})(\\d{3}[\\dXx]|\\d{4})${E}`, 'g');
/** Passports and travel permits: one or two capitals and 7–10 digits (E12345678, H1234567890). */
const DOCUMENT_NUMBER = new RegExp(`${B}([A-Z]{1,2})(\\d{3,6})(\\d{4})${E}`, 'g');
/** Mainland mobile numbers, with or without +86 and single spaces or dashes between groups. */
const MOBILE = /(?<![0-9A-Za-z+])((?:\+?86[- ]?)?1[3-9]\d)([- ]?)(\d{4})([- ]?)(\d{4})(?![0-9A-Za-z])/g;
const EMAIL = /(?<![A-Za-z0-9._%+-])([A-Za-z0-9_%+-])[A-Za-z0-9._%+-]*@([^\s@"'<>()[\],;:，；、]+)/g;

/** A string with every identity number, mobile number and e-mail address masked. */
export function maskText(text: string): string {
  if (!/\d|@/.test(text)) return text;
  return text
    .replace(ID_NUMBER, (_m, head: string, middle: string, tail: string) => `${head}${'*'.repeat(middle.length)}${tail}`)
    .replace(DOCUMENT_NUMBER, (_m, letters: string, middle: string, tail: string) => `${letters}${'*'.repeat(middle.length)}${tail}`)
    .replace(MOBILE, (_m, head: string, s1: string, _middle: string, s2: string, tail: string) => `${head}${s1}****${s2}${tail}`)
    .replace(EMAIL, (_m, first: string, domain: string) => `${first}***@${domain}`);
}

/** Every string of a value, masked; a new value, the input untouched. */
function maskDeep<T>(value: T): T {
  if (typeof value === 'string') return maskText(value) as T;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v);
    return out as T;
  }
  return value;
}

/**
 * The report with personal data masked in every message, fix, path, file name and property of
 * its filings (findings, documents, whatever fields a filing gains). The tool's name, version
 * and the report's date are left as they are.
 */
export function maskReport(report: Report): Report {
  return { ...report, filings: report.filings.map((f) => maskFiling(f)) };
}

/** One filing's report with personal data masked (as `maskReport` masks each). */
export function maskFiling(filing: FilingReport): FilingReport {
  return maskDeep(filing);
}
