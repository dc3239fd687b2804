// The eligibility data file: valid as bundled, and a malformed copy fails naming the file and field.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { INSTANCES_FILE, loadInstanceEligibility, parseInstanceEligibility } from '../../src/regulations/instance-eligibility.js';
import { PRODUCTS } from '../../src/manifest/schema.js';
import { instanceRules } from '../../src/rules/instance.js';

describe('regulations/instances.yaml', () => {
  test('has a row per product with the figures of before Table 4-1', () => {
    const data = loadInstanceEligibility();
    expect(Object.keys(data.products).sort()).toEqual([...PRODUCTS].sort());
    const figures = Object.fromEntries(Object.entries(data.products).map(([k, v]) => [k, [v.minRemainingMonths ?? null, v.serviceNumbers, v.quotaScope]]));
    expect(figures).toEqual({
      ecs: [3, 5, 'instance'],
      'web-hosting': [3, 5, 'instance'],
      'simple-application-server': [3, 5, 'instance'],
      'elastic-web-hosting': [6, 5, 'account'],
      marketplace: [null, 1, 'instance'],
      'nat-gateway': [1, 2, 'instance'],
      'ipv6-translation': [1, 2, 'instance'],
      ens: [3, 5, 'instance'],
    });
    expect(data.products.marketplace).toMatchObject({ minInitialSubscriptionMonths: 12, minOrderCny: 99 });
    expect(data.products.ecs).toMatchObject({ subscriptionOnly: true, publicBandwidthRequired: true });
  });

  test('a malformed file fails naming the file and the field', () => {
    const text = readFileSync(INSTANCES_FILE, 'utf8').replace(
      'serviceNumbers: 5\n    quotaScope: instance\n    source: before Table 1-1; before Table 4-1\n    quote: >-',
      'serviceNumbers: five\n    quotaScope: instance\n    source: before Table 1-1; before Table 4-1\n    quote: >-',
    );
    expect(() => parseInstanceEligibility(text, 'instances.yaml')).toThrow(/instances\.yaml: products\.ecs\.serviceNumbers/);
    const missingRow = readFileSync(INSTANCES_FILE, 'utf8').replace(/\n {2}ens:[\s\S]*$/, '\n');
    expect(() => parseInstanceEligibility(missingRow, 'instances.yaml')).toThrow(/instances\.yaml: products/);
  });

  test('every instance rule has an id in its area, a source and both languages', () => {
    for (const r of instanceRules) {
      expect(r.id).toMatch(/^instance\/[a-z0-9-]+$/);
      expect(r.source.length).toBeGreaterThan(0);
      for (const t of [r.title, r.explain, ...Object.values(r.messages).flatMap((m) => [m.message, ...(m.fix ? [m.fix] : [])])]) {
        expect(t.en.length).toBeGreaterThan(0);
        expect(t.zh.length).toBeGreaterThan(0);
      }
    }
  });
});
