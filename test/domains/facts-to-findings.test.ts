// From lookups to findings with the real fact-gathering step: an offline run asks nothing and gives
// `unknown`; a server that hangs or refuses gives `unknown` too, once its timeout has passed.
import { afterEach, describe, expect, it } from 'vitest';
import { gatherFacts } from '../../src/check/gather.js';
import { ImageInspector } from '../../src/facts/images.js';
import { DomainLookupService } from '../../src/facts/domains/lookup.js';
import { manifestSchema } from '../../src/manifest/schema.js';
import { toFiling } from '../../src/manifest/normalise.js';
import { domainRules } from '../../src/rules/domain.js';
import type { CheckContext } from '../../src/rules/types.js';
import { closedPort, startWhoisServer, type LoopbackWhois } from './loopback-servers.js';
import { renderArg } from '../../src/report/catalogue/index.js';

const servers: LoopbackWhois[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function filing() {
  const m = manifestSchema.parse({
    version: 1,
    province: 'guangdong',
    entity: { type: 'enterprise', name: '深圳市示例科技有限公司', principal: { name: '张三' } },
    websites: [
      { name: 'A', domains: ['example.cn', 'www.example.cn'] },
      { name: 'B', domains: ['sample.cn'] },
    ],
  });
  const r = toFiling(m, 'm.yaml', '/tmp');
  if (!r.ok) throw new Error('manifest');
  return r.filing;
}

async function findings(domains: DomainLookupService) {
  const f = filing();
  const facts = await gatherFacts(f, { images: new ImageInspector(), domains });
  const ctx: CheckContext = { filing: f, facts, options: { date: '2026-11-26', offline: domains.options.offline, approvedSuffixes: [] } };
  return domainRules.flatMap((r) => r.check(ctx));
}

describe('lookups that cannot be made give unknown findings', () => {
  it('--offline: no connection, `unknown` for what only WHOIS can tell', async () => {
    const srv = await startWhoisServer(() => 'No matching record.\r\n');
    servers.push(srv);
    const svc = new DomainLookupService({ offline: true, useCache: false, timeoutMs: 1000, whoisServer: srv.address });
    const out = await findings(svc);
    expect(srv.connections).toBe(0);
    expect(svc.stats().lookups).toBe(0);
    const registered = out.filter((x) => x.rule === 'whois/registered');
    expect(registered.map((x) => [x.args?.domain, x.status, x.key])).toEqual([
      ['example.cn', 'unknown', 'offline'],
      ['sample.cn', 'unknown', 'offline'],
    ]);
    expect(out.filter((x) => x.rule.startsWith('whois/')).every((x) => x.status === 'unknown')).toBe(true);
  });

  it('a server that never answers and one that refuses: `unknown`, saying why', async () => {
    const hang = await startWhoisServer(() => 'hang');
    servers.push(hang);
    const port = await closedPort();
    for (const [address, why] of [
      [hang.address, /timeout/],
      [`127.0.0.1:${port}`, /ECONNREFUSED/],
    ] as const) {
      const svc = new DomainLookupService({ offline: false, useCache: false, timeoutMs: 300, whoisServer: address });
      const registered = (await findings(svc)).filter((x) => x.rule === 'whois/registered');
      expect(registered).toHaveLength(2);
      for (const r of registered) {
        expect(r).toMatchObject({ status: 'unknown', key: 'error' });
        expect(renderArg(r.args?.said, 'en')).toMatch(why);
      }
      await svc.close();
    }
  });
});
