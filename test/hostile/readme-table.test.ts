// README.md's table is the catalogue itself; UPDATE_HOSTILE_README=1 rewrites it after a change.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { CATALOGUE, readmeTable } from './catalogue.js';

const README = path.join(import.meta.dirname, 'README.md');
const START = '<!-- catalogue -->';
const END = '<!-- /catalogue -->';

it('README.md lists every case of the catalogue with its expected message', () => {
  const text = readFileSync(README, 'utf8');
  const table = `${START}\n${readmeTable()}\n${END}`;
  const current = text.slice(text.indexOf(START), text.indexOf(END) + END.length);
  if (process.env.UPDATE_HOSTILE_README === '1') writeFileSync(README, text.replace(current, table));
  else expect(current).toBe(table);
  expect(text).toContain(`${CATALOGUE.length} hostile inputs`);
});
