#!/usr/bin/env node
// 100 registrable domains looked up against a loopback port-43 WHOIS server that answers each query
// after 200 ms. Measures the whole process of `node bin/icp-check.js` on one manifest listing the 100
// domains (run `npx tsc -p tsconfig.json` first), then a second run on the warm cache, then the
// DomainLookupService alone from dist/ for comparison. Prints lookup counts and wall-clock times.
//
//   node bench/whois-100.mjs [--domains 100] [--delay 200] [--per-server 2]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? def : Number(process.argv[i + 1]);
};
const N = arg('domains', 100);
const DELAY = arg('delay', 200);
const PER_SERVER = arg('per-server', 2);

/** The loopback server: CNNIC-style answers after DELAY ms; counts queries and the most at once. */
async function startServer() {
  const stats = { queries: 0, open: 0, maxOpen: 0 };
  const server = createServer((socket) => {
    socket.on('error', () => {});
    let buf = '';
    socket.on('data', (chunk) => {
      buf += chunk;
      const nl = buf.indexOf('\n');
      if (nl === -1) return;
      const q = buf.slice(0, nl).trim();
      stats.queries++;
      stats.open++;
      stats.maxOpen = Math.max(stats.maxOpen, stats.open);
      setTimeout(() => {
        stats.open--;
        socket.end(
          [
            `Domain Name: ${q}`,
            'Domain Status: ok',
            'Registrant: 深圳市云帆示例科技有限公司',
            'Sponsoring Registrar: 阿里云计算有限公司（万网）',
            'Registration Time: 2020-01-01 10:00:00',
            'Expiration Time: 2030-01-01 10:00:00',
            '',
          ].join('\r\n'),
        );
      }, DELAY);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, stats, address: `127.0.0.1:${server.address().port}` };
}

const domains = Array.from({ length: N }, (_, i) => `bench-${String(i).padStart(3, '0')}.cn`);

function manifest() {
  const websites = [];
  for (let i = 0; i < N; i += 10) {
    websites.push({ name: `示例网站${i / 10 + 1}`, domains: domains.slice(i, i + 10), instances: ['i-wz9bench0001'], admin: 'principal' });
  }
  const yaml = [
    'version: 1',
    'province: guangdong',
    'entity:',
    '  type: enterprise',
    '  name: 深圳市云帆示例科技有限公司',
    '  principal:',
    '    name: 张三',
    'websites:',
    ...websites.flatMap((w) => [`  - name: ${w.name}`, `    domains: [${w.domains.join(', ')}]`, '    admin: principal']),
    '',
  ];
  return yaml.join('\n');
}

function runCli(args) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(repo, 'bin/icp-check.js'), ...args], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const kill = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (code) => {
      clearTimeout(kill);
      resolve({ code, ms: performance.now() - started, out, err });
    });
  });
}

function countWhois(jsonText) {
  try {
    const report = JSON.parse(jsonText);
    const f = report.filings[0].findings.filter((x) => x.rule === 'whois/registered');
    return { registered: f.filter((x) => x.status === 'pass').length, unknown: f.filter((x) => x.status === 'unknown').length };
  } catch {
    return undefined;
  }
}

const { server, stats, address } = await startServer();
const work = mkdtempSync(path.join(os.tmpdir(), 'icp-check-whois-bench-'));
const results = [];
try {
  const file = path.join(work, 'manifest.yaml');
  writeFileSync(file, manifest());
  const cacheDir = path.join(work, 'cache');
  const common = [file, '--whois-server', address, '--format', 'json', '--date', '2026-11-26', '--cache-dir', cacheDir];

  for (const [label, extra] of [
    ['CLI, cold cache', []],
    ['CLI, warm cache', []],
    ['CLI, --offline --no-cache', ['--offline', '--no-cache']],
  ]) {
    const before = stats.queries;
    stats.maxOpen = 0;
    const r = await runCli([...common, ...extra]);
    const counts = countWhois(r.out);
    results.push({
      label,
      exit: r.code,
      ms: Math.round(r.ms),
      queries: stats.queries - before,
      maxAtOnce: stats.maxOpen,
      findings: counts,
      error: counts ? undefined : r.err.trim().split('\n')[0],
    });
  }

  // The service alone, in this process, from dist/.
  const { DomainLookupService } = await import(pathToFileURL(path.join(repo, 'dist/facts/domains/lookup.js')).href);
  const before = stats.queries;
  stats.maxOpen = 0;
  const started = performance.now();
  const svc = new DomainLookupService({ offline: false, useCache: false, timeoutMs: 10_000, whoisServer: address, perServerConcurrency: PER_SERVER });
  const out = await Promise.all([...domains, ...domains].map((d) => svc.lookup(d)));
  await svc.close();
  results.push({
    label: `DomainLookupService (${2 * N} calls, ${N} domains)`,
    ms: Math.round(performance.now() - started),
    queries: stats.queries - before,
    maxAtOnce: stats.maxOpen,
    found: out.filter((r) => r.status === 'found').length,
    stats: svc.stats(),
  });
} finally {
  server.close();
  rmSync(work, { recursive: true, force: true });
}

console.log(
  `${N} domains, one loopback WHOIS server answering after ${DELAY} ms, at most ${PER_SERVER} queries at once per server; node ${process.versions.node}, ${os.cpus().length} cores`,
);
for (const r of results) console.log(JSON.stringify(r));
