// Large batches are checked by worker threads beside the main thread: the report is the same as
// on one thread, lookups still go through the run's one service (each domain once), waivers used
// in a worker count as used, and an image checked in a worker is still never written over.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWhoisServer, type LoopbackWhois } from '../domains/loopback-servers.js';
import { BIN, REPO } from '../cli/run-bin.js';

const ENTITY = '深圳市示例科技有限公司';
const cnnic = (domain: string) =>
  [`Domain Name: ${domain}`, 'Domain Status: ok', `Registrant: ${ENTITY}`, 'Sponsoring Registrar: 阿里云计算有限公司（万网）', 'Expiration Time: 2030-08-08 10:00:00', ''].join(
    '\r\n',
  );

function run(args: string[], cwd = REPO): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', CI: '1' } });
    let stdout = '';
    let stderr = '';
    // Decoded as a stream: a character split between two chunks stays whole.
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('worker threads', () => {
  let server: LoopbackWhois;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'icp-workers-'));
  const filings = path.join(dir, 'filings');
  const N = 120;

  beforeAll(async () => {
    server = await startWhoisServer((q) => cnnic(q));
    for (let i = 0; i < N; i++) {
      const folder = path.join(filings, `f${String(i).padStart(3, '0')}`);
      mkdirSync(folder, { recursive: true });
      // 120 filings over 15 domains; every fourth one without a principal's mobile.
      const domains = [`shared-${i % 15}.cn`, `www.shared-${(i + 1) % 15}.cn`];
      writeFileSync(
        path.join(folder, 'manifest.yaml'),
        `version: 1\nprovince: guangdong\nentity:\n  type: enterprise\n  name: ${ENTITY}\n  principal:\n    name: 张三\n${i % 4 === 0 ? '' : '    mobile: "13800138000"\n'}websites:\n  - name: 示例网站\n    domains: [${domains.join(', ')}]\n`,
      );
    }
    writeFileSync(path.join(filings, 'photo.png'), readFileSync(path.join(REPO, 'test/fixtures/images/photo.png')));
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const common = () => [filings, '--format', 'json', '--whois-server', server.address, '--whois-timeout', '5s', '--no-cache', '--no-config', '--date', '2026-11-26'];

  it('give the same report as one thread, each domain looked up once per run', async () => {
    const one = await run([...common(), '--workers', '0']);
    const before = server.queries.length;
    const two = await run([...common(), '--workers', '2']);
    expect(JSON.parse(two.stdout).filings).toHaveLength(N);
    expect(two.stdout).toBe(one.stdout);
    expect(two.code).toBe(one.code);
    const asked = server.queries.slice(before);
    expect(asked.length).toBe(15);
    expect(new Set(asked).size).toBe(15);
  }, 60_000);

  it('count a waiver used in a worker as used', async () => {
    const config = path.join(dir, 'icp-check.config.yaml');
    writeFileSync(
      config,
      'accept:\n  - rule: person/mobile\n    reason: the mobile is added on the day of filing\n    until: 2027-01-01\n  - rule: domain/never-reported\n    reason: nothing\n    until: 2027-01-01\n',
    );
    const args = [filings, '--format', 'json', '--offline', '--no-cache', '--config', config, '--date', '2026-11-26'];
    const one = JSON.parse((await run([...args, '--workers', '0'])).stdout);
    const two = JSON.parse((await run([...args, '--workers', '2'])).stdout);
    expect(two.unusedWaivers).toEqual(one.unusedWaivers);
    expect(two.unusedWaivers.map((w: { rule: string }) => w.rule)).toEqual(['domain/never-reported']);
  }, 60_000);

  it('never write the report over an image a filing checked in a worker names', async () => {
    // Two filings, one worker, one at a time each: the first goes to the worker.
    const small = path.join(dir, 'small');
    for (const name of ['a', 'b']) {
      mkdirSync(path.join(small, name), { recursive: true });
      writeFileSync(
        path.join(small, name, 'manifest.yaml'),
        `version: 1\nprovince: guangdong\nentity:\n  type: enterprise\n  name: ${ENTITY}\n${name === 'a' ? '  certificate:\n    type: business-license\n    number: 91440300MA5FXXXX1X\n    image: ../../filings/photo.png\n' : ''}  principal:\n    name: 张三\nwebsites:\n  - name: 示例网站\n    domains: [example.cn]\n`,
      );
    }
    const target = path.join(filings, 'photo.png');
    const r = await run([small, '--offline', '--no-cache', '--no-config', '--workers', '1', '--concurrency', '1', '--output', target]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a file a manifest refers to/);
    expect(readFileSync(target)).toEqual(readFileSync(path.join(REPO, 'test/fixtures/images/photo.png')));
  }, 60_000);
});
