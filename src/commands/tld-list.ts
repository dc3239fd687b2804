// `--tld-list <file>`: extra approved suffixes, one per line, `#` comments allowed.
import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';

export async function readSuffixList(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--tld-list ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*/, '').trim().toLowerCase().replace(/^\./, ''))
    .filter((l) => l.length > 0);
}
