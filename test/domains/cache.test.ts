// The lookup cache against hostile folders: answers kept apart by the servers that gave them, files
// that are not ours (forged, copied from another cache, signed with a secret others could read),
// FIFOs and links where an entry should be, entries too large, entries of the wrong shape; each one
// ignored without a hang or an error, the lookup made again or `offline` reported.
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LookupCache, MAX_CACHE_ENTRY_BYTES, PUBLIC_ROUTE } from '../../src/facts/domains/cache.js';
import { DomainLookupService, type LookupOptions } from '../../src/facts/domains/lookup.js';
import type { DomainLookup } from '../../src/facts/types.js';
import { checkInProcess } from '../fuzz/check-in-process.js';
import { startWhoisServer } from './loopback-servers.js';

const dirs: string[] = [];
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'icp-check-cache-'));
  dirs.push(d);
  return d;
}
function service(o: Partial<LookupOptions>): DomainLookupService {
  const s = new DomainLookupService({ offline: false, useCache: true, timeoutMs: 2000, ...o });
  opened.push(s);
  return s;
}

const FOUND: DomainLookup = {
  domain: 'example.cn',
  status: 'found',
  server: 'whois.cnnic.cn',
  fetchedAt: new Date().toISOString(),
  record: { domain: 'example.cn', statuses: ['ok'], redacted: false, source: 'whois', server: 'whois.cnnic.cn', registrantName: '王小五', expires: '2031-01-01T00:00:00.000Z' },
};
const entryFile = (dir: string, domain = 'example.cn', route = PUBLIC_ROUTE) => join(dir, 'v2', LookupCache.routeFolder(route), `${domain}.json`);

/** An entry signed with the folder's own secret, as only this cache could write it: for shapes `set` never writes. */
async function signedEntry(dir: string, body: unknown, domain = 'example.cn'): Promise<void> {
  const key = Buffer.from((await readFile(join(dir, 'secret'), 'ascii')).trim(), 'hex');
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  await writeFile(entryFile(dir, domain), Buffer.concat([Buffer.from(`icp-check-cache 2 ${createHmac('sha256', key).update(bytes).digest('hex')}\n`), bytes]));
}

describe('answers kept apart by the servers that gave them', () => {
  const CRLF = (lines: string[]) => `${lines.join('\r\n')}\r\n`;
  const forged = CRLF(['Domain Name: example.cn', 'Domain Status: ok', 'Registrant: 冒充者', 'Expiration Time: 2099-01-01 00:00:00']);

  it("a --whois-server answer is read by the same server's runs only: not by the real servers' route, another test server or --offline", async () => {
    const dir = await tempDir();
    const a = await startWhoisServer(() => forged);
    const b = await startWhoisServer(() => forged);
    opened.push(a, b);
    expect((await service({ whoisServer: a.address, cacheDir: dir }).lookup('example.cn')).status).toBe('found');
    expect((await service({ whoisServer: a.address, cacheDir: dir }).lookup('example.cn')).fromCache).toBe(true);
    expect(a.connections).toBe(1);
    expect(await new LookupCache(dir).get('example.cn', PUBLIC_ROUTE)).toBeUndefined();
    expect((await service({ whoisServer: b.address, cacheDir: dir }).lookup('example.cn')).fromCache).toBeUndefined();
    expect(b.connections).toBe(1);
    expect(await service({ offline: true, cacheDir: dir }).lookup('example.cn')).toEqual({ domain: 'example.cn', status: 'offline' });
  });

  it('--offline reuses what the real servers answered', async () => {
    const dir = await tempDir();
    await new LookupCache(dir).set(FOUND);
    const r = await service({ offline: true, cacheDir: dir }).lookup('example.cn');
    expect(r).toMatchObject({ status: 'found', fromCache: true, record: { registrantName: '王小五', statuses: ['ok'] } });
  });
});

describe('files the cache did not write are ignored', () => {
  it('a forged entry (right format, no valid MAC) is ignored', async () => {
    const dir = await tempDir();
    const cache = new LookupCache(dir);
    await cache.set(FOUND);
    const file = entryFile(dir);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('王小五', '冒充者'));
    expect(await cache.get('example.cn')).toBeUndefined();
    expect(await new LookupCache(dir).get('example.cn')).toBeUndefined();
  });

  it('an entry copied from another cache folder (another secret), as a pull request could commit it, is ignored', async () => {
    const theirs = await tempDir();
    const ours = await tempDir();
    await new LookupCache(theirs).set(FOUND);
    await new LookupCache(ours).set({ ...FOUND, domain: 'other.cn', record: { ...FOUND.record!, domain: 'other.cn' } });
    await writeFile(entryFile(ours), await readFile(entryFile(theirs)));
    expect(await new LookupCache(ours).get('example.cn')).toBeUndefined();
    expect((await new LookupCache(ours).get('other.cn'))?.status).toBe('found');
  });

  it('a secret others can read (as a checkout writes files, mode 0644) is replaced, voiding what it signed', async () => {
    const dir = await tempDir();
    await new LookupCache(dir).set(FOUND);
    await chmod(join(dir, 'secret'), 0o644);
    const before = await readFile(join(dir, 'secret'), 'ascii');
    expect(await new LookupCache(dir).get('example.cn')).toBeUndefined();
    await new LookupCache(dir).set({ ...FOUND, domain: 'other.cn', record: { ...FOUND.record!, domain: 'other.cn' } });
    expect(await readFile(join(dir, 'secret'), 'ascii')).not.toBe(before);
    expect((await stat(join(dir, 'secret'))).mode & 0o777).toBe(0o600);
    expect((await new LookupCache(dir).get('other.cn'))?.status).toBe('found');
  });

  it('a secret that is a symbolic link is not followed', async () => {
    const dir = await tempDir();
    const elsewhere = join(await tempDir(), 'key');
    await writeFile(elsewhere, `${'ab'.repeat(32)}\n`, { mode: 0o600 });
    await mkdir(dir, { recursive: true });
    await symlink(elsewhere, join(dir, 'secret'));
    await new LookupCache(dir).set(FOUND);
    expect(await readFile(elsewhere, 'ascii')).toBe(`${'ab'.repeat(32)}\n`);
    expect((await new LookupCache(dir).get('example.cn'))?.status).toBe('found');
  });
});

describe('special files where an entry should be', () => {
  it('a FIFO is skipped at once, never read (the run used to hang)', async () => {
    const dir = await tempDir();
    await new LookupCache(dir).set(FOUND);
    await rm(entryFile(dir));
    execFileSync('mkfifo', [entryFile(dir)]);
    const started = Date.now();
    expect(await service({ offline: true, cacheDir: dir }).lookup('example.cn')).toEqual({ domain: 'example.cn', status: 'offline' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a link to a device (/dev/zero) is not followed', async () => {
    const dir = await tempDir();
    await new LookupCache(dir).set(FOUND);
    await rm(entryFile(dir));
    await symlink('/dev/zero', entryFile(dir));
    expect(await service({ offline: true, cacheDir: dir }).lookup('example.cn')).toEqual({ domain: 'example.cn', status: 'offline' });
  });

  it('a 1 GiB sparse file is not read (past the entry cap)', async () => {
    const dir = await tempDir();
    await new LookupCache(dir).set(FOUND);
    await truncate(entryFile(dir), 1024 ** 3);
    expect(await new LookupCache(dir).get('example.cn')).toBeUndefined();
  });

  it('a folder where an entry should be is ignored', async () => {
    const dir = await tempDir();
    await new LookupCache(dir).set(FOUND);
    await rm(entryFile(dir));
    await mkdir(entryFile(dir));
    expect(await new LookupCache(dir).get('example.cn')).toBeUndefined();
  });
});

describe('entries validated on read', () => {
  const shapes: [string, (l: Record<string, unknown>, r: Record<string, unknown>) => void][] = [
    ['statuses as a string', (_l, r) => (r.statuses = 'ok')],
    ['statuses holding a number', (_l, r) => (r.statuses = [1])],
    ['expires as a number', (_l, r) => (r.expires = 20310101)],
    ['expires not a date', (_l, r) => (r.expires = 'soon')],
    ['registrantName as an object', (_l, r) => (r.registrantName = { toString: 1 })],
    ['redacted as a string', (_l, r) => (r.redacted = 'no')],
    ['a record for another domain', (_l, r) => (r.domain = 'other.cn')],
    ['status "error"', (l) => (l.status = 'error')],
    ['no record', (l) => delete l.record],
  ];
  for (const [what, spoil] of shapes) {
    it(`${what}: discarded silently, the filing checked as with no cache`, async () => {
      const dir = await tempDir();
      await new LookupCache(dir).set(FOUND);
      const lookup = JSON.parse(JSON.stringify(FOUND)) as Record<string, unknown>;
      spoil(lookup, lookup.record as Record<string, unknown>);
      await signedEntry(dir, { route: PUBLIC_ROUTE, storedAt: new Date().toISOString(), lookup });
      expect(await new LookupCache(dir).get('example.cn')).toBeUndefined();
    });
  }

  it('a spoilt entry through the whole check: an `unknown` finding, never an internal error', async () => {
    const dir = await tempDir();
    await new LookupCache(dir).set({ ...FOUND, domain: 'wangxiaowu.cn', record: { ...FOUND.record!, domain: 'wangxiaowu.cn' } });
    const lookup = { ...FOUND, domain: 'wangxiaowu.cn', record: { ...FOUND.record!, domain: 'wangxiaowu.cn', statuses: 'clientHold' } };
    await signedEntry(dir, { route: PUBLIC_ROUTE, storedAt: new Date().toISOString(), lookup }, 'wangxiaowu.cn');
    const manifest = join(dir, 'manifest.yaml');
    await writeFile(
      manifest,
      [
        'version: 1',
        'province: beijing',
        'entity:',
        '  type: individual',
        '  name: 王小五',
        '  principal:',
        '    name: 王小五',
        '    id: { type: id-card, number: "110105200001010024", expires: 2035-03-01 }',
        '    mobile: "13911112222"',
        'websites:',
        '  - name: 小五的网站',
        '    domains: [wangxiaowu.cn]',
        '    content: [personal-blog]',
        '',
      ].join('\n'),
    );
    const { report, exitCode } = await checkInProcess([manifest], { lookups: { offline: true, useCache: true, cacheDir: dir } });
    expect(exitCode).not.toBe(2);
    const registered = report.filings[0]!.findings.find((f) => f.rule === 'whois/registered');
    expect(registered?.status).toBe('unknown');
    expect(JSON.stringify(report)).not.toMatch(/maintainers|internal/i);
  });
});

describe('writing', () => {
  it('caps an entry: a huge raw answer is left out, the fields kept', async () => {
    const dir = await tempDir();
    const cache = new LookupCache(dir);
    await cache.set({ ...FOUND, record: { ...FOUND.record!, raw: '字'.repeat(200_000) } });
    expect((await stat(entryFile(dir))).size).toBeLessThanOrEqual(MAX_CACHE_ENTRY_BYTES);
    const back = await cache.get('example.cn');
    expect(back?.record?.registrantName).toBe('王小五');
    expect(back?.record?.raw).toBeUndefined();
  });

  it('writes entries and the secret readable by the user only, and leaves no temporary file', async () => {
    const dir = await tempDir();
    await Promise.all(['a.cn', 'b.cn', 'c.cn'].map((d) => new LookupCache(dir).set({ ...FOUND, domain: d, record: { ...FOUND.record!, domain: d } })));
    expect((await stat(join(dir, 'secret'))).mode & 0o777).toBe(0o600);
    expect((await stat(entryFile(dir, 'a.cn'))).mode & 0o777).toBe(0o600);
    const files = await readdir(join(dir, 'v2', PUBLIC_ROUTE));
    expect(files.sort()).toEqual(['a.cn.json', 'b.cn.json', 'c.cn.json']);
    expect((await readdir(dir)).some((f) => f.endsWith('.tmp'))).toBe(false);
    // Three caches racing to create the secret on first use agree on one: every entry verifies.
    for (const d of ['a.cn', 'b.cn', 'c.cn']) expect((await new LookupCache(dir).get(d))?.status).toBe('found');
  });
});
