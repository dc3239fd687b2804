// The domain rules on plain filings and lookups: every status of every rule, province settings
// passed in, and the words a user reads (what WHOIS said, from which server).
import { describe, expect, it } from 'vitest';
import type { DomainLookup, WhoisRecord } from '../../src/facts/types.js';
import { manifestSchema } from '../../src/manifest/schema.js';
import { toFiling } from '../../src/manifest/normalise.js';
import type { RawFinding } from '../../src/model.js';
import { provinceSettings, type ProvinceSettings } from '../../src/regulations/schema.js';
import { renderFinding } from '../../src/report/render.js';
import { createDomainRules, domainRules } from '../../src/rules/domain.js';
import { findRegistrar, loadRegistrarList, loadTldList, normaliseName, parseSuffixLines } from '../../src/rules/domain-data.js';
import type { CheckContext, CodeRule } from '../../src/rules/types.js';
import { renderArg } from '../../src/report/catalogue/index.js';

const DATE = '2026-11-26';

function filing(over: Record<string, unknown> = {}) {
  const manifest = manifestSchema.parse({
    version: 1,
    province: 'guangdong',
    entity: {
      type: 'enterprise',
      name: '深圳市示例科技有限公司（分公司）',
      legalRepresentative: { name: '王五' },
      principal: { name: '张三' },
    },
    websites: [{ name: '示例官网', domains: ['example.com'], admin: { name: '李四' } }],
    ...over,
  });
  const r = toFiling(manifest, 'test.yaml', '/tmp');
  if (!r.ok) throw new Error('test manifest did not normalise');
  return r.filing;
}

function record(over: Partial<WhoisRecord> = {}): WhoisRecord {
  return {
    domain: 'example.com',
    registrar: '厦门易名科技股份有限公司',
    registrantName: '深圳市示例科技有限公司(分公司)',
    created: '2015-01-01T00:00:00.000Z',
    expires: '2028-01-01T00:00:00.000Z',
    statuses: ['clientTransferProhibited'],
    redacted: false,
    source: 'whois',
    server: 'whois.verisign-grs.com → whois.ename.com',
    ...over,
  };
}

const found = (domain: string, over: Partial<WhoisRecord> = {}): DomainLookup => ({ domain, status: 'found', record: record({ domain, ...over }), server: 'whois.test' });

function ctx(f = filing(), lookups: DomainLookup[] = [found('example.com')], options: Partial<CheckContext['options']> = {}): CheckContext {
  return {
    filing: f,
    facts: { images: new Map(), domains: new Map(lookups.map((l) => [l.domain, l])), findings: [] },
    options: { date: DATE, offline: false, approvedSuffixes: [], ...options },
  };
}

const settingsOf =
  (s: Partial<ProvinceSettings> = {}) =>
  () =>
    provinceSettings.parse(s);

function run(id: string, c: CheckContext, s: Partial<ProvinceSettings> = {}): RawFinding[] {
  const rule = createDomainRules({ settings: settingsOf(s) }).find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule.check(c);
}

function words(id: string, f: RawFinding, lang: 'en' | 'zh' = 'en'): string {
  const rule = domainRules.find((r) => r.id === id)!;
  return renderFinding(f, rule, lang).message;
}

describe('catalogue', () => {
  it('has domain/ and whois/ ids, a source, and both languages for every message a check can pick', () => {
    const ids = domainRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of domainRules as CodeRule[]) {
      expect(r.id).toMatch(/^(domain|whois)\/[a-z-]+$/);
      expect(r.source.length).toBeGreaterThan(3);
      expect(r.title.en && r.title.zh && r.explain.en && r.explain.zh).toBeTruthy();
      for (const m of Object.values(r.messages)) {
        expect(m.message.en.length && m.message.zh.length).toBeTruthy();
        if (m.fix) expect(m.fix.en.length && m.fix.zh.length).toBeTruthy();
      }
    }
  });
});

describe('domain/syntax and domain/subdomain', () => {
  const f = filing({ websites: [{ name: '站', domains: ['https://www.example.com/a', '1.2.3.4', 'exa mple.com', 'com.cn', 'WWW.Example.COM.', '例子.中国'] }] });

  it('reports URLs, IP addresses, bad syntax and bare suffixes as clear failures', () => {
    const out = run('domain/syntax', ctx(f, []));
    expect(out.map((x) => [x.status, x.key ?? 'pass'])).toEqual([
      ['fail', 'url'],
      ['fail', 'ip'],
      ['fail', 'syntax'],
      ['fail', 'no-registrable-domain'],
      ['pass', 'pass'],
      ['pass', 'pass'],
    ]);
    expect(words('domain/syntax', out[0]!)).toBe('"https://www.example.com/a" is a URL, not a domain name.');
    expect(words('domain/syntax', out[5]!)).toBe('例子.中国 is a valid domain name.');
  });

  it('says a subdomain is covered by its registrable domain', () => {
    const out = run('domain/subdomain', ctx(f, []));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ status: 'info', path: 'websites[0].domains[4]', args: { domain: 'www.example.com', registrable: 'example.com' } });
  });
});

describe('domain/duplicate', () => {
  it('fails the same registrable domain in two websites, and warns a repeat within one', () => {
    const f = filing({
      websites: [
        { name: 'A', domains: ['example.com', 'example.com'] },
        { name: 'B', domains: ['www.example.com'] },
        { name: 'C', domains: ['other.com', 'www.other.com'] },
      ],
    });
    const out = run('domain/duplicate', ctx(f, []));
    expect(out.map((x) => [x.status, x.path])).toEqual([
      ['warn', 'websites[0].domains[1]'],
      ['fail', 'websites[1].domains[0]'],
    ]);
    expect(words('domain/duplicate', out[1]!)).toContain('appears under website "B" and again under "A"');
  });
});

describe('domain/suffix-approved', () => {
  const f = filing({ websites: [{ name: 'A', domains: ['a.com', 'b.io', 'c.co.uk', '例子.中国', 'd.bj.cn', 'e.org'] }] });

  it('passes approved, fails known unapproved, warns unknown naming the list date and where to confirm', () => {
    const out = run('domain/suffix-approved', ctx(f, []));
    expect(out.map((x) => x.status)).toEqual(['pass', 'fail', 'warn', 'pass', 'pass', 'pass']);
    const warn = words('domain/suffix-approved', out[2]!);
    expect(warn).toContain(loadTldList().date);
    expect(
      renderFinding(
        out[2]!,
        domainRules.find((r) => r.id === 'domain/suffix-approved'),
        'en',
      ).fix,
    ).toContain('域名.信息');
    expect(words('domain/suffix-approved', out[3]!)).toContain('.中国');
  });

  it('takes extra suffixes from --tld-list / settings.approvedSuffixes', () => {
    const out = run('domain/suffix-approved', ctx(f, [], { approvedSuffixes: parseSuffixLines('# mine\n.UK\n') }));
    expect(out[2]!.status).toBe('pass');
    expect(words('domain/suffix-approved', out[2]!)).toContain('added by your settings');
  });

  it('warns a public institution outside .cn and .公益', () => {
    const f2 = filing({
      entity: { type: 'public-institution', name: '某某中心', principal: { name: '张三' } },
      websites: [{ name: 'A', domains: ['a.com', 'b.gov.cn', 'c.公益', 'd.cn'] }],
    });
    const out = run('domain/public-institution-suffix', ctx(f2, []));
    expect(out.map((x) => x.args?.domain)).toEqual(['a.com']);
  });
});

describe('whois/registered', () => {
  it('passes, fails and is unknown as the lookup was, saying what the server said', () => {
    const f = filing({ websites: [{ name: 'A', domains: ['a.com', 'b.com', 'c.com', 'd.com'] }] });
    const out = run(
      'whois/registered',
      ctx(f, [
        found('a.com'),
        { domain: 'b.com', status: 'not-found', server: 'rdap.verisign.com' },
        { domain: 'c.com', status: 'error', error: 'whois.verisign-grs.com: timeout' },
        { domain: 'd.com', status: 'offline' },
      ]),
    );
    expect(out.map((x) => [x.status, x.key])).toEqual([
      ['pass', undefined],
      ['fail', undefined],
      ['unknown', 'error'],
      ['unknown', 'offline'],
    ]);
    expect(words('whois/registered', out[0]!)).toContain('WHOIS whois.verisign-grs.com → whois.ename.com said: registrar "厦门易名科技股份有限公司"');
    expect(words('whois/registered', out[1]!)).toBe('b.com is not registered: WHOIS rdap.verisign.com has no record of it.');
    expect(words('whois/registered', out[2]!)).toContain('timeout');
    expect(
      renderFinding(
        out[3]!,
        domainRules.find((r) => r.id === 'whois/registered'),
        'en',
      ).fix,
    ).toContain('confirm by hand');
    expect(words('whois/registered', out[0]!, 'zh')).toContain('WHOIS（whois.verisign-grs.com → whois.ename.com）显示');
  });

  it('says when the answer came from the cache', () => {
    const l = { ...found('example.com'), fromCache: true, fetchedAt: '2026-11-25T10:00:00.000Z' };
    const out = run('whois/registered', ctx(filing(), [l]));
    expect(words('whois/registered', out[0]!)).toContain('(cached 2026-11-25 10:00 UTC)');
  });
});

describe('whois/expiry', () => {
  const at = (expires: string) => ctx(filing(), [found('example.com', { expires })]);

  it('fails an expired domain', () => {
    const out = run('whois/expiry', at('2026-11-20T00:00:00Z'));
    expect(out[0]!.status).toBe('fail');
  });

  it('warns within the default 90 days and names the threshold', () => {
    const out = run('whois/expiry', at('2027-01-20T00:00:00Z'));
    expect(out[0]).toMatchObject({ status: 'warn', args: { days: 55, threshold: 90 } });
  });

  it('uses the province threshold: Shandong 45 days passes what Shanghai 180 warns', () => {
    const c = at('2027-03-01T00:00:00Z');
    expect(run('whois/expiry', c, { domainExpiryWarnDays: 45, domainExpirySource: 'Alibaba Cloud FAQ 50253' })[0]!.status).toBe('pass');
    const sh = run('whois/expiry', c, { domainExpiryWarnDays: 180, domainExpirySource: 'QingCloud docs' })[0]!;
    expect(sh.status).toBe('warn');
    expect(words('whois/expiry', sh)).toContain('more than 180 days (QingCloud docs)');
  });

  it('reads the date in China Standard Time: 2027-02-24T20:00Z is 25 February there', () => {
    const out = run('whois/expiry', at('2027-02-24T20:00:00Z'));
    expect(out[0]!.args).toMatchObject({ expires: '2027-02-25', days: 91 });
    expect(out[0]!.status).toBe('pass');
  });

  it('falls back to the declared date when offline, and is unknown without either', () => {
    const f = filing({ domains: { 'example.com': { expires: '2026-12-01' } } });
    const out = run('whois/expiry', ctx(f, [{ domain: 'example.com', status: 'offline' }]));
    expect(out[0]).toMatchObject({ status: 'warn', path: 'domains["example.com"].expires' });
    expect(words('whois/expiry', out[0]!)).toContain('what you declared under domains');
    expect(run('whois/expiry', ctx(filing(), [{ domain: 'example.com', status: 'offline' }]))[0]!.status).toBe('unknown');
  });
});

describe('whois/hold', () => {
  it('fails clientHold, serverHold and pendingDelete', () => {
    for (const st of ['clientHold', 'serverHold', 'pendingDelete']) {
      const out = run('whois/hold', ctx(filing(), [found('example.com', { statuses: ['clientTransferProhibited', st] })]));
      expect(out[0]).toMatchObject({ status: 'fail', args: { statuses: st } });
    }
    expect(run('whois/hold', ctx())[0]!.status).toBe('pass');
  });
});

describe('registrars', () => {
  it('matches WHOIS spellings to the list after normalising case, spaces and brackets', () => {
    expect(findRegistrar('Chengdu west dimension digital technology Co., LTD')?.id).toBe('west-cn');
    expect(findRegistrar('阿里云计算有限公司(万网)')?.id).toBe('alibaba-cloud');
    expect(findRegistrar('Alibaba Cloud Computing Ltd. d/b/a HiChina (www.net.cn)')?.id).toBe('alibaba-cloud');
    expect(findRegistrar('Nobody Registrar Ltd')).toBeUndefined();
    expect(loadRegistrarList().date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('passes a listed approved registrar, fails an unapproved one, is unknown for an unlisted one', () => {
    const f = filing({ websites: [{ name: 'A', domains: ['a.com', 'b.com', 'c.com'] }] });
    const out = run('whois/registrar-approved', ctx(f, [found('a.com'), found('b.com', { registrar: 'GoDaddy.com, LLC' }), found('c.com', { registrar: 'Obscure Names Ltd' })]));
    expect(out.map((x) => [x.status, x.key])).toEqual([
      ['pass', undefined],
      ['fail', 'foreign'],
      ['unknown', undefined],
    ]);
  });

  it("fails a domain at Alibaba Cloud's international site", () => {
    const c = ctx(filing(), [found('example.com', { registrar: 'Alibaba.com Singapore E-Commerce Private Limited' })]);
    expect(run('whois/alibaba-international', c)).toMatchObject([{ status: 'fail' }]);
    expect(run('whois/registrar-approved', c)).toEqual([]);
    expect(run('whois/alibaba-international', ctx())).toEqual([]);
  });

  it('fails a foreign registrar only where the province refuses them', () => {
    const f = filing({ websites: [{ name: 'A', domains: ['a.com', 'b.com', 'c.com'] }] });
    const c = ctx(f, [found('a.com'), found('b.com', { registrar: 'NameCheap, Inc.' }), found('c.com', { registrar: 'Obscure Names Ltd' })]);
    expect(run('whois/foreign-registrar', c, { refusesForeignRegistrars: true }).map((x) => x.status)).toEqual(['pass', 'fail', 'unknown']);
    expect(run('whois/foreign-registrar', c)).toEqual([]);
  });
});

describe('whois/holder', () => {
  it('matches the entity after normalising full-width brackets, spaces and case', () => {
    expect(normaliseName('深圳市示例科技有限公司（分公司）')).toBe(normaliseName(' 深圳市示例科技有限公司 (分公司)'));
    expect(normaliseName('ACME Ltd')).toBe(normaliseName('acme  ltd'));
    const out = run('whois/holder', ctx());
    expect(out[0]).toMatchObject({ status: 'pass', args: { role: { name: 'role', value: 'entity' } } });
  });

  it('accepts the legal representative, principal or admin only where the province does', () => {
    const c = ctx(filing(), [found('example.com', { registrantName: '王五' })]);
    expect(run('whois/holder', c)[0]!.status).toBe('fail');
    expect(run('whois/holder', c, { domainHolderMayBe: ['entity', 'legalRepresentative'] })[0]!.status).toBe('pass');
    const admin = ctx(filing(), [found('example.com', { registrantName: '李四' })]);
    expect(run('whois/holder', admin, { domainHolderMayBe: ['entity', 'legalRepresentative'] })[0]!.status).toBe('fail');
    expect(run('whois/holder', admin, { domainHolderMayBe: ['entity', 'legalRepresentative', 'principal', 'admin'] })[0]!.status).toBe('pass');
  });

  it('fails a different holder and shows both names', () => {
    const out = run('whois/holder', ctx(filing(), [found('example.com', { registrantName: '别的公司' })]));
    expect(out[0]!.status).toBe('fail');
    expect(words('whois/holder', out[0]!)).toContain('the holder "别的公司" is none of the names Guangdong accepts (the filing subject: 深圳市示例科技有限公司（分公司）)');
  });

  it('uses the declared holder when WHOIS hides it, and is unknown without one', () => {
    const hidden = found('example.com', {
      registrantName: 'REDACTED FOR PRIVACY',
      registrantOrganization: 'Withheld for Privacy ehf',
      redacted: true,
      privacyMarker: 'REDACTED FOR PRIVACY',
    });
    expect(run('whois/holder', ctx(filing(), [hidden]))[0]!.status).toBe('unknown');
    const f = filing({ domains: { 'example.com': { holder: '深圳市示例科技有限公司(分公司)' } } });
    const out = run('whois/holder', ctx(f, [hidden]));
    expect(out[0]!.status).toBe('pass');
    expect(words('whois/holder', out[0]!)).toContain('what you declared under domains');
  });
});

describe('whois/privacy', () => {
  const hidden = found('example.com', { registrantName: 'REDACTED FOR PRIVACY', redacted: true, privacyMarker: 'REDACTED FOR PRIVACY' });
  it('fails where the province refuses privacy protection, unknown elsewhere', () => {
    expect(run('whois/privacy', ctx(filing(), [hidden]), { refusesPrivacyProtection: true })[0]!.status).toBe('fail');
    expect(run('whois/privacy', ctx(filing(), [hidden]))[0]!.status).toBe('unknown');
    expect(run('whois/privacy', ctx(), { refusesPrivacyProtection: true })[0]!.status).toBe('pass');
    expect(run('whois/privacy', ctx())).toEqual([]);
  });
});

describe('whois/declared-mismatch', () => {
  it('fails each declared fact that contradicts WHOIS, showing both', () => {
    const f = filing({
      domains: {
        'example.com': { holder: '另一家公司', registrar: '阿里云计算有限公司（万网）', privacyProtection: true, expires: '2029-01-01' },
      },
    });
    const out = run('whois/declared-mismatch', ctx(f));
    expect(out.map((x) => renderArg(x.args?.field, 'en'))).toEqual(['holder', 'registrar', 'privacy protection', 'expiry date']);
    expect(words('whois/declared-mismatch', out[0]!)).toContain('you declared holder "另一家公司", but WHOIS');
    expect(out[3]!.args).toMatchObject({ declared: '2029-01-01', whois: '2028-01-01' });
  });

  it('accepts a declared registrar written as another alias of the same registrar', () => {
    const f = filing({ domains: { 'example.com': { registrar: 'Xiamen eName Technology Co., Ltd.', expires: '2028-01-01' } } });
    expect(run('whois/declared-mismatch', ctx(f))).toEqual([]);
  });
});

describe('real-name verification', () => {
  it('comes from the declaration only: unknown when undeclared, with how to check', () => {
    const out = run('domain/real-name-verified', ctx());
    expect(out[0]!.status).toBe('unknown');
    expect(
      renderFinding(
        out[0]!,
        domainRules.find((r) => r.id === 'domain/real-name-verified'),
        'en',
      ).fix,
    ).toContain('Basic Information');
    const yes = filing({ domains: { 'example.com': { realNameVerified: true } } });
    const no = filing({ domains: { 'EXAMPLE.com.': { realNameVerified: false } } });
    expect(run('domain/real-name-verified', ctx(yes))[0]!.status).toBe('pass');
    expect(run('domain/real-name-verified', ctx(no))[0]).toMatchObject({ status: 'fail', path: 'domains["EXAMPLE.com."].realNameVerified' });
  });

  it('warns when verified less than 3 days before the check date', () => {
    const recent = filing({ domains: { 'example.com': { realNameVerified: true, realNameVerifiedOn: '2026-11-24' } } });
    const old = filing({ domains: { 'example.com': { realNameVerified: true, realNameVerifiedOn: '2026-11-23' } } });
    const w = run('domain/real-name-sync', ctx(recent))[0]!;
    expect(w).toMatchObject({ status: 'warn', args: { days: 2, ready: '2026-11-27' } });
    expect(run('domain/real-name-sync', ctx(old))[0]!.status).toBe('pass');
  });
});
