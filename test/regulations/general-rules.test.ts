// The general rule files (materials, pre-approvals, process) evaluated over real filings.
import { describe, expect, it } from 'vitest';
import { evaluateRegulations } from '../../src/regulations/index.js';
import { ctx, enterprise, filing, idNumber } from './helpers.js';
import { words } from './words.js';

const run = (input: Record<string, unknown>) => evaluateRegulations(ctx(filing(input)));
const only = (input: Record<string, unknown>, rule: string) => run(input).filter((f) => f.rule === rule);

describe('baseline materials', () => {
  it('an enterprise: certificate, principal ID both sides, a separate admin’s ID, authenticity statement', () => {
    const found = run(
      enterprise('guangdong', {
        websites: [
          { name: 'a', domains: ['a.com'], admin: { name: '李四', id: { type: 'id-card', number: idNumber('44', '1992-02-02') } } },
          { name: 'b', domains: ['b.com'], admin: 'principal' },
        ],
      }),
    ).filter((f) => f.rule.startsWith('document/'));
    expect(found.flatMap((f) => f.documents ?? [])).toEqual([
      { kind: 'entity-certificate', for: 'entity' },
      { kind: 'id-front', for: 'entity.principal' },
      { kind: 'id-back', for: 'entity.principal' },
      { kind: 'id-front', for: 'websites[0].admin' },
      { kind: 'id-back', for: 'websites[0].admin' },
      { kind: 'authenticity-statement', for: 'entity' },
    ]);
  });

  it('an individual with a passport: no entity certificate, only the photo page', () => {
    const found = run({
      province: 'shanghai',
      entity: { type: 'individual', name: 'Ann Lee', principal: { name: 'Ann Lee', id: { type: 'passport', number: 'E1' } } },
    }).filter((f) => f.rule.startsWith('document/'));
    expect(found.flatMap((f) => f.documents ?? [])).toEqual([
      { kind: 'id-front', for: 'entity.principal' },
      { kind: 'authenticity-statement', for: 'entity' },
    ]);
  });

  it('an undeclared identity document still demands the front and asks about the back', () => {
    const found = run(enterprise('henan', { entity: { type: 'enterprise', name: 'x', principal: { name: '张三' } } }));
    expect(found.find((f) => f.rule === 'document/principal-id-front')!.documents).toEqual([{ kind: 'id-front', for: 'entity.principal' }]);
    expect(found.find((f) => f.rule === 'document/principal-id-back')!.status).toBe('unknown');
  });

  it('a renamed enterprise changing its filing provides the certificate of change', () => {
    const renamed = enterprise('beijing', { filing: 'change', previousFiling: { entityName: '旧名称有限公司' } });
    expect(only(renamed, 'document/change-certificate')[0]!.documents).toEqual([{ kind: 'change-certificate', for: 'entity' }]);
    expect(only(enterprise('beijing'), 'document/change-certificate')).toEqual([]);
    expect(only(enterprise('beijing', { filing: 'change' }), 'document/change-certificate')[0]!.status).toBe('unknown');
  });
});

describe('auxiliary materials from `materials`', () => {
  const institution = (province: string) => enterprise(province, { entity: { type: 'public-institution', name: '某某中心', principal: { name: '张三' } } });
  it('SCOPSR certificate only for public institutions and government bodies of the four provinces', () => {
    for (const p of ['yunnan', 'inner-mongolia', 'heilongjiang', 'jiangxi'])
      expect(only(institution(p), 'document/scopsr-certificate')[0]!.documents).toEqual([{ kind: 'scopsr-certificate', for: 'entity' }]);
    expect(only(institution('guangdong'), 'document/scopsr-certificate')).toEqual([]);
    expect(only(enterprise('yunnan'), 'document/scopsr-certificate')).toEqual([]);
  });

  it('Sichuan business statement on commerce words, naming the word', () => {
    const shop = enterprise('sichuan', { websites: [{ name: '示例商城', domains: ['a.com'] }] });
    const [f] = only(shop, 'document/sichuan-business-statement');
    expect(f!.status).toBe('warn');
    expect(words(f!, 'zh').message).toContain('“商城”');
    expect(only(enterprise('sichuan'), 'document/sichuan-business-statement')).toEqual([]);
    expect(only(enterprise('chongqing', { websites: [{ name: '示例商城', domains: ['a.com'] }] }), 'document/sichuan-business-statement')).toEqual([]);
  });

  it('Fujian residence permit for an ID card from another province', () => {
    const person = (region: string) => ({
      province: 'fujian',
      entity: { type: 'individual', name: '王五', principal: { name: '王五', id: { type: 'id-card', number: idNumber(region, '1990-01-01') } } },
    });
    expect(only(person('44'), 'document/fujian-residence-permit')[0]!.documents).toEqual([{ kind: 'residence-permit', for: 'entity.principal' }]);
    expect(only(person('35'), 'document/fujian-residence-permit')).toEqual([]);
  });
});

describe('pre-approvals', () => {
  const site = (province: string, content: string[], preApprovals: unknown[] = []) =>
    enterprise(province, { websites: [{ name: '网站', domains: ['a.com'], content, preApprovals }] });

  it('fails without the pre-approval, passes with it, and asks for its image either way', () => {
    const [missing] = only(site('beijing', ['news']), 'pre-approval/news');
    expect(missing).toMatchObject({ status: 'fail', path: 'websites[0]', documents: [{ kind: 'pre-approval:news', for: 'websites[0]' }] });
    const [declared] = only(site('beijing', ['news'], [{ type: 'news', number: 'X' }]), 'pre-approval/news');
    expect(declared).toMatchObject({ status: 'pass', documents: [{ kind: 'pre-approval:news', for: 'websites[0]' }] });
  });

  it('education only in Zhejiang, Qinghai and Tibet; healthcare only in Hebei and Tibet', () => {
    for (const p of ['zhejiang', 'qinghai', 'tibet']) expect(only(site(p, ['education']), 'pre-approval/education')[0]!.status).toBe('fail');
    expect(only(site('guangdong', ['education']), 'pre-approval/education')).toEqual([]);
    expect(only(site('guangdong', ['education']), 'pre-approval/education-abolished')[0]!.status).toBe('info');
    for (const p of ['hebei', 'tibet']) expect(only(site(p, ['healthcare']), 'pre-approval/healthcare')[0]!.status).toBe('fail');
    expect(only(site('zhejiang', ['healthcare']), 'pre-approval/healthcare')).toEqual([]);
    expect(only(site('zhejiang', ['healthcare']), 'pre-approval/healthcare-abolished')).toHaveLength(1);
  });

  it('forums need none; finance words warn unless finance is declared', () => {
    expect(only(site('beijing', ['forum']), 'pre-approval/electronic-bulletin-abolished')[0]!.status).toBe('info');
    const fund = enterprise('beijing', { entity: { type: 'enterprise', name: '某某基金管理有限公司', principal: { name: '张三' } } });
    const [warn] = only(fund, 'pre-approval/finance-keywords');
    expect(warn!.status).toBe('warn');
    expect(words(warn!).message).toContain('"基金"');
    const declared = { ...fund, websites: [{ name: '网站', domains: ['a.com'], content: ['finance'] }] };
    expect(only(declared, 'pre-approval/finance-keywords')).toEqual([]);
  });
});

describe('process reminders', () => {
  it('contact address and mobiles from the filing province, unknown when not declared', () => {
    const base = enterprise('guangdong');
    expect(only({ ...base, entity: { ...(base.entity as object), address: '广东省深圳市' } }, 'process/contact-address-province')[0]!.status).toBe('pass');
    expect(only({ ...base, entity: { ...(base.entity as object), address: '湖南省长沙市' } }, 'process/contact-address-province')[0]!.status).toBe('warn');
    expect(only(base, 'process/contact-address-province')[0]!.status).toBe('unknown');
    const mobile = (mobileProvince?: string) =>
      only(enterprise('guangdong', { entity: { type: 'enterprise', name: 'x', principal: { name: '张三', mobile: '13800138000', ...(mobileProvince ? { mobileProvince } : {}) } } }), 'process/contact-mobile-province')[0]!;
    expect(mobile('GD').status).toBe('pass');
    expect(mobile('湖南').status).toBe('warn');
    const unknown = mobile();
    expect(unknown.status).toBe('unknown');
    expect(words(unknown).message).toContain('confirm it is a Guangdong number');
  });

  it('mobile verification in the seven provinces of guide step 8 only', () => {
    for (const p of ['tianjin', 'gansu', 'tibet', 'ningxia', 'hainan', 'xinjiang', 'qinghai'])
      expect(only(enterprise(p), 'process/mobile-verification')).toHaveLength(1);
    expect(only(enterprise('beijing'), 'process/mobile-verification')).toEqual([]);
  });
});
