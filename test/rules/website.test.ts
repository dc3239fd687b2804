import { describe, expect, it } from 'vitest';
import { manifestSchema } from '../../src/manifest/schema.js';
import { toFiling } from '../../src/manifest/normalise.js';
import { websiteRules } from '../../src/rules/website.js';
import type { CheckContext } from '../../src/rules/types.js';

function check(websiteName: string, entity: { type?: string; name?: string } = {}) {
  const manifest = manifestSchema.parse({
    version: 1,
    province: 'guangdong',
    entity: { type: entity.type ?? 'enterprise', name: entity.name ?? '示例有限公司', principal: { name: '张三' } },
    websites: [{ name: websiteName, domains: ['example.cn'] }],
  });
  const r = toFiling(manifest, 'm.yaml', '.');
  if (!r.ok) throw new Error('not a filing');
  const ctx: CheckContext = {
    filing: r.filing,
    facts: { images: new Map(), domains: new Map(), findings: [] },
    options: { date: '2026-11-26', offline: true, approvedSuffixes: [] },
  };
  return Object.fromEntries(websiteRules.map((rule) => [rule.id, rule.check(ctx)[0]!.status]));
}

describe('website names', () => {
  it('passes a name of Chinese words', () => {
    expect(check('示例科技官网')).toEqual({ 'website/name-not-domain': 'pass', 'website/name-chinese': 'pass', 'website/name-national-prefix': 'pass' });
  });

  it('fails a domain as the name', () => {
    expect(check('example.cn')['website/name-not-domain']).toBe('fail');
    expect(check('示例官网 www.example.com.cn')['website/name-not-domain']).toBe('fail');
    expect(check('示例 2.0 版')['website/name-not-domain']).toBe('pass'); // a version number is not a domain
  });

  it('fails a name without Chinese characters', () => {
    expect(check('Example Tech')['website/name-chinese']).toBe('fail');
    expect(check('12345')['website/name-chinese']).toBe('fail');
    expect(check('Example 科技')['website/name-chinese']).toBe('pass');
  });

  it('warns of a national word at the start unless the entity carries it or is a state body', () => {
    expect(check('中国示例网')['website/name-national-prefix']).toBe('warn');
    expect(check('国家示例平台')['website/name-national-prefix']).toBe('warn');
    expect(check('示例中国站')['website/name-national-prefix']).toBe('pass');
    expect(check('中国示例网', { name: '中国示例集团有限公司' })['website/name-national-prefix']).toBe('pass');
    expect(check('国家示例平台', { type: 'government', name: '某某局' })['website/name-national-prefix']).toBe('pass');
  });
});
