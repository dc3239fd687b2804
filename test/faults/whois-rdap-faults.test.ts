// WHOIS and RDAP servers that misbehave, on 127.0.0.1, through the whole check: the domain they
// were asked about gets an `unknown` finding that says what to confirm by hand, the lookup gives
// up by its deadline, and the rest of the report (the other domain, the other rules) is intact.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model.js';
import type { LookupOptions } from '../../src/facts/domains/lookup.js';
import { checkInProcess } from '../fuzz/check-in-process.js';
import { assertReportProperties } from '../fuzz/manifest-properties.js';
import { closedPort, startHttpServer, startWhoisServer, type WhoisReply } from '../domains/loopback-servers.js';
import { startDripServer } from './drip-server.js';
import { BIN } from '../cli/run-bin.js';
import { closedAfterEach, individualManifestFile } from './individual-manifest.js';

const CRLF = (lines: string[]) => `${lines.join('\r\n')}\r\n`;
const answerFor = (domain: string) =>
  CRLF([
    `Domain Name: ${domain}`,
    'Domain Status: ok',
    'Registrant: 王小五',
    'Sponsoring Registrar: 阿里云计算有限公司（万网）',
    'Registration Time: 2012-08-08 10:00:00',
    'Expiration Time: 2031-08-08 10:00:00',
  ]);
// "Registrant: 深圳市示例科技有限公司" and the registrar line, as a server answering in GBK sends them.
const GBK_LINES = Buffer.from(
  '446f6d61696e204e616d653a2062726f6b656e2e636e0d0a' +
    '52656769737472616e743a20c9eedbdacad0cabec0fdbfc6bcbcd3d0cfdeb9abcbbe0d0a' +
    '53706f6e736f72696e67205265676973747261723a20b0a2c0efd4c6bcc6cbe3d3d0cfdeb9abcbbea3a8cdf2cdf8a3a90d0a' +
    'c0ff0d0a',
  'hex',
);

/** Deterministic bytes that are no text at all. */
function garbage(n: number): Buffer {
  const out = Buffer.alloc(n);
  let x = 0x2545f491;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const manifest = individualManifestFile('icp-faults-', [
  ['好的网站', 'good.cn'],
  ['坏的网站', 'broken.cn'],
]);
const closers = closedAfterEach();

const TIMEOUT_MS = 400;

async function check(lookups: Partial<LookupOptions>) {
  const r = await checkInProcess([manifest], { lookups: { offline: false, useCache: false, timeoutMs: TIMEOUT_MS, ...lookups } });
  assertReportProperties(r.report, r.json, r.exitCode);
  const findings = r.report.filings[0]!.findings;
  const registered = (d: string) => findings.find((f) => f.rule === 'whois/registered' && f.message.startsWith(d));
  return { ...r, findings, registered };
}

/** The faulty domain: `unknown`, why in the message, what to confirm by hand in the fix. */
function expectUnknown(f: Finding | undefined, why: RegExp): void {
  expect(f, 'a whois/registered finding for broken.cn').toBeDefined();
  expect(f!.status).toBe('unknown');
  expect(f!.message).toMatch(/^broken\.cn could not be checked: the lookup failed: /);
  expect(f!.message).toMatch(why);
  expect(f!.fix).toMatch(/confirm by hand on your registrar's WHOIS page that the domain is registered, not expired and not on hold/);
}

/** The rest of the report: the good domain was looked up and read, and the rules that need no lookup still ran. */
function expectIntact(r: Awaited<ReturnType<typeof check>>): void {
  expect(r.registered('good.cn')?.status).toBe('pass');
  expect(r.findings.some((f) => f.rule === 'person/id-number' && f.status === 'pass')).toBe(true);
  expect(r.findings.filter((f) => f.rule.startsWith('whois/') && f.message.includes('good.cn') && f.status === 'unknown')).toEqual([]);
}

async function whois(reply: (domain: string) => WhoisReply) {
  const srv = await startWhoisServer((q) => (q.trim() === 'good.cn' ? answerFor('good.cn') : reply(q.trim())));
  closers.push(() => srv.close());
  return srv;
}

describe('WHOIS faults', () => {
  it('no answer at all: unknown, "timeout"', async () => {
    const srv = await whois(() => 'hang');
    const r = await check({ whoisServer: srv.address });
    expectUnknown(r.registered('broken.cn'), /timeout/);
    expectIntact(r);
  });

  it('connection reset: unknown, ECONNRESET', async () => {
    const srv = await whois(() => 'reset');
    const r = await check({ whoisServer: srv.address });
    expectUnknown(r.registered('broken.cn'), /ECONNRESET/);
    expectIntact(r);
  });

  it('connection refused: unknown for every domain, ECONNREFUSED, the other rules intact', async () => {
    const port = await closedPort();
    const r = await check({ whoisServer: `127.0.0.1:${port}` });
    expectUnknown(r.registered('broken.cn'), /ECONNREFUSED/);
    expect(r.registered('good.cn')?.status).toBe('unknown');
    expect(r.findings.some((f) => f.rule === 'person/id-number' && f.status === 'pass')).toBe(true);
  });

  it('garbage bytes: unknown, "could not be read as WHOIS data"', async () => {
    const srv = await whois(() => ({ data: '', chunks: [garbage(4096)] }));
    const r = await check({ whoisServer: srv.address });
    expectUnknown(r.registered('broken.cn'), /could not be read as WHOIS data/);
    expectIntact(r);
  });

  it('a 5 MB answer: unknown, the connection dropped past 1 MiB', async () => {
    const srv = await whois(() => `${'% a very long notice line that says nothing about any domain at all\r\n'.repeat(80_000)}`);
    const r = await check({ whoisServer: srv.address });
    expectUnknown(r.registered('broken.cn'), /the answer is larger than 1048576 bytes/);
    expectIntact(r);
    expect(r.json.length).toBeLessThan(1024 * 1024);
  });

  it('an answer dripping one byte per second: unknown once the deadline passes, long before the answer ends', async () => {
    const drip = await startDripServer(Buffer.from(answerFor('broken.cn')), 1000);
    closers.push(() => drip.close());
    // Every query goes to the drip server, good.cn too, so only the other rules can be intact here; an idle
    // timeout above the drip interval leaves the overall deadline (2 × timeout + 1 s) as the only limit.
    const r = await check({ whoisServer: drip.address, timeoutMs: 1500 });
    expectUnknown(r.registered('broken.cn'), /deadline/);
    expect(drip.finished).toBe(0);
    expect(r.findings.some((f) => f.rule === 'person/id-number' && f.status === 'pass')).toBe(true);
  });

  it('the bin exits once the report is written, while a server still drips (found hanging, fixed)', async () => {
    const drip = await startDripServer(Buffer.from(answerFor('broken.cn').repeat(10)), 1000);
    closers.push(() => drip.close());
    const child = spawn(process.execPath, [BIN, manifest, '--whois-server', drip.address, '--whois-timeout', '1500ms', '--no-cache', '--format', 'json'], {
      env: { ...process.env, NO_COLOR: '1', CI: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    // Exited by itself with the server's answer unfinished: the deadline closed the sockets.
    expect(drip.finished).toBe(0);
    expect(drip.abandoned).toBeGreaterThan(0);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { filings: Array<{ findings: Finding[] }> };
    const f = report.filings[0]!.findings.find((x) => x.rule === 'whois/registered' && x.message.startsWith('broken.cn'));
    expectUnknown(f, /deadline/);
  });

  it('invalid UTF-8 (a GBK answer): the record is read, undecodable names are not taken as names', async () => {
    const srv = await whois(() => ({ data: '', chunks: [GBK_LINES] }));
    const r = await check({ whoisServer: srv.address });
    const holder = r.findings.find((f) => f.rule === 'whois/holder' && f.message.includes('broken.cn'));
    expect(holder?.status).toBe('unknown');
    expect(holder?.message).toMatch(/^broken\.cn: the holder cannot be seen/);
    expect(
      r.findings
        .filter((f) => f.message.includes('broken.cn'))
        .map((f) => f.message)
        .join('\n'),
    ).not.toMatch(/\ufffd/);
    expectIntact(r);
  });

  it('a referral loop (A → B → A): unknown, each server asked once', async () => {
    const a = await startWhoisServer((q) => (q.trim() === 'good.cn' ? answerFor('good.cn') : CRLF([`Registrar WHOIS Server: ${bAddress()}`])));
    const b = await startWhoisServer(() => CRLF([`Registrar WHOIS Server: ${a.address}`]));
    const bAddress = () => b.address;
    closers.push(
      () => a.close(),
      () => b.close(),
    );
    // A server table naming both, as node-whois's names real ones; the loopback address trusted.
    const r = await check({ whoisServers: { cn: a.address, 'b.example': b.address }, trustedHosts: ['127.0.0.1'], maxReferrals: 10 });
    expectUnknown(r.registered('broken.cn'), /could not be read as WHOIS data/);
    expectIntact(r);
    expect(a.queries.filter((q) => q.includes('broken.cn'))).toHaveLength(1);
    expect(b.queries.filter((q) => q.includes('broken.cn'))).toHaveLength(1);
  });
});

describe('RDAP faults', () => {
  const rdapDomain = (name: string) => ({
    objectClassName: 'domain',
    ldhName: name,
    status: ['active'],
    events: [
      { eventAction: 'registration', eventDate: '2015-03-01T08:00:00Z' },
      { eventAction: 'expiration', eventDate: '2031-03-01T08:00:00Z' },
    ],
    entities: [
      {
        objectClassName: 'entity',
        roles: ['registrar'],
        vcardArray: [
          'vcard',
          [
            ['version', {}, 'text', '4.0'],
            ['fn', {}, 'text', '阿里云计算有限公司（万网）'],
          ],
        ],
      },
      {
        objectClassName: 'entity',
        roles: ['registrant'],
        vcardArray: [
          'vcard',
          [
            ['version', {}, 'text', '4.0'],
            ['fn', {}, 'text', '王小五'],
          ],
        ],
      },
    ],
  });

  for (const status of [429, 500]) {
    it(`HTTP ${status}: unknown, "HTTP ${status}"`, async () => {
      const srv = await startHttpServer((p) => (p.endsWith('/good.cn') ? { status: 200, body: rdapDomain('good.cn') } : { status, body: { errorCode: status } }));
      closers.push(() => srv.close());
      const r = await check({ rdapUrl: srv.url });
      expectUnknown(r.registered('broken.cn'), new RegExp(`HTTP ${status}`));
      expectIntact(r);
    });
  }

  it('no answer: unknown, "timeout"', async () => {
    const srv = await startHttpServer((p) => (p.endsWith('/good.cn') ? { status: 200, body: rdapDomain('good.cn') } : 'hang'));
    closers.push(() => srv.close());
    const r = await check({ rdapUrl: srv.url });
    expectUnknown(r.registered('broken.cn'), /timeout/);
    expectIntact(r);
  });

  it('garbage instead of JSON: unknown, "not an RDAP domain object"', async () => {
    const srv = await startHttpServer((p) => (p.endsWith('/good.cn') ? { status: 200, body: rdapDomain('good.cn') } : { status: 200, body: garbage(2048).toString('latin1') }));
    closers.push(() => srv.close());
    const r = await check({ rdapUrl: srv.url });
    expectUnknown(r.registered('broken.cn'), /not an RDAP domain object/);
    expectIntact(r);
  });

  it('a 5 MB answer: unknown, reading stopped past 1 MiB', async () => {
    const big = JSON.stringify({ ...rdapDomain('broken.cn'), notices: [{ description: Array.from({ length: 50_000 }, () => 'x'.repeat(100)) }] });
    const srv = await startHttpServer((p) => (p.endsWith('/good.cn') ? { status: 200, body: rdapDomain('good.cn') } : { status: 200, body: big }));
    closers.push(() => srv.close());
    const r = await check({ rdapUrl: srv.url });
    expectUnknown(r.registered('broken.cn'), /the answer is larger than 1048576 bytes/);
    expectIntact(r);
  });

  it('an endless answer at full speed: unknown, the stream cancelled (found filling 1.5 GB before the timeout, fixed)', async () => {
    let written = 0;
    let cancelled = false;
    const server = createServer((req, res) => {
      if (req.url?.endsWith('/good.cn')) return void res.writeHead(200, { 'content-type': 'application/rdap+json' }).end(JSON.stringify(rdapDomain('good.cn')));
      res.writeHead(200, { 'content-type': 'application/rdap+json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) written += chunk.length;
      };
      res.on('drain', pump);
      res.on('close', () => (cancelled = true));
      pump();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
    const r = await check({ rdapUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/rdap/`, timeoutMs: 60_000 });
    expectUnknown(r.registered('broken.cn'), /the answer is larger than 1048576 bytes/);
    expectIntact(r);
    // The client hung up long before the 60 s timeout could: what the server managed to write is bounded by socket buffers.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cancelled).toBe(true);
    expect(written).toBeLessThan(64 * 1024 * 1024);
  });

  it('a `related` link back to itself: followed once, the record read', async () => {
    const looping = (name: string, self: string) => ({ ...rdapDomain(name), entities: [], links: [{ rel: 'related', href: self, type: 'application/rdap+json' }] });
    const srv = await startHttpServer((p) =>
      p.endsWith('/good.cn') ? { status: 200, body: rdapDomain('good.cn') } : { status: 200, body: looping('broken.cn', `${srvUrl()}domain/broken.cn`) },
    );
    const srvUrl = () => srv.url;
    closers.push(() => srv.close());
    const r = await check({ rdapUrl: srv.url });
    expect(srv.requests.filter((q) => q.endsWith('/broken.cn')).length).toBeLessThanOrEqual(2);
    expect(r.registered('broken.cn')?.status).toBe('pass');
    expectIntact(r);
  });
});
