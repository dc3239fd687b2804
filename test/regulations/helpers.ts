// Builds real `Filing` objects and check contexts from plain manifest objects.
import { manifestSchema } from '../../src/manifest/schema.js';
import { toFiling } from '../../src/manifest/normalise.js';
import type { Filing } from '../../src/manifest/filing.js';
import type { CheckContext } from '../../src/rules/types.js';
import { idCheckDigit } from '../../src/facts/identity.js';

export const DATE = '2026-11-26';

/** A valid 18-digit ID number for a region code (2 digits) and birth date (YYYY-MM-DD). */
export function idNumber(region: string, birth: string, seq = '123'): string {
  const first17 = `${region}0102${birth.replace(/-/g, '')}${seq}`;
  return first17 + idCheckDigit(first17);
}

export function filing(input: Record<string, unknown>): Filing {
  const result = toFiling(manifestSchema.parse({ version: 1, ...input }), 'test.yaml', '/tmp');
  if (!result.ok) throw new Error(`not a filing: ${JSON.stringify(result.findings)}`);
  return result.filing;
}

export function ctx(f: Filing, date = DATE): CheckContext {
  return { filing: f, facts: { images: new Map(), domains: new Map(), findings: [] }, options: { date, offline: true, approvedSuffixes: [] } };
}

/** An enterprise in the given province with one website; override any part. */
export function enterprise(province: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    province,
    entity: {
      type: 'enterprise',
      name: '示例科技有限公司',
      legalRepresentative: { name: '张三' },
      principal: { name: '张三', id: { type: 'id-card', number: idNumber('44', '1990-01-01') } },
    },
    websites: [{ name: '示例科技官网', domains: ['example.com'] }],
    ...overrides,
  };
}

/** `n` distinct domains, each with its own prefix. */
export function domains(n: number, suffix = 'com'): string[] {
  return Array.from({ length: n }, (_, i) => `site${i}.${suffix}`);
}
