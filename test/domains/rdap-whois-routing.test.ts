// With both --rdap-url and --whois-server, each domain goes where its suffix is served: suffixes
// with an RDAP service to the RDAP server, those without one (.cn, .中国) to the WHOIS server.
import { afterEach, describe, expect, it } from 'vitest';
import { DomainLookupService, type LookupOptions } from '../../src/facts/domains/lookup.js';
import { startHttpServer, startWhoisServer } from './loopback-servers.js';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

// A bootstrap like IANA's: .com has an RDAP service, .cn has none.
const bootstrap = { version: '1.0', services: [[['com'], ['https://rdap.invalid/']]] as [string[], string[]][] };

const CN_ANSWER = [
  'Domain Name: example.cn',
  'Registrant: 深圳市示例科技有限公司',
  'Sponsoring Registrar: 阿里云计算有限公司（万网）',
  'Expiration Time: 2027-08-08 10:00:00',
  '',
].join('\r\n');

async function servers() {
  const whois = await startWhoisServer((q) => (q.endsWith('.cn') ? CN_ANSWER : 'No match\r\n'));
  const rdap = await startHttpServer((path) =>
    path.endsWith('/domain/example.com') ? { status: 200, body: { objectClassName: 'domain', ldhName: 'example.com', events: [], entities: [] } } : { status: 404 },
  );
  opened.push(whois, rdap);
  return { whois, rdap };
}

function service(o: Partial<LookupOptions>): DomainLookupService {
  const s = new DomainLookupService({ offline: false, useCache: false, timeoutMs: 3000, bootstrap, ...o });
  opened.push(s);
  return s;
}

describe('lookups with both --rdap-url and --whois-server', () => {
  it('sends a suffix without an RDAP service to the WHOIS server, and finds it', async () => {
    const { whois, rdap } = await servers();
    const s = service({ rdapUrl: `${rdap.origin}/rdap/`, whoisServer: whois.address });
    for (const domain of ['example.cn', 'example.com.cn']) {
      const r = await s.lookup(domain);
      expect(r.status).toBe('found');
      expect(r.record?.registrantName ?? r.record?.registrantOrganization).toBe('深圳市示例科技有限公司');
    }
    expect(rdap.requests).toEqual([]);
    expect(whois.queries).toEqual(['example.cn', 'example.com.cn']);
  });

  it('sends a suffix with an RDAP service to the RDAP server, not to WHOIS', async () => {
    const { whois, rdap } = await servers();
    const r = await service({ rdapUrl: `${rdap.origin}/rdap/`, whoisServer: whois.address }).lookup('example.com');
    expect(r.status).toBe('found');
    expect(rdap.requests).toEqual(['/rdap/domain/example.com']);
    expect(whois.queries).toEqual([]);
  });

  it('with --rdap-url alone, every lookup still goes to the RDAP server', async () => {
    const { whois, rdap } = await servers();
    const r = await service({ rdapUrl: `${rdap.origin}/rdap/` }).lookup('example.cn');
    expect(r.status).toBe('not-found');
    expect(rdap.requests).toEqual(['/rdap/domain/example.cn']);
    expect(whois.queries).toEqual([]);
  });
});
