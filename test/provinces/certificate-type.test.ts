// The certificate an enterprise files with, against what its province accepts (before §5.2–§5.8).
import { describe, expect, it } from 'vitest';
import { evaluateManifest } from './helpers.js';

function enterprise(province: string, certificate?: { type: string; number: string }) {
  return {
    version: 1,
    province,
    entity: {
      type: 'enterprise',
      name: '示例有限公司',
      ...(certificate ? { certificate } : {}),
      legalRepresentative: { name: '张三' },
      principal: { name: '张三', mobile: '13800138000' },
    },
  };
}

const status = (province: string, certificate?: { type: string; number: string }) =>
  evaluateManifest(enterprise(province, certificate)).find((f) => f.rule === `province/${province}/enterprise-certificate`)?.status;

describe('the enterprise certificate type', () => {
  it.each([
    ['beijing', 'business-license', 'pass'],
    ['beijing', 'organization-code', 'fail'], // "Use the business licenses"
    ['guangdong', 'organization-code', 'pass'], // "the business license and organization code certificate"
    ['guangdong', 'public-institution-certificate', 'fail'],
    ['heilongjiang', 'uscc-certificate', 'pass'], // "business licenses or certificates for uniform social credit code"
    ['henan', 'organization-code', 'fail'], // "the latest license (Three-in-One license)"
  ])('%s with %s: %s', (province, type, expected) => {
    expect(status(province, { type, number: '91440300MA5F00001A' })).toBe(expected);
  });

  it('cannot be checked without a certificate', () => {
    expect(status('beijing')).toBe('unknown');
  });
});
