// The whole process against a WHOIS server on 127.0.0.1: one lookup per registrable domain per run,
// shared by every filing; none with a warm cache; none offline.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWhoisServer, type LoopbackWhois } from '../domains/loopback-servers.js';
import { BIN, REPO } from './run-bin.js';

const ENTITY = '深圳市示例科技有限公司';
const cnnic = (domain: string) =>
  [
    `Domain Name: ${domain}`,
    'Domain Status: ok',
    `Registrant: ${ENTITY}`,
    'Sponsoring Registrar: 阿里云计算有限公司（万网）',
    'Registration Time: 2012-08-08 10:00:00',
    'Expiration Time: 2030-08-08 10:00:00',
    '',
  ].join('\r\n');

function run(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, env: { ...process.env, NO_COLOR: '1', CI: '1' } });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

describe('lookups of a run over 30 filings sharing 10 domains', () => {
  let server: LoopbackWhois;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'icp-lookups-'));
  const filings = path.join(dir, 'filings');
  const cache = path.join(dir, 'cache');

  beforeAll(async () => {
    server = await startWhoisServer((q) => cnnic(q));
    for (let i = 0; i < 30; i++) {
      const folder = path.join(filings, `f${String(i).padStart(2, '0')}`);
      mkdirSync(folder, { recursive: true });
      const domains = [`shared-${i % 10}.cn`, `www.shared-${(i + 1) % 10}.cn`];
      writeFileSync(
        path.join(folder, 'manifest.yaml'),
        `version: 1\nprovince: guangdong\nentity:\n  type: enterprise\n  name: ${ENTITY}\n  principal:\n    name: 张三\nwebsites:\n  - name: 示例网站\n    domains: [${domains.join(', ')}]\n`,
      );
    }
  });
  afterAll(() => server.close());

  const common = () => [filings, '--format', 'json', '--whois-server', server.address, '--whois-timeout', '5s', '--date', '2026-11-26'];

  it('looks each registrable domain up once, then not at all with a warm cache', async () => {
    const first = await run([...common(), '--cache-dir', cache]);
    const report = JSON.parse(first.stdout);
    expect(report.filings).toHaveLength(30);
    expect(server.connections).toBe(10);
    expect(new Set(server.queries)).toEqual(new Set(Array.from({ length: 10 }, (_, i) => `shared-${i}.cn`)));
    const holder = report.filings[0].findings.find((f: { rule: string }) => f.rule === 'whois/holder');
    expect(holder.status).toBe('pass');
    expect(holder.message).toContain('127.0.0.1');

    const second = await run([...common(), '--cache-dir', cache]);
    expect(JSON.parse(second.stdout).filings).toHaveLength(30);
    expect(server.connections).toBe(10);
  });

  it('makes no lookup offline and says what to confirm', async () => {
    const before = server.connections;
    const r = await run([...common(), '--offline', '--no-cache']);
    expect(server.connections).toBe(before);
    const registered = JSON.parse(r.stdout).filings[0].findings.find((f: { rule: string }) => f.rule === 'whois/registered');
    expect(registered.status).toBe('unknown');
    expect(registered.fix).toMatch(/confirm/);
  });
});
