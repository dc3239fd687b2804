// An individual filing changed into an enterprise filing: allowed where the individual is the
// enterprise's legal representative (e.g. before §5.4.6, Zhejiang).
import { describe, expect, it } from 'vitest';
import { evaluateManifest } from './helpers.js';

function change(previousEntityName: string | undefined, legalRepresentative: string | undefined, principal = '王五') {
  return evaluateManifest({
    version: 1,
    province: 'zhejiang',
    filing: 'change',
    previousFiling: { entityType: 'individual', ...(previousEntityName ? { entityName: previousEntityName } : {}) },
    entity: {
      type: 'enterprise',
      name: '杭州示例有限公司',
      ...(legalRepresentative ? { legalRepresentative: { name: legalRepresentative } } : {}),
      principal: { name: principal },
    },
  }).find((f) => f.rule === 'province/zhejiang/individual-to-enterprise-legal-representative')?.status;
}

describe('individual to enterprise', () => {
  it('passes when the previous individual filer is the legal representative, whoever the principal is', () => {
    expect(change('张三', '张三', '王五')).toBe('pass');
  });

  it('warns when the previous filer is someone else', () => {
    expect(change('李四', '张三', '张三')).toBe('warn');
  });

  it('falls back to the principal without the previous name, and is unknown without a legal representative', () => {
    expect(change(undefined, '张三', '张三')).toBe('pass');
    expect(change(undefined, '张三', '王五')).toBe('warn');
    expect(change('张三', undefined)).toBe('unknown');
  });
});
