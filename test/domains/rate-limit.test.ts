// Servers that refuse for rate: CNNIC's "Queried interval is too short", "limit exceeded", empty
// answers and resets from a loopback WHOIS server, HTTP 429/503 (with Retry-After) from a loopback
// RDAP server. The server is asked again after a backoff, and a domain still refused ends as an
// error that says rate-limited: never as not found, and never cached.
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainLookupService, type LookupOptions } from '../../src/facts/domains/lookup.js';
import { backoffMs, DEFAULT_OVERALL, isRateLimitAnswer, policyFor, RATE_LIMIT_RETRIES, retryAfterMs } from '../../src/facts/domains/server-policy.js';
import { startHttpServer, startWhoisServer, type HttpReply, type WhoisReply } from './loopback-servers.js';

const CRLF = (lines: string[]) => `${lines.join('\r\n')}\r\n`;
const record = (domain: string) =>
  CRLF([
    `Domain Name: ${domain}`,
    'Domain Status: ok',
    'Registrant: 深圳市云帆示例科技有限公司',
    'Sponsoring Registrar: 阿里云计算有限公司（万网）',
    'Registration Time: 2020-01-01 10:00:00',
    'Expiration Time: 2030-01-01 10:00:00',
  ]);
const rdapDomain = (domain: string) => ({
  objectClass: 'domain',
  ldhName: domain,
  status: ['active'],
  events: [{ eventAction: 'registration', eventDate: '2020-01-01T00:00:00Z' }],
});

const opened: { close(): Promise<void> }[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
async function whois(answer: (q: string) => WhoisReply) {
  const s = await startWhoisServer(answer);
  opened.push(s);
  return s;
}
async function http(answer: (p: string) => HttpReply) {
  const s = await startHttpServer(answer);
  opened.push(s);
  return s;
}
function service(o: Partial<LookupOptions>): DomainLookupService {
  const s = new DomainLookupService({ offline: false, useCache: false, timeoutMs: 5000, ...o });
  opened.push(s);
  return s;
}

describe('rate-limit answers', () => {
  it('recognises throttling words and empty answers, never a record', () => {
    expect(isRateLimitAnswer('Queried interval is too short.\r\n')).toBe(true);
    expect(isRateLimitAnswer('WHOIS LIMIT EXCEEDED - SEE WWW.PIR.ORG/WHOIS FOR DETAILS\r\n')).toBe(true);
    expect(isRateLimitAnswer('Your connection limit exceeded. Please slow down and try again later.\n')).toBe(true);
    expect(isRateLimitAnswer('  \r\n')).toBe(true);
    expect(isRateLimitAnswer('No matching record.\r\n')).toBe(false);
    expect(isRateLimitAnswer('No match for "EXAMPLE-NONE.COM".\r\n')).toBe(false);
    expect(isRateLimitAnswer(`${record('a.cn')}% rate limit: 100 queries per hour\r\n`)).toBe(false);
    // Terms of use that speak of throttling below a not-found line (Donuts) are not a refusal.
    const donuts = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'whois-corpus', 'notfound', 'info_likexian-have-no-money-to-register.info'), 'utf8');
    expect(donuts).toMatch(/too many queries/);
    expect(isRateLimitAnswer(donuts)).toBe(false);
  });

  it('reads Retry-After in seconds and as a date, and backs off with jitter', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(new Date(Date.UTC(2026, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2026, 0, 1))).toBe(30_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(backoffMs(0, undefined, () => 0)).toBe(250);
    expect(backoffMs(0, undefined, () => 0.999)).toBeLessThan(500);
    expect(backoffMs(3, undefined, () => 0)).toBe(2000);
    expect(backoffMs(10, undefined, () => 0.999)).toBeLessThan(8000);
    expect(backoffMs(0, 1500, () => 0)).toBe(1500);
  });

  it('gives a server the user names the overall limit, CNNIC one query a second, and --per-server-concurrency to all', () => {
    const named = new Set(['127.0.0.1']);
    expect(policyFor('127.0.0.1:4343', { named, overall: 8 })).toEqual({ concurrency: 8, minIntervalMs: 0 });
    expect(policyFor('http://127.0.0.1:8080', { named, overall: 8 })).toEqual({ concurrency: 8, minIntervalMs: 0 });
    expect(policyFor('whois.cnnic.cn', { named, overall: 8 })).toEqual({ concurrency: 1, minIntervalMs: 1000 });
    expect(policyFor('whois.nic.top', { named, overall: 8 })).toEqual({ concurrency: 2, minIntervalMs: 0 });
    expect(policyFor('whois.nic.top', { named, overall: 8, perServer: 5 }).concurrency).toBe(5);
    expect(policyFor('127.0.0.1:4343', { named, overall: 8, perServer: 3 }).concurrency).toBe(3);
  });
});

describe('WHOIS server that throttles', () => {
  it('asks again after "Queried interval is too short" and reads the record', async () => {
    let n = 0;
    const srv = await whois((q) => (n++ < 1 ? 'Queried interval is too short.\r\n' : record(q)));
    const svc = service({ whoisServer: srv.address });
    const r = await svc.lookup('yunfan.cn');
    expect(r.status).toBe('found');
    expect(srv.queries).toEqual(['yunfan.cn', 'yunfan.cn']);
    expect(svc.stats().rateLimited).toBe(1);
  });

  for (const [label, reply] of [
    ['CNNIC wording', 'Queried interval is too short.\r\n'],
    ['limit exceeded', 'WHOIS LIMIT EXCEEDED - SEE WWW.PIR.ORG/WHOIS FOR DETAILS\r\n'],
    ['an empty answer', ''],
    ['a reset connection', 'reset'],
  ] as const) {
    it(`ends a domain refused every time (${label}) as rate-limited, never not found, and caches nothing`, async () => {
      const srv = await whois(() => reply);
      const cacheDir = await mkdtemp(join(tmpdir(), 'icp-check-rate-'));
      dirs.push(cacheDir);
      const svc = service({ whoisServer: srv.address, useCache: true, cacheDir });
      const r = await svc.lookup('busy.cn');
      expect(r.status).toBe('error');
      expect(r.error).toMatch(/rate-limited.*run again — the cache keeps the rest/);
      expect(srv.queries).toHaveLength(1 + RATE_LIMIT_RETRIES);
      await expect(readdir(cacheDir)).resolves.toEqual([]);
    });
  }

  it("halves a throttling server's limit: after eight refusals its answers come one at a time", async () => {
    const refused = new Set<string>();
    let answering = 0;
    let most = 0;
    const srv = await whois((q) => {
      if (!refused.has(q)) {
        refused.add(q);
        return 'Queried interval is too short.\r\n';
      }
      answering++;
      most = Math.max(most, answering);
      setTimeout(() => answering--, 150);
      return { data: record(q), delayMs: 150 };
    });
    const svc = service({ whoisServer: srv.address, concurrency: 8 });
    const names = Array.from({ length: 8 }, (_, i) => `d${i}.cn`);
    const out = await Promise.all(names.map((d) => svc.lookup(d)));
    expect(out.map((r) => r.status)).toEqual(names.map(() => 'found'));
    expect(svc.stats().rateLimited).toBe(8);
    // 8 → 4 → 2 → 1 after the first three refusals, and it stays at 1.
    expect(most).toBe(1);
  });
});

describe('RDAP server that throttles', () => {
  it('waits for Retry-After after a 429 and reads the record', async () => {
    let n = 0;
    const srv = await http((p) => (n++ === 0 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200, body: rdapDomain(p.split('/').pop()!) }));
    const svc = service({ rdapUrl: srv.url });
    const started = Date.now();
    const r = await svc.lookup('example.top');
    expect(r.status).toBe('found');
    expect(srv.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('gives up at once when Retry-After lies beyond the deadline: rate-limited, not found never', async () => {
    const srv = await http(() => ({ status: 503, headers: { 'retry-after': '3600' } }));
    const r = await service({ rdapUrl: srv.url }).lookup('example.top');
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/rate-limited \(HTTP 503, Retry-After 3600\)/);
    expect(srv.requests).toHaveLength(1);
  });

  it('leaves other server errors as they were: HTTP 500 is not asked again', async () => {
    const srv = await http(() => ({ status: 500 }));
    const r = await service({ rdapUrl: srv.url }).lookup('example.top');
    expect(r.error).toMatch(/HTTP 500/);
    expect(r.error).not.toMatch(/rate-limited/);
    expect(srv.requests).toHaveLength(1);
  });
});

describe('a server the user names', () => {
  it('takes the overall limit of lookups at once, not the 2 of a registry', async () => {
    const srv = await whois((q) => ({ data: record(q), delayMs: 100 }));
    const svc = service({ whoisServer: srv.address });
    await Promise.all(Array.from({ length: 2 * DEFAULT_OVERALL }, (_, i) => svc.lookup(`n${i}.cn`)));
    expect(srv.maxConcurrent).toBe(DEFAULT_OVERALL);
  });

  it('takes --per-server-concurrency when given', async () => {
    const srv = await whois((q) => ({ data: record(q), delayMs: 100 }));
    const svc = service({ whoisServer: srv.address, perServerConcurrency: 3 });
    await Promise.all(Array.from({ length: 9 }, (_, i) => svc.lookup(`p${i}.cn`)));
    expect(srv.maxConcurrent).toBe(3);
  });
});
