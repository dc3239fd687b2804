// The refresh command against a loopback HTTP server standing in for data.iana.org.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBootstrap, rdapBaseFor, BUNDLED_BOOTSTRAP_FILE } from '../../src/facts/domains/bootstrap.js';
import { updateRdapBootstrap, updateRdapBootstrapCommand } from '../../src/commands/update-rdap-bootstrap.js';
import { startHttpServer, type LoopbackHttp } from './loopback-servers.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

async function setup(reply: Parameters<typeof startHttpServer>[0]): Promise<{ srv: LoopbackHttp; file: string; dir: string }> {
  const srv = await startHttpServer(reply);
  const dir = await mkdtemp(join(tmpdir(), 'icp-check-boot-'));
  const file = join(dir, 'rdap-dns.json');
  await writeFile(file, '{"version":"1.0","services":[[["old"],["https://old.example/"]]]}');
  cleanup.push(
    () => srv.close(),
    () => rm(dir, { recursive: true, force: true }),
  );
  return { srv, file, dir };
}

const IANA_LIKE = {
  version: '1.0',
  publication: '2026-11-20T18:00:02Z',
  description: 'RDAP bootstrap file for Domain Name System registrations',
  services: [
    [['com', 'net'], ['https://rdap.verisign.com/com/v1/']],
    [['top'], ['https://rdap.nic.top/']],
  ],
};

describe('update-rdap-bootstrap', () => {
  it('writes the fetched bootstrap in place, atomically', async () => {
    const { srv, file, dir } = await setup(() => ({ status: 200, body: IANA_LIKE, contentType: 'application/json' }));
    const r = await updateRdapBootstrap({ url: `${srv.origin}/rdap/dns.json`, output: file, timeoutMs: 5000 });
    expect(r).toEqual({ suffixes: 3, publication: '2026-11-20T18:00:02Z' });
    const b = loadBootstrap(file);
    expect(rdapBaseFor(b, 'example.net')).toBe('https://rdap.verisign.com/com/v1/');
    expect(rdapBaseFor(b, 'example.old')).toBeUndefined();
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves the file alone when the download is not a bootstrap', async () => {
    for (const reply of [
      { status: 500, body: 'oops' },
      { status: 200, body: '<html>' },
      { status: 200, body: { version: '1.0', services: 'x' } },
    ]) {
      const { srv, file } = await setup(() => reply);
      await expect(updateRdapBootstrap({ url: `${srv.origin}/dns.json`, output: file, timeoutMs: 5000 })).rejects.toThrow(/HTTP 500|JSON|services/);
      expect(JSON.parse(await readFile(file, 'utf8')).services[0][0]).toEqual(['old']);
    }
  });

  it('is a commander command named update-rdap-bootstrap', () => {
    const c = updateRdapBootstrapCommand();
    expect(c.name()).toBe('update-rdap-bootstrap');
    expect(c.options.map((o) => o.long)).toEqual(['--url', '--output', '--timeout']);
  });

  it('ships a snapshot that names RDAP servers for filable suffixes and none for .cn', () => {
    const b = loadBootstrap(BUNDLED_BOOTSTRAP_FILE);
    expect(b.publication).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(rdapBaseFor(b, 'example.com')).toBe('https://rdap.verisign.com/com/v1/');
    expect(rdapBaseFor(b, 'example.cn')).toBeUndefined();
    expect(rdapBaseFor(b, 'xn--fsqu00a.xn--fiqs8s')).toBeUndefined();
  });
});
