// `--tld-list <file>`: extra approved suffixes, one per line, `#` comments allowed.
import { UsageError } from '../errors.js';
import { describeFailure, readRegularText } from '../facts/read-file.js';
import { stripControl } from '../report/sanitize.js';

/** A list of suffixes is a few KB; the whole public suffix list is about 250 KB. */
export const MAX_TLD_LIST_BYTES = 1024 * 1024;

/** Reads the list at `file`; a failure names it as `shown` (the name the user gave, not the resolved path). */
export async function readSuffixList(file: string, shown = file): Promise<string[]> {
  const r = await readRegularText(file, { maxBytes: MAX_TLD_LIST_BYTES });
  if (!r.ok) throw new UsageError(`--tld-list ${stripControl(shown)}: ${describeFailure(r, MAX_TLD_LIST_BYTES)}`);
  return r.text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*/, '').trim().toLowerCase().replace(/^\./, ''))
    .filter((l) => l.length > 0);
}
