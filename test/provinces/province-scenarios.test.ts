// One scenario per province, from test/fixtures/provinces/<slug>/manifest.yaml: the findings that
// province is known for, by rule id, status and manifest path.
import { describe, expect, test } from 'vitest';
import type { RawFinding } from '../../src/model.js';
import { PROVINCES } from '../../src/manifest/provinces.js';
import { evaluateFixture } from './helpers.js';
import { words } from '../regulations/words.js';

type Expected = [rule: string, status: RawFinding['status'], path: string, documents?: string[]];

const scenarios: Record<string, Expected[]> = {
  heilongjiang: [
    ['principal-legal-representative', 'fail', ''],
    ['phone-bills', 'info', 'entity.principal', ['phone-bills@entity.principal']],
    ['admin-one-subject', 'info', 'websites[0]'],
  ],
  jilin: [['residence-permit', 'info', 'entity.principal', ['residence-permit@entity.principal']]],
  liaoning: [
    ['minimum-age', 'fail', 'websites[0].admin'],
    ['mobile-from-province', 'unknown', 'entity.principal'],
    ['finance-names-principal', 'fail', ''],
    ['finance-names-admin', 'fail', 'websites[0]'],
  ],
  beijing: [
    ['principal-legal-representative', 'pass', ''],
    ['remark-same-website', 'fail', 'websites[0]'],
    ['different-prefixes-separate-websites', 'warn', 'websites[0]'],
  ],
  hebei: [
    ['no-foreign-individual', 'fail', 'entity.principal'],
    ['no-foreign-administrator', 'fail', 'entity.principal'],
  ],
  'inner-mongolia': [
    ['no-temporary-id-card', 'fail', 'entity.principal'],
    ['residence-permit', 'info', 'entity.principal', ['residence-permit@entity.principal']],
  ],
  shanxi: [['domicile-in-province', 'fail', 'entity.principal']],
  tianjin: [
    ['principal-legal-representative', 'pass', ''],
    ['admin-differs-from-principal', 'fail', 'websites[0]'],
    ['admin-differs-from-principal', 'pass', 'websites[1]'],
    ['no-shared-mobile', 'fail', ''],
    ['mobile-from-province', 'fail', 'entity.principal'],
    ['mobile-from-province', 'pass', 'websites[1].admin'],
  ],
  anhui: [['transfer-change-certificate', 'info', '', ['change-certificate@entity']]],
  fujian: [
    ['principal-legal-representative', 'info', '', ['power-of-attorney@entity.principal']],
    ['admin-legal-representative', 'info', 'websites[0]', ['power-of-attorney@websites[0].admin']],
  ],
  jiangsu: [
    ['personal-site-title', 'fail', 'websites[0]'],
    ['personal-site-remarks', 'warn', 'websites[0]'],
    ['domain-certificates', 'info', '', ['domain-certificate@yangliu.cn', 'domain-certificate@yangliu.com']],
    ['mobile-from-province', 'pass', 'entity.principal'],
  ],
  shandong: [
    ['minimum-age', 'fail', 'entity.principal'],
    ['remark-same-website', 'fail', 'websites[0]'],
  ],
  shanghai: [
    ['no-temporary-id-card', 'fail', 'entity.principal'],
    ['residence-permit', 'info', 'entity.principal', ['residence-permit@entity.principal']],
    ['filing-number-in-footer', 'info', ''],
  ],
  zhejiang: [['minimum-age', 'fail', 'entity.principal']],
  jiangxi: [
    ['admin-residence-permit', 'info', 'websites[0].admin', ['residence-permit@websites[0].admin']],
    ['no-change-to-another-enterprise', 'warn', ''],
    ['change-certificate', 'info', '', ['change-certificate@entity']],
  ],
  guangdong: [
    ['finance-statement', 'info', 'websites[0]', ['finance-commitment-letter@entity']],
    ['finance-keywords', 'warn', 'websites[1]'],
    ['remark-same-website', 'pass', 'websites[0]'],
    ['different-prefixes-separate-websites', 'pass', 'websites[0]'],
    ['principal-legal-representative', 'pass', ''],
  ],
  guangxi: [
    ['different-prefixes-separate-websites', 'fail', 'websites[0]'],
    ['mobile-from-province', 'fail', 'websites[0].admin'],
    ['mobile-from-province', 'pass', 'entity.principal'],
  ],
  hainan: [['citizens-use-id-card', 'fail', 'entity.principal']],
  henan: [
    ['minor-guardian-id', 'info', 'entity.principal', ['guardian-id@entity.principal']],
    ['domain-certificates', 'info', '', ['domain-certificate@caoliu.cn', 'domain-certificate@caoliu.com', 'domain-certificate@caoliu.net', 'domain-certificate@caoliu.top']],
    ['domicile-in-province', 'pass', 'entity.principal'],
  ],
  hubei: [
    ['principal-legal-representative', 'fail', ''],
    ['transfer-administrator-legal-representative', 'fail', ''],
    ['admin-legal-representative', 'info', 'websites[0]', ['power-of-attorney@entity.principal']],
    ['transfer-subject-matches', 'pass', ''],
  ],
  hunan: [
    ['admin-legal-representative', 'info', 'websites[0]', ['power-of-attorney@websites[0].admin']],
    ['domain-certificates', 'info', '', ['domain-certificate@hn-example.cn']],
    ['mobile-from-province', 'pass', 'websites[0].admin'],
  ],
  gansu: [['no-change-individual-to-enterprise', 'fail', '']],
  ningxia: [['domicile-in-province', 'fail', 'entity.principal']],
  qinghai: [
    ['principal-legal-representative', 'pass', ''],
    ['enterprise-certificate', 'pass', ''],
  ],
  shaanxi: [
    ['mobile-outside-province-reason', 'warn', 'entity.principal'],
    ['domain-certificates', 'info', '', ['domain-certificate@sn-d.cn', 'domain-certificate@sn-e.cn']],
  ],
  xinjiang: [['transfer-subject-matches', 'fail', '']],
  chongqing: [['one-domain-per-website', 'fail', 'websites[0]']],
  guizhou: [
    ['minimum-age', 'fail', 'entity.principal'],
    ['residence-permit', 'info', 'entity.principal', ['residence-permit@entity.principal']],
  ],
  sichuan: [
    ['proof-of-study-work-or-residence', 'info', 'entity.principal', ['proof-of-study-work-or-residence@entity.principal']],
    ['minimum-age', 'unknown', 'entity.principal'],
  ],
  tibet: [
    ['domicile-in-province', 'fail', 'entity.principal'],
    ['filing-number-in-footer', 'info', ''],
  ],
  yunnan: [
    ['minor-proof-of-employment-or-income', 'info', 'entity.principal', ['proof-of-employment-or-income@entity.principal']],
    ['domain-certificates', 'info', '', ['domain-certificate@zhangshi-yn.cn']],
  ],
};

test('every province has a scenario', () => {
  expect(Object.keys(scenarios).sort()).toEqual(PROVINCES.map((p) => p.slug).sort());
});

describe.each(PROVINCES.map((p) => p.slug))('%s', (slug) => {
  const findings = evaluateFixture(slug);
  const own = findings.filter((f) => f.rule.startsWith(`province/${slug}/`));

  test.each(scenarios[slug]!)('%s is %s at "%s"', (name, status, path, documents) => {
    const found = own.filter((f) => f.rule === `province/${slug}/${name}` && f.path === path);
    expect(found.map((f) => f.status)).toEqual([status]);
    if (documents) expect((found[0]!.documents ?? []).map((d) => `${d.kind}@${d.for}`).sort()).toEqual([...documents].sort());
    else if (status !== 'pass') expect(found[0]!.documents ?? []).toEqual([]);
  });

  test('no other province speaks, and every message is filled in', () => {
    const foreign = findings.filter((f) => f.rule.startsWith('province/') && !f.rule.startsWith(`province/${slug}/`));
    expect(foreign).toEqual([]);
    for (const f of own) {
      expect(words(f).message, f.rule).not.toMatch(/\{[a-zA-Z]+\}/);
      expect(words(f, 'zh').message, f.rule).not.toMatch(/\{[a-zA-Z]+\}/);
    }
  });
});
