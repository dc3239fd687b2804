// regulations/COVERAGE.md against the rules that exist: every id it names must be a rule icp-check
// knows, every rule of `regulations/` must have a row, and every row says what encodes it or why
// nothing can.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { bundledRegulations } from '../../src/regulations/index.js';
import { allRuleMetas } from '../../src/rules/registry.js';

const ledger = readFileSync(new URL('../../regulations/COVERAGE.md', import.meta.url), 'utf8');
const ID = /`([a-z][a-z0-9-]*(?:\/[a-z0-9][a-z0-9-]*)+)`/g;

/** Table rows (not the header or the separator), with their last cell: the rules. */
const rows = ledger
  .split('\n')
  .filter((l) => l.startsWith('| ') && !l.startsWith('| --- ') && !/^\| (§|source) \|/.test(l))
  .map((line) => {
    const cells = line.split(/(?<!\\)\|/).slice(1, -1);
    return { line, rules: cells[cells.length - 1]!.trim() };
  });
const ledgerIds = new Set(rows.flatMap((r) => [...r.rules.matchAll(ID)].map((m) => m[1]!)));

test('every row names rules or says why it is not encodable', () => {
  const empty = rows.filter((r) => r.rules.match(ID) === null && !/not encodable: \S/.test(r.rules));
  expect(empty.map((r) => r.line)).toEqual([]);
});

test('every id in the ledger is a rule icp-check knows', () => {
  const known = new Set(allRuleMetas().map((r) => r.id));
  expect([...ledgerIds].filter((id) => !known.has(id)).sort()).toEqual([]);
});

test('every rule of regulations/ has a ledger row', () => {
  const rules = bundledRegulations().rules.map((r) => r.id);
  expect(rules.filter((id) => !ledgerIds.has(id)).sort()).toEqual([]);
});

test('every province rule appears under its own province', () => {
  const misplaced = rows.flatMap((r) => {
    const section = r.line.match(/^\| (5\.\d\.\d) \|/)?.[1];
    if (!section) return [];
    return [...r.rules.matchAll(/`province\/([a-z-]+)\//g)].filter((m) => !sectionOf(m[1]!).includes(`§${section}`)).map((m) => `${section} ${m[0]}`);
  });
  expect(misplaced).toEqual([]);
});

function sectionOf(slug: string): string {
  const file = bundledRegulations().provinces.get(slug as never);
  return file?.section ?? '';
}
