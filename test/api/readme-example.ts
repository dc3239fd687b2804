// The README's Node API example, as the tests run it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO } from '../cli/run-bin.js';

/** The first ```js block after the README's "## Node API" heading. */
export function readmeApiExample(): string {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Node API'));
  const m = /```js\n([\s\S]*?)```/.exec(section);
  if (!m?.[1]) throw new Error('README.md has no ```js block under "## Node API"');
  return m[1];
}
