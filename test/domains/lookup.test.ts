// DomainLookupService against real servers on 127.0.0.1: WHOIS answers in CNNIC, Verisign-referral
// and registrar styles, a redacted one and a not-found one; an RDAP server named by a bootstrap;
// sharing, caching, offline mode, timeouts and refused connections.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainLookupService, type LookupOptions } from '../../src/facts/domains/lookup.js';
import { LookupCache } from '../../src/facts/domains/cache.js';
import { closedPort, startHttpServer, startWhoisServer, type LoopbackHttp, type LoopbackWhois } from './loopback-servers.js';

const CRLF = (lines: string[]) => `${lines.join('\r\n')}\r\n`;

const CNNIC = CRLF([
  'Domain Name: 例子.中国'.replace('例子.中国', 'xn--fsqu00a.xn--fiqs8s'),
  'ROID: 20120808s10011s00053321-cn',
  'Domain Status: ok',
  'Registrant: 深圳市示例科技有限公司',
  'Registrant Contact Email: admin@example.cn',
  'Sponsoring Registrar: 阿里云计算有限公司（万网）',
  'Name Server: dns1.hichina.com',
  'Registration Time: 2012-08-08 10:00:00',
  'Expiration Time: 2027-08-08 10:00:00',
  'DNSSEC: unsigned',
]);

const CNNIC_OLD = CRLF([
  'Domain Name:  example.cn',
  'Domain Status:  clientHold',
  'registrant name:  张三',
  'Sponsoring Registrar:  北京新网数码信息技术有限公司',
  'Registration Date:  2010-01-02 03:04:05',
  'Expiration Date:  2026-12-01 00:00:00',
]);

function verisign(domain: string, registrarServer: string): string {
  return CRLF([
    `   Domain Name: ${domain.toUpperCase()}`,
    '   Registry Domain ID: 2336799_DOMAIN_COM-VRSN',
    `   Registrar WHOIS Server: ${registrarServer}`,
    '   Updated Date: 2024-08-14T07:01:34Z',
    '   Creation Date: 1995-08-14T04:00:00Z',
    '   Registry Expiry Date: 2027-08-13T04:00:00Z',
    '   Registrar: Alibaba Cloud Computing Ltd. d/b/a HiChina (www.net.cn)',
    '   Registrar IANA ID: 420',
    '   Domain Status: clientTransferProhibited https://icann.org/epp#clientTransferProhibited',
    '   Name Server: DNS1.HICHINA.COM',
    '>>> Last update of whois database: 2026-11-26T00:00:00Z <<<',
  ]);
}

function registrarAnswer(domain: string, org: string, name = ''): string {
  return CRLF([
    `Domain Name: ${domain}`,
    'Registrar WHOIS Server: grs-whois.hichina.com',
    'Creation Date: 1995-08-14T12:00:00.00Z',
    'Registrar Registration Expiration Date: 2027-08-13T12:00:00.00Z',
    'Registrar: Alibaba Cloud Computing Ltd. d/b/a HiChina (www.net.cn)',
    'Domain Status: clientTransferProhibited https://icann.org/epp#clientTransferProhibited',
    `Registrant Name: ${name}`,
    `Registrant Organization: ${org}`,
    'Registrant Street: ',
    'Registrant Country: CN',
  ]);
}

const REDACTED = CRLF([
  'Domain Name: private.com',
  'Creation Date: 2020-01-01T00:00:00Z',
  'Registry Expiry Date: 2027-01-01T00:00:00Z',
  'Registrar: NameCheap, Inc.',
  'Domain Status: clientHold https://icann.org/epp#clientHold',
  'Registrant Name: Redacted for Privacy',
  'Registrant Organization: Withheld for Privacy ehf',
]);

const opened: { close(): Promise<void> }[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function whois(answer: Parameters<typeof startWhoisServer>[0]): Promise<LoopbackWhois> {
  const s = await startWhoisServer(answer);
  opened.push(s);
  return s;
}
async function http(answer: Parameters<typeof startHttpServer>[0]): Promise<LoopbackHttp> {
  const s = await startHttpServer(answer);
  opened.push(s);
  return s;
}
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'icp-check-cache-'));
  dirs.push(d);
  return d;
}
function service(o: Partial<LookupOptions>): DomainLookupService {
  const s = new DomainLookupService({ offline: false, useCache: false, timeoutMs: 5000, ...o });
  opened.push(s);
  return s;
}

describe('port-43 WHOIS', () => {
  it('reads a CNNIC answer: Chinese names, China Standard Time, an IDN queried as punycode', async () => {
    const srv = await whois((q) => (q === 'xn--fsqu00a.xn--fiqs8s' ? CNNIC : 'No matching record.\r\n'));
    const r = await service({ whoisServer: srv.address }).lookup('例子.中国');
    expect(srv.queries).toEqual(['xn--fsqu00a.xn--fiqs8s']);
    expect(r.status).toBe('found');
    expect(r.domain).toBe('xn--fsqu00a.xn--fiqs8s');
    expect(r.record).toMatchObject({
      registrar: '阿里云计算有限公司（万网）',
      registrantName: '深圳市示例科技有限公司',
      created: '2012-08-08T02:00:00.000Z',
      expires: '2027-08-08T02:00:00.000Z',
      statuses: ['ok'],
      redacted: false,
      source: 'whois',
      server: srv.address,
    });
  });

  it('reads the older CNNIC labels (`registrant name:`, `... Date`)', async () => {
    const srv = await whois(() => CNNIC_OLD);
    const r = await service({ whoisServer: srv.address }).lookup('example.cn');
    expect(r.record).toMatchObject({ registrantName: '张三', registrar: '北京新网数码信息技术有限公司', statuses: ['clientHold'], expires: '2026-11-30T16:00:00.000Z' });
  });

  it('keeps a Chinese character intact when its bytes arrive in separate TCP chunks', async () => {
    const bytes = Buffer.from(CNNIC, 'utf8');
    const at = bytes.indexOf(Buffer.from('深圳', 'utf8')) + 1; // inside the first character's three bytes
    const srv = await whois(() => ({ data: '', chunks: [bytes.subarray(0, at), bytes.subarray(at)] }));
    const r = await service({ whoisServer: srv.address }).lookup('xn--fsqu00a.xn--fiqs8s');
    expect(r.record?.registrantName).toBe('深圳市示例科技有限公司');
    expect(r.record?.raw).not.toContain('\ufffd');
  });

  it('follows a Verisign referral to the registrar, keeping the registry registrar and taking the registrant', async () => {
    const registrar = await whois((q) => registrarAnswer(q, '深圳市示例科技有限公司'));
    const registry = await whois((q) => verisign(q, registrar.address));
    // A server table naming both (as node-whois's names the real ones), the loopback address trusted.
    const whoisServers = { com: registry.address, 'registrar.example': registrar.address };
    const r = await service({ whoisServers, trustedHosts: ['127.0.0.1'] }).lookup('example.com');
    expect(registry.queries).toEqual(['example.com']);
    expect(registrar.queries).toEqual(['example.com']);
    expect(r.status).toBe('found');
    expect(r.record).toMatchObject({
      registrar: 'Alibaba Cloud Computing Ltd. d/b/a HiChina (www.net.cn)',
      registrantOrganization: '深圳市示例科技有限公司',
      expires: '2027-08-13T04:00:00.000Z',
      statuses: ['clientTransferProhibited'],
    });
    // The empty `Registrant Name:` line is not glued onto the next field (whois-json issues #14, #32).
    expect(r.record?.registrantName).toBeUndefined();
    expect(r.server).toBe(`${registry.address} → ${registrar.address}`);
  });

  it('does not follow a referral to another host when every lookup must go to one server', async () => {
    const registry = await whois((q) => verisign(q, 'whois.registrar.invalid'));
    const r = await service({ whoisServer: registry.address }).lookup('example.com');
    expect(r.status).toBe('found');
    expect(r.record?.registrantOrganization).toBeUndefined();
    expect(registry.queries).toHaveLength(1);
  });

  it('keeps the registry answer when the registrar does not answer', async () => {
    const port = await closedPort();
    const registry = await whois((q) => verisign(q, `127.0.0.1:${port}`));
    const whoisServers = { com: registry.address, 'registrar.example': `127.0.0.1:${port}` };
    const r = await service({ whoisServers, trustedHosts: ['127.0.0.1'] }).lookup('example.com');
    expect(r.status).toBe('found');
    expect(r.record?.registrar).toContain('HiChina');
  });

  it('flags a redacted answer and names the marker', async () => {
    const srv = await whois(() => REDACTED);
    const r = await service({ whoisServer: srv.address }).lookup('private.com');
    expect(r.record).toMatchObject({ redacted: true, privacyMarker: 'Redacted for Privacy', statuses: ['clientHold'], registrar: 'NameCheap, Inc.' });
  });

  it('reports "No matching record." as not registered', async () => {
    const srv = await whois(() => 'No matching record.\r\n');
    const r = await service({ whoisServer: srv.address }).lookup('nobody-has-this.cn');
    expect(r).toMatchObject({ domain: 'nobody-has-this.cn', status: 'not-found', server: srv.address });
  });

  it('strips control characters from what the server sent', async () => {
    const srv = await whois(() => CRLF(['Domain Name: evil.com', 'Registrar: Evil\u001b[31m Registrar', 'Creation Date: 2020-01-01T00:00:00Z']));
    const r = await service({ whoisServer: srv.address }).lookup('evil.com');
    expect(r.record?.registrar).toBe('Evil[31m Registrar');
    expect(r.record?.raw).not.toMatch(/\u001b/);
  });
});

describe('RDAP', () => {
  const rdapDomain = (name: string) => ({
    objectClassName: 'domain',
    ldhName: name.toUpperCase(),
    status: ['client transfer prohibited', 'client hold', 'active'],
    events: [
      { eventAction: 'registration', eventDate: '2015-03-01T08:00:00Z' },
      { eventAction: 'expiration', eventDate: '2027-03-01T08:00:00Z' },
      { eventAction: 'last changed', eventDate: '2026-01-01T00:00:00Z' },
    ],
    entities: [
      {
        objectClassName: 'entity',
        roles: ['registrar'],
        publicIds: [{ type: 'IANA Registrar ID', identifier: '1599' }],
        vcardArray: [
          'vcard',
          [
            ['version', {}, 'text', '4.0'],
            ['fn', {}, 'text', 'Alibaba Cloud Computing (Beijing) Co., Ltd.'],
          ],
        ],
        entities: [
          {
            objectClassName: 'entity',
            roles: ['abuse'],
            vcardArray: [
              'vcard',
              [
                ['version', {}, 'text', '4.0'],
                ['fn', {}, 'text', 'Abuse desk'],
              ],
            ],
          },
        ],
      },
      {
        objectClassName: 'entity',
        roles: ['registrant'],
        vcardArray: [
          'vcard',
          [
            ['version', {}, 'text', '4.0'],
            ['fn', {}, 'text', '李四'],
            ['org', {}, 'text', '深圳市示例科技有限公司'],
          ],
        ],
      },
    ],
  });

  it('asks the server the bootstrap names and reads the registrar, the registrant vCard, events and statuses', async () => {
    const srv = await http((path) => (path === '/rdap/domain/example.top' ? { status: 200, body: rdapDomain('example.top') } : { status: 404 }));
    const bootstrap = { version: '1.0', services: [[['top'], [srv.url]]] as [string[], string[]][] };
    // The test server is on loopback: named as trusted, as a user would name a proxy.
    const r = await service({ bootstrap, trustedHosts: ['127.0.0.1'] }).lookup('example.top');
    expect(srv.requests).toEqual(['/rdap/domain/example.top']);
    expect(r.status).toBe('found');
    expect(r.record).toMatchObject({
      source: 'rdap',
      server: srv.origin,
      registrar: 'Alibaba Cloud Computing (Beijing) Co., Ltd.',
      registrantName: '李四',
      registrantOrganization: '深圳市示例科技有限公司',
      created: '2015-03-01T08:00:00.000Z',
      expires: '2027-03-01T08:00:00.000Z',
      statuses: ['clientTransferProhibited', 'clientHold', 'ok'],
      redacted: false,
    });
  });

  it('treats HTTP 404 as not registered', async () => {
    const srv = await http(() => ({ status: 404, body: { errorCode: 404, title: 'Not Found' } }));
    const r = await service({ rdapUrl: srv.url }).lookup('nobody.top');
    expect(r.status).toBe('not-found');
  });

  it('sees a redacted registrant (RFC 9537 and RFC 8056 statuses)', async () => {
    const body = rdapDomain('hidden.top');
    body.entities[1] = {
      objectClassName: 'entity',
      roles: ['registrant'],
      vcardArray: [
        'vcard',
        [
          ['version', {}, 'text', '4.0'],
          ['fn', {}, 'text', ''],
        ],
      ],
      status: ['private', 'removed'],
    } as never;
    const srv = await http(() => ({ status: 200, body }));
    const r = await service({ rdapUrl: srv.url }).lookup('hidden.top');
    expect(r.record?.redacted).toBe(true);
    expect(r.record?.privacyMarker).toBe('status: private');
  });

  it('follows the registrar record (`rel: related`) on the same server for the registrant', async () => {
    const thin = { ...rdapDomain('thin.com'), entities: [rdapDomain('x').entities[0]] } as Record<string, unknown>;
    let srv: LoopbackHttp;
    srv = await http((path) => {
      if (path === '/rdap/domain/thin.com')
        return { status: 200, body: { ...thin, links: [{ rel: 'related', type: 'application/rdap+json', href: `${srv.origin}/registrar/domain/thin.com` }] } };
      if (path === '/registrar/domain/thin.com') return { status: 200, body: rdapDomain('thin.com') };
      return { status: 404 };
    });
    const r = await service({ rdapUrl: srv.url }).lookup('thin.com');
    expect(srv.requests).toEqual(['/rdap/domain/thin.com', '/registrar/domain/thin.com']);
    expect(r.record?.registrantOrganization).toBe('深圳市示例科技有限公司');
  });

  it('reports a server error as an error, not as not-found', async () => {
    const srv = await http(() => ({ status: 503, body: 'busy' }));
    const r = await service({ rdapUrl: srv.url }).lookup('example.top');
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/HTTP 503/);
  });
});

describe('cost and manners', () => {
  const tenDomains = Array.from({ length: 10 }, (_, i) => `shared${i}.cn`);
  const thirtyFilings = Array.from({ length: 30 }, (_, i) => tenDomains[i % 10]!);
  const answer = (q: string) => ({
    data: CRLF([`Domain Name: ${q}`, 'Registrant: 示例', 'Sponsoring Registrar: 厦门易名科技股份有限公司', 'Expiration Time: 2030-01-01 00:00:00']),
    delayMs: 20,
  });

  it('30 filings sharing 10 registrable domains cause exactly 10 lookups, and a second run with the cache none', async () => {
    const srv = await whois(answer);
    const cacheDir = await tempDir();
    const first = service({ whoisServer: srv.address, useCache: true, cacheDir });
    const results = await Promise.all(thirtyFilings.map((d) => first.lookup(d)));
    expect(results.every((r) => r.status === 'found')).toBe(true);
    expect(srv.connections).toBe(10);
    expect(new Set(srv.queries)).toEqual(new Set(tenDomains));
    expect(first.stats()).toMatchObject({ lookups: 10, shared: 20, cacheHits: 0 });
    const route = join(cacheDir, 'v2', LookupCache.routeFolder(`whois:${srv.address}`));
    expect((await readdir(route)).filter((f) => f.endsWith('.json'))).toHaveLength(10);

    const second = service({ whoisServer: srv.address, useCache: true, cacheDir });
    const again = await Promise.all(thirtyFilings.map((d) => second.lookup(d)));
    expect(srv.connections).toBe(10);
    expect(again.every((r) => r.status === 'found' && r.fromCache === true)).toBe(true);
    expect(again[3]!.record?.registrar).toBe('厦门易名科技股份有限公司');
    expect(second.stats()).toMatchObject({ lookups: 0, cacheHits: 10 });
  });

  it("--offline makes no connection and answers `offline`, except from the real servers' cached answers", async () => {
    const srv = await whois(answer);
    const cacheDir = await tempDir();
    // What a run against the real servers left (the public route), and what a test server answered.
    await new LookupCache(cacheDir).set({ domain: 'shared2.cn', status: 'not-found', server: 'whois.cnnic.cn', fetchedAt: new Date().toISOString() });
    await service({ whoisServer: srv.address, useCache: true, cacheDir }).lookup('shared0.cn');
    const before = srv.connections;
    const offline = service({ whoisServer: srv.address, useCache: true, cacheDir, offline: true });
    const [fromTestServer, other, fromRealServers] = await Promise.all([offline.lookup('shared0.cn'), offline.lookup('shared1.cn'), offline.lookup('shared2.cn')]);
    expect(srv.connections).toBe(before);
    expect(fromTestServer).toEqual({ domain: 'shared0.cn', status: 'offline' });
    expect(other).toEqual({ domain: 'shared1.cn', status: 'offline' });
    expect(fromRealServers).toMatchObject({ status: 'not-found', server: 'whois.cnnic.cn', fromCache: true });
    expect(offline.stats().lookups).toBe(0);
  });

  it('--no-cache neither reads nor writes the cache', async () => {
    const srv = await whois(answer);
    const cacheDir = await tempDir();
    await service({ whoisServer: srv.address, useCache: false, cacheDir }).lookup('shared0.cn');
    await service({ whoisServer: srv.address, useCache: false, cacheDir }).lookup('shared0.cn');
    expect(srv.connections).toBe(2);
    await expect(readdir(cacheDir)).resolves.toEqual([]);
  });

  it('ignores a corrupt or stale cache entry and replaces it', async () => {
    const srv = await whois(answer);
    const cacheDir = await tempDir();
    const cache = new LookupCache(cacheDir, undefined, () => Date.now() - 25 * 3600e3);
    const route = `whois:${srv.address}`;
    await cache.set({ domain: 'shared1.cn', status: 'not-found' }, route);
    const folder = join(cacheDir, 'v2', LookupCache.routeFolder(route));
    await writeFile(join(folder, 'shared0.cn.json'), '{"format":1,"storedAt":"2026-');
    const s = service({ whoisServer: srv.address, useCache: true, cacheDir });
    expect((await s.lookup('shared0.cn')).status).toBe('found');
    expect((await s.lookup('shared1.cn')).status).toBe('found');
    expect(srv.connections).toBe(2);
    const s2 = service({ whoisServer: srv.address, useCache: true, cacheDir });
    expect((await s2.lookup('shared0.cn')).fromCache).toBe(true);
    expect((await s2.lookup('shared1.cn')).fromCache).toBe(true);
    expect((await readdir(folder)).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('asks one server at most --per-server-concurrency at a time, whatever the overall limit', async () => {
    const srv = await whois(answer);
    const s = service({ whoisServer: srv.address, concurrency: 8, perServerConcurrency: 2 });
    await Promise.all(tenDomains.map((d) => s.lookup(d)));
    expect(srv.connections).toBe(10);
    expect(srv.maxConcurrent).toBeLessThanOrEqual(2);
    expect(srv.maxConcurrent).toBeGreaterThanOrEqual(1);
  });

  it('gives `error` for a server that never answers, after the per-hop timeout', async () => {
    const srv = await whois(() => 'hang');
    const r = await service({ whoisServer: srv.address, timeoutMs: 300 }).lookup('slow.cn');
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/timeout/);
  });

  it('gives `error` for a refused connection', async () => {
    const port = await closedPort();
    const r = await service({ whoisServer: `127.0.0.1:${port}`, timeoutMs: 2000 }).lookup('refused.cn');
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/ECONNREFUSED/);
  });

  it('gives `error` for an RDAP server that never answers', async () => {
    const srv = await http(() => 'hang');
    const r = await service({ rdapUrl: srv.url, timeoutMs: 300 }).lookup('slow.top');
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/timeout/);
  });

  it('gives up at the overall deadline even when a server trickles bytes', async () => {
    const srv = await whois(() => ({ data: '', chunks: Array.from({ length: 200 }, () => Buffer.from('%\r\n')) }));
    const r = await service({ whoisServer: srv.address, timeoutMs: 1000, deadlineMs: 300 }).lookup('trickle.cn');
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/deadline/);
  });

  it('does not cache errors', async () => {
    const srv = await whois(() => 'reset');
    const cacheDir = await tempDir();
    const r = await service({ whoisServer: srv.address, useCache: true, cacheDir }).lookup('reset.cn');
    expect(r.status).toBe('error');
    await expect(readdir(cacheDir)).resolves.toEqual([]);
  });
});
