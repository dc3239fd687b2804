import { describe, expect, it } from 'vitest';
import type { LookupOptions } from '../../src/facts/domains/lookup.js';
import type { Finding } from '../../src/model.js';
import { checkInProcess } from '../fuzz/check-in-process.js';
import { assertReportProperties } from '../fuzz/manifest-properties.js';
import { startHttpServer, startWhoisServer } from '../domains/loopback-servers.js';
import { closedAfterEach, individualManifestFile } from './individual-manifest.js';

const CRLF = (lines: string[]) => `${lines.join('\r\n')}\r\n`;

const manifest = individualManifestFile('icp-hops-', [['坏的网站', 'broken.top']]);
const closers = closedAfterEach();

async function http(answer: Parameters<typeof startHttpServer>[0]) {
  const s = await startHttpServer(answer);
  closers.push(() => s.close());
  return s;
}
async function whois(answer: Parameters<typeof startWhoisServer>[0]) {
  const s = await startWhoisServer(answer);
  closers.push(() => s.close());
  return s;
}

async function check(lookups: Partial<LookupOptions>) {
  const r = await checkInProcess([manifest], { lookups: { offline: false, useCache: false, timeoutMs: 2000, ...lookups } });
  assertReportProperties(r.report, r.json, r.exitCode);
  const findings = r.report.filings[0]!.findings;
  const find = (rule: string) => findings.find((f) => f.rule === rule && f.message.startsWith('broken.top'));
  return { ...r, findings, registered: find('whois/registered'), holder: find('whois/holder') };
}

function expectUnknown(f: Finding | undefined, why: RegExp): void {
  expect(f, 'a finding for broken.top').toBeDefined();
  expect(f!.status).toBe('unknown');
  expect(f!.message).toMatch(why);
}

const rdapDomain = (name: string, registrant = true) => ({
  objectClassName: 'domain',
  ldhName: name,
  status: ['active'],
  events: [
    { eventAction: 'registration', eventDate: '2015-03-01T08:00:00Z' },
    { eventAction: 'expiration', eventDate: '2031-03-01T08:00:00Z' },
  ],
  entities: [
    { objectClassName: 'entity', roles: ['registrar'], vcardArray: ['vcard', [['fn', {}, 'text', '阿里云计算有限公司（万网）']]] },
    ...(registrant ? [{ objectClassName: 'entity', roles: ['registrant'], vcardArray: ['vcard', [['fn', {}, 'text', '王小五']]] }] : []),
  ],
});

describe('RDAP redirects', () => {
  it('under --rdap-url, a 302 to another loopback port is not followed: unknown, "only … (--rdap-url) is asked"', async () => {
    const elsewhere = await http(() => ({ status: 200, body: rdapDomain('broken.top') }));
    const srv = await http(() => ({ status: 302, body: '', location: `${elsewhere.origin}/latest/meta-data/` }));
    const r = await check({ rdapUrl: srv.url });
    expect(srv.requests).toEqual(['/rdap/domain/broken.top']);
    expect(elsewhere.requests).toEqual([]);
    expectUnknown(r.registered, new RegExp(`HTTP 302 redirect to ${elsewhere.origin} not followed: only ${srv.origin} \\(--rdap-url\\) is asked`));
  });

  it('a 302 on the same --rdap-url origin is followed', async () => {
    const srv = await http((p) => (p === '/moved/broken.top' ? { status: 200, body: rdapDomain('broken.top') } : { status: 302, location: '/moved/broken.top' }));
    const r = await check({ rdapUrl: srv.url });
    expect(srv.requests).toEqual(['/rdap/domain/broken.top', '/moved/broken.top']);
    expect(r.registered?.status).toBe('pass');
  });

  it('from a bootstrap server, a 302 to http://127.0.0.2:4343/latest/meta-data/ is not followed: "only HTTPS on port 443"', async () => {
    const srv = await http(() => ({ status: 302, location: 'http://127.0.0.2:4343/latest/meta-data/' }));
    const bootstrap = { version: '1.0', services: [[['top'], [srv.url]]] as [string[], string[]][] };
    const r = await check({ bootstrap, trustedHosts: ['127.0.0.1'], whoisServers: {} });
    expectUnknown(r.registered, /redirect to http:\/\/127\.0\.0\.2:4343 not followed: only HTTPS on port 443 is followed/);
  });

  it('from a bootstrap server, a 302 to an HTTPS host neither the bootstrap nor the registry names is not followed', async () => {
    const srv = await http(() => ({ status: 302, location: 'https://169.254.169.254/latest/meta-data/' }));
    const bootstrap = { version: '1.0', services: [[['top'], [srv.url]]] as [string[], string[]][] };
    const r = await check({ bootstrap, trustedHosts: ['127.0.0.1'], whoisServers: {} });
    expectUnknown(r.registered, /169\.254\.169\.254 is neither named by the RDAP bootstrap nor under the registry's domain/);
  });

  it('a 302 to a host the bootstrap names but whose DNS answer is loopback is refused at connection', async () => {
    const srv = await http(() => ({ status: 302, location: 'https://localhost/rdap/domain/broken.top' }));
    const bootstrap = {
      version: '1.0',
      services: [
        [['top'], [srv.url]],
        [['example'], ['https://localhost/rdap/']],
      ] as [string[], string[]][],
    };
    const r = await check({ bootstrap, trustedHosts: ['127.0.0.1'], whoisServers: {} });
    expectUnknown(r.registered, /localhost resolves to (127\.0\.0\.1|::1), a loopback address; refused/);
  });

  it('a bootstrap naming a loopback server nobody trusted is refused before connecting', async () => {
    const srv = await http(() => ({ status: 200, body: rdapDomain('broken.top') }));
    const bootstrap = { version: '1.0', services: [[['top'], [srv.url]]] as [string[], string[]][] };
    const r = await check({ bootstrap, whoisServers: {} });
    expect(srv.requests).toEqual([]);
    expectUnknown(r.registered, /127\.0\.0\.1 is a loopback address/);
  });
});

describe('RDAP `related` links', () => {
  it('under --rdap-url, a `related` link to another server is not asked: the holder is unknown and the message says why', async () => {
    const registrar = await http(() => ({ status: 200, body: rdapDomain('broken.top') }));
    const srv = await http(() => ({
      status: 200,
      body: { ...rdapDomain('broken.top', false), links: [{ rel: 'related', type: 'application/rdap+json', href: `${registrar.origin}/domain/broken.top` }] },
    }));
    const r = await check({ rdapUrl: srv.url });
    expect(registrar.requests).toEqual([]);
    expect(r.registered?.status).toBe('pass');
    expectUnknown(r.holder, new RegExp(`the registrar's record at ${registrar.origin} was not asked: only ${srv.origin} \\(--rdap-url\\) is asked`));
  });

  it('from a bootstrap server, a plain-HTTP `related` link elsewhere is not asked', async () => {
    const registrar = await http(() => ({ status: 200, body: rdapDomain('broken.top') }));
    const srv = await http(() => ({
      status: 200,
      body: { ...rdapDomain('broken.top', false), links: [{ rel: 'related', type: 'application/rdap+json', href: `${registrar.origin}/domain/broken.top` }] },
    }));
    const bootstrap = { version: '1.0', services: [[['top'], [srv.url]]] as [string[], string[]][] };
    const r = await check({ bootstrap, trustedHosts: ['127.0.0.1'], whoisServers: {} });
    expect(registrar.requests).toEqual([]);
    expectUnknown(r.holder, /was not asked: only HTTPS on port 443 is followed/);
  });
});

describe('the holder when the registrar record is off limits', () => {
  it("takes the holder from port-43 WHOIS (the registry's referral to its registrar) instead of the refused `related` link", async () => {
    const related = await http(() => ({ status: 200, body: rdapDomain('broken.top') }));
    const srv = await http(() => ({
      status: 200,
      body: { ...rdapDomain('broken.top', false), links: [{ rel: 'related', type: 'application/rdap+json', href: `${related.origin}/domain/broken.top` }] },
    }));
    const registrar = await whois(() => CRLF(['Domain Name: broken.top', 'Registrant Name: 王小五', 'Registrar: Alibaba Cloud Computing Ltd.']));
    const registry = await whois(() => CRLF(['Domain Name: BROKEN.TOP', `Registrar WHOIS Server: ${registrar.address}`, 'Registrar: Alibaba Cloud Computing Ltd.']));
    const bootstrap = { version: '1.0', services: [[['top'], [srv.url]]] as [string[], string[]][] };
    const whoisServers = { top: registry.address, 'registrar.example': registrar.address };
    const r = await check({ bootstrap, whoisServers, trustedHosts: ['127.0.0.1'] });
    expect(related.requests).toEqual([]);
    expect(registry.connections).toBe(1);
    expect(registrar.connections).toBe(1);
    expect(r.holder?.status).toBe('pass');
    expect(r.holder?.message).toContain(`+ WHOIS ${registrar.address}`);
  });
});

describe('WHOIS referrals', () => {
  const registry = (referral: string) =>
    CRLF([
      'Domain Name: BROKEN.TOP',
      `Registrar WHOIS Server: ${referral}`,
      'Registry Expiry Date: 2031-08-13T04:00:00Z',
      'Creation Date: 2015-08-14T04:00:00Z',
      'Registrar: Alibaba Cloud Computing Ltd. d/b/a HiChina (www.net.cn)',
      'Domain Status: ok https://icann.org/epp#ok',
    ]);
  const registrarAnswer = CRLF(['Domain Name: broken.top', 'Registrant Name: 王小五', 'Registrar: Alibaba Cloud Computing Ltd.']);

  it('under --whois-server, a referral to another loopback port is not followed: the holder is unknown and says why', async () => {
    const other = await whois(() => registrarAnswer);
    const srv = await whois(() => registry(other.address));
    const r = await check({ whoisServer: srv.address });
    expect(other.connections).toBe(0);
    expect(r.registered?.status).toBe('pass');
    expectUnknown(r.holder, new RegExp(`the referral to ${other.address} was not followed: only ${srv.address} \\(--whois-server\\) is asked`));
  });

  it('from the registry, a referral to a port other than 43 of a host no table names is not followed', async () => {
    const other = await whois(() => registrarAnswer);
    const srv = await whois(() => registry(other.address));
    const r = await check({ whoisServers: { top: srv.address }, trustedHosts: ['127.0.0.1'] });
    expect(other.connections).toBe(0);
    expectUnknown(r.holder, new RegExp(`the referral to ${other.address} was not followed: only port 43 is followed`));
  });

  it('from the registry, a referral to port 43 of a host neither known nor under .top is not followed', async () => {
    const srv = await whois(() => registry('169.254.169.254'));
    const r = await check({ whoisServers: { top: srv.address }, trustedHosts: ['127.0.0.1'] });
    expectUnknown(r.holder, /the referral to 169\.254\.169\.254 was not followed: 169\.254\.169\.254 is neither a known WHOIS server nor under \.top/);
  });

  it('a registry named by host name whose DNS answer is loopback is refused at connection', async () => {
    const srv = await whois(() => registry('whois.example'));
    const r = await check({ whoisServers: { top: `localhost:${srv.port}` } });
    expect(srv.connections).toBe(0);
    expectUnknown(r.registered, /localhost resolves to (127\.0\.0\.1|::1), a loopback address; refused/);
  });
});
