// Classes of filings whose verdict the seeds settle, each tried in several provinces: a correct
// filing is not blocked, a filing the seeds forbid does not come out ready.
import { describe, expect, it } from 'vitest';
import type { DomainLookup, WhoisRecord } from '../../src/facts/types.js';
import type { RawFinding } from '../../src/model.js';
import { manifestSchema } from '../../src/manifest/schema.js';
import { toFiling } from '../../src/manifest/normalise.js';
import { idCheckDigit } from '../../src/facts/identity.js';
import { reuseRules } from '../../src/regulations/reuse.js';
import { domainRules } from '../../src/rules/domain.js';
import type { CheckContext } from '../../src/rules/types.js';
import { CHECK_DATE, evaluateManifest } from './helpers.js';
import { PROVINCES } from '../../src/manifest/provinces.js';

const idNumber = (code: string, birth = '1990-01-01') => {
  const first17 = `${code}0102${birth.replace(/-/g, '')}123`;
  return first17 + idCheckDigit(first17);
};

const CODES: Record<string, string> = {
  hebei: '13',
  shaanxi: '61',
  tianjin: '12',
  heilongjiang: '23',
  tibet: '54',
  xinjiang: '65',
  beijing: '11',
  guangxi: '45',
  jiangsu: '32',
  liaoning: '21',
};

const of = (findings: RawFinding[], rule: string) => findings.filter((f) => f.rule === rule);
const statusOf = (findings: RawFinding[], rule: string) => of(findings, rule).map((f) => f.status);
const demanded = (findings: RawFinding[], kind: string) => findings.flatMap((f) => (f.documents ?? []).filter((d) => d.kind === kind).map((d) => `${f.rule}:${d.for}`));

function context(raw: Record<string, unknown>, lookups: DomainLookup[] = []): CheckContext {
  const r = toFiling(manifestSchema.parse({ version: 1, ...raw }), 'manifest.yaml', '.');
  if (!r.ok) throw new Error('not a filing');
  return {
    filing: r.filing,
    facts: { images: new Map(), domains: new Map(lookups.map((l) => [l.domain, l])), findings: [] },
    options: { date: CHECK_DATE, offline: false, approvedSuffixes: [] },
  };
}

function enterprise(province: string, over: Record<string, unknown> = {}, entity: Record<string, unknown> = {}) {
  return {
    version: 1,
    province,
    entity: {
      type: 'enterprise',
      name: '示例科技有限公司',
      legalRepresentative: { name: '张三' },
      principal: { name: '张三', id: { type: 'id-card', number: idNumber(CODES[province] ?? '11') } },
      ...entity,
    },
    websites: [{ name: '示例科技官网', domains: ['example.com'] }],
    ...over,
  };
}

describe('1. an individual filing changed to an enterprise filing is not an enterprise name change', () => {
  for (const province of ['hebei', 'shaanxi', 'tianjin']) {
    it(`${province}: the previous filer's personal name does not demand a certificate of change`, () => {
      const found = evaluateManifest(
        enterprise(province, { filing: 'change', previousFiling: { entityType: 'individual', entityName: '张三', certificateNumber: idNumber(CODES[province]!) } }),
      );
      expect(demanded(found, 'change-certificate')).toEqual([]);
    });

    it(`${province}: an enterprise that did change its name still provides it`, () => {
      const found = evaluateManifest(enterprise(province, { filing: 'change', previousFiling: { entityType: 'enterprise', entityName: '旧名称有限公司' } }));
      expect(demanded(found, 'change-certificate')).toContain('document/change-certificate:entity');
    });
  }
});

describe('2. a person without an ID card from the province cannot file where the section says so', () => {
  const individual = (province: string, id: Record<string, unknown>) => ({
    version: 1,
    province,
    entity: { type: 'individual', name: '张三', principal: { name: '张三', nationality: 'CN', id } },
    websites: [{ name: '张三的博客', domains: ['example.com'] }],
  });
  for (const province of ['heilongjiang', 'tibet', 'xinjiang']) {
    const rule = `province/${province}/domicile-in-province`;
    it(`${province}: a passport fails`, () => {
      expect(statusOf(evaluateManifest(individual(province, { type: 'passport', number: 'E12345678' })), rule)).toEqual(['fail']);
    });
    it(`${province}: a Hong Kong or Macao residence permit fails`, () => {
      expect(statusOf(evaluateManifest(individual(province, { type: 'hk-macao-residence-permit', number: idNumber('81') })), rule)).toEqual(['fail']);
    });
    it(`${province}: an ID card from the province passes, one from elsewhere fails`, () => {
      expect(statusOf(evaluateManifest(individual(province, { type: 'id-card', number: idNumber(CODES[province]!) })), rule)).toEqual(['pass']);
      expect(statusOf(evaluateManifest(individual(province, { type: 'id-card', number: idNumber('44') })), rule)).toEqual(['fail']);
    });
  }
});

describe('3. a registrar the list marks unapproved fails in every province', () => {
  const record = (registrar: string): WhoisRecord => ({
    domain: 'example.com',
    registrar,
    registrantName: '示例科技有限公司',
    created: '2015-01-01T00:00:00.000Z',
    expires: '2028-01-01T00:00:00.000Z',
    statuses: [],
    redacted: false,
    source: 'whois',
    server: 'whois.test',
  });
  const verdict = (province: string, registrar: string) => {
    const c = context(enterprise(province), [{ domain: 'example.com', status: 'found', record: record(registrar), server: 'whois.test' }]);
    return domainRules
      .find((r) => r.id === 'whois/registrar-approved')!
      .check(c)
      .map((f) => f.status);
  };
  for (const province of ['guangdong', 'zhejiang', 'beijing']) {
    it(`${province}: GoDaddy fails, an approved registrar passes, an unlisted one is unknown`, () => {
      expect(verdict(province, 'GoDaddy.com, LLC')).toEqual(['fail']);
      expect(verdict(province, '阿里云计算有限公司（万网）')).toEqual(['pass']);
      expect(verdict(province, 'Obscure Names Ltd')).toEqual(['unknown']);
    });
  }
});

describe('4. only the pre-approval types `reuse` lists may be reused', () => {
  const withReuse = (province: string, type: string) =>
    context(
      enterprise(province, {
        websites: [{ name: '示例科技官网', domains: ['example.com'], content: [type], preApprovals: [{ type, number: 'X-1' }] }],
        documents: [{ kind: `pre-approval:${type}`, for: '示例科技官网', reuse: { orderCompleted: '2026-06-01', orderKind: 'new' } }],
      }),
    );
  const kind = (c: CheckContext) =>
    reuseRules
      .find((r) => r.id === 'document/reuse-kind')!
      .check(c)
      .map((f) => f.status);
  for (const province of ['guangdong', 'shanghai']) {
    it(`${province}: news, medicine and online-taxi may be reused; healthcare and education may not`, () => {
      for (const type of ['news', 'medicine', 'online-taxi']) expect(kind(withReuse(province, type))).toEqual([]);
      for (const type of ['healthcare', 'education']) expect(kind(withReuse(province, type))).toEqual(['fail']);
    });
  }
});

describe('5. Beijing: name and certificate number both changed', () => {
  const change = (previous: Record<string, unknown>, number: string) =>
    evaluateManifest(
      enterprise(
        'beijing',
        { filing: 'change', previousFiling: { entityType: 'enterprise', ...previous } },
        { name: '新名称科技有限公司', certificate: { type: 'business-license', number } },
      ),
    );
  const rule = 'province/beijing/name-and-number-both-changed';
  it('fails, even with a certificate of change', () => {
    const found = evaluateManifest(
      enterprise(
        'beijing',
        {
          filing: 'change',
          previousFiling: { entityType: 'enterprise', entityName: '旧名称有限公司', certificateNumber: '91110000MA00000001' },
          documents: [{ kind: 'change-certificate', file: 'change.jpg' }],
        },
        { name: '新名称科技有限公司', certificate: { type: 'business-license', number: '91110000802100433B' } },
      ),
    );
    expect(statusOf(found, rule)).toEqual(['fail']);
  });
  it('passes the Three-in-One conversion: the credit code carries the old organisation code', () => {
    expect(statusOf(change({ entityName: '旧名称有限公司', certificateNumber: '80210043-3' }, '91110000802100433B'), rule)).toEqual(['pass']);
  });
  it('passes when only one of them changed', () => {
    expect(statusOf(change({ entityName: '旧名称有限公司', certificateNumber: '91110000802100433B' }, '91110000802100433B'), rule)).toEqual(['pass']);
    expect(statusOf(change({ entityName: '新名称科技有限公司', certificateNumber: '80210043-3' }, '91110000802100433B'), rule)).toEqual(['pass']);
  });
});

describe("6. a principal who is not the legal representative brings the legal representative's power of attorney", () => {
  const notRepresentative = (province: string) => evaluateManifest(enterprise(province, {}, { legalRepresentative: { name: '王五' } }));
  for (const province of ['guangxi', 'jiangsu', 'liaoning']) {
    it(`${province} allows such a principal: the document list asks for the power of attorney`, () => {
      const found = notRepresentative(province);
      expect(demanded(found, 'power-of-attorney')).toContain('document/power-of-attorney-legal-representative:entity.principal');
      expect(found.filter((f) => f.status === 'fail' && f.rule.endsWith('principal-legal-representative'))).toEqual([]);
    });
  }
  for (const province of ['hebei', 'beijing']) {
    it(`${province} requires the legal representative: the province rule fails and no power of attorney is asked`, () => {
      const found = notRepresentative(province);
      expect(statusOf(found, `province/${province}/principal-legal-representative`)).toEqual(['fail']);
      expect(demanded(found, 'power-of-attorney')).toEqual([]);
    });
  }
  it('nothing is asked when the principal is the legal representative', () => {
    for (const province of ['guangxi', 'jiangsu']) expect(demanded(evaluateManifest(enterprise(province)), 'power-of-attorney')).toEqual([]);
  });
  it('in every province, such a principal is either refused or asked for the power of attorney, never both', () => {
    for (const { slug: code } of PROVINCES) {
      const found = notRepresentative(code);
      const refused = found.some((f) => f.status === 'fail' && f.rule === `province/${code}/principal-legal-representative`);
      // (an administrator who is not the legal representative is another demand: admin-legal-representative)
      const asked = demanded(found, 'power-of-attorney').some((d) => !d.includes('admin-legal-representative'));
      expect([code, refused || asked, refused && asked]).toEqual([code, true, false]);
    }
  });
});

describe('7. Sichuan business statement', () => {
  const shop = (documents: unknown[] = []) =>
    evaluateManifest(enterprise('sichuan', { websites: [{ name: '示例商城', domains: ['example.com'] }], documents }, { name: '成都示例贸易有限公司' }));
  const rule = 'document/sichuan-business-statement';
  it('warns while the statement is missing', () => {
    expect(statusOf(shop(), rule)).toEqual(['warn']);
  });
  it('passes once the statement is provided, and still lists it', () => {
    const found = shop([{ kind: 'business-statement', file: 'statement.jpg' }]);
    expect(statusOf(found, rule)).toEqual(['pass']);
    expect(demanded(found, 'business-statement')).toEqual([`${rule}:entity`]);
  });
  it('a statement reused from an earlier order does not count: it is not a reusable material', () => {
    const found = shop([{ kind: 'business-statement', reuse: { orderCompleted: '2026-10-01', orderKind: 'new' } }]);
    expect(statusOf(found, rule)).toEqual(['warn']);
  });
  it('does not apply outside Sichuan', () => {
    const found = evaluateManifest(enterprise('chongqing', { websites: [{ name: '示例商城', domains: ['example.com'] }] }, { name: '重庆示例贸易有限公司' }));
    expect(of(found, rule)).toEqual([]);
  });
});
