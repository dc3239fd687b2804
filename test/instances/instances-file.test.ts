// regulations/instances.yaml as an editor may break it: a malformed copy fails naming the file and field.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { INSTANCES_FILE, parseInstanceEligibility } from '../../src/regulations/instance-eligibility.js';

test('a wrong figure or a missing product row fails naming the file and the field', () => {
  const source = readFileSync(INSTANCES_FILE, 'utf8');
  const wrong = source.replace(/serviceNumbers: 5\b/, 'serviceNumbers: five');
  expect(wrong).not.toBe(source);
  expect(() => parseInstanceEligibility(wrong, 'instances.yaml')).toThrow(/instances\.yaml: products\.[a-z-]+\.serviceNumbers/);
  const missingRow = source.replace(/\n {2}ens:[\s\S]*$/, '\n');
  expect(() => parseInstanceEligibility(missingRow, 'instances.yaml')).toThrow(/instances\.yaml: products/);
});
