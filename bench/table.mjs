#!/usr/bin/env node
// Reproduces the performance table in one command: whole-process runs of the built CLI side by side
// with `node -e 0` and with ajv-cli validating the same generated manifests against
// schema/icp-manifest.schema.json, medians of several interleaved runs, peak RSS of each process
// (`/usr/bin/time` where it exists, bench/peak-rss.mjs otherwise), and the ratios.
//
//   npm run build && node bench/table.mjs [--runs 11] [--batch-runs 3] [--sizes 1000,10000] [--no-whois]
//
// Rows: one filing (examples/beijing-individual, --offline --format json), --version, N generated
// filings (bench/generate-filings.mjs, made on first use under bench/work/) on the main thread and
// with one worker thread (--workers 1), ajv-cli on the same N
// manifests, and 100 domains against a loopback WHOIS server answering after 200 ms
// (bench/whois-100.mjs, cold cache, the server named with --whois-server). The load average is
// printed with the figures: on a shared machine every ratio is only as good as the load around it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name, def) => {
  const i = argv.indexOf(`--${name}`);
  return i === -1 ? def : argv[i + 1];
};
const RUNS = Number(opt('runs', 11));
const BATCH_RUNS = Number(opt('batch-runs', 3));
const SIZES = String(opt('sizes', '1000,10000')).split(',').filter(Boolean).map(Number);
const WHOIS = !argv.includes('--no-whois');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'icp-bench-table-'));
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const bin = path.join(repo, 'bin/icp-check.js');
const ajvCli = path.join(repo, 'node_modules/ajv-cli/dist/index.js');
const schema = path.join(repo, 'schema/icp-manifest.schema.json');

if (!existsSync(path.join(repo, 'dist'))) {
  process.stderr.write('bench/table.mjs: run `npm run build` first\n');
  process.exit(2);
}

let seq = 0;
/** One whole process: `node <args>`; resolves with wall seconds, peak RSS (MB) and exit code. */
function run(nodeArgs, { cwd = repo } = {}) {
  const rssFile = path.join(tmp, `rss-${seq++}`);
  const [cmd, args, env] = TIME
    ? [TIME, ['-f', '%M', '-o', rssFile, process.execPath, ...nodeArgs], {}]
    : [process.execPath, [path.join(repo, 'bench/peak-rss.mjs'), ...nodeArgs], { PEAK_RSS_FILE: rssFile }];
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env, NO_COLOR: '1', CI: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      let kb = Number.NaN;
      if (existsSync(rssFile)) kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
      resolve({ seconds, peakMb: kb / 1024, code, stderr });
    });
  });
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs every job `runs` times, interleaved (a b c a b c …) so that load changes hit all alike. */
async function interleaved(jobs, runs) {
  const results = jobs.map(() => []);
  for (let k = 0; k < runs; k++) {
    for (const [i, job] of jobs.entries()) {
      const r = await run(job.args);
      if (!job.ok(r.code)) throw new Error(`${job.name} exited ${r.code}:\n${r.stderr.slice(0, 2000)}`);
      results[i].push(r);
    }
  }
  return results.map((rs) => ({ seconds: median(rs.map((r) => r.seconds)), peakMb: median(rs.map((r) => r.peakMb)), runs: rs.length }));
}

async function generate(n) {
  const dir = path.join(repo, 'bench/work', String(n));
  if (existsSync(path.join(dir, 'c0001/manifest.yaml')) && existsSync(path.join(dir, `c${String(n).padStart(4, '0')}/manifest.yaml`))) return dir;
  process.stderr.write(`generating ${n} filings in ${path.relative(repo, dir)} …\n`);
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repo, 'bench/generate-filings.mjs'), String(n), dir], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`generating ${n} filings failed (${code})`))));
  });
  return dir;
}

const verdictOk = (code) => code === 0 || code === 1;
const zero = (code) => code === 0;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const ms = (s) => `${(s * 1000).toFixed(0)} ms`;
const mb = (m) => `${m.toFixed(0)} MB`;
const rows = [];
const loadBefore = load();

// 1 and 2: one filing and --version against bare Node.
process.stderr.write(`one filing and --version, ${RUNS} runs each (load ${load()}) …\n`);
const beijing = 'examples/beijing-individual/manifest.yaml';
const [bare, one, version] = await interleaved(
  [
    { name: 'node -e 0', args: ['-e', '0'], ok: zero },
    { name: 'one filing', args: [bin, beijing, '--offline', '--no-cache', '--format', 'json', '--date', '2026-11-26'], ok: verdictOk },
    { name: '--version', args: [bin, '--version'], ok: zero },
  ],
  RUNS,
);
rows.push(['`node -e 0` (the unit)', `${ms(bare.seconds)}, ${mb(bare.peakMb)}`, '1.00×', '']);
rows.push(['one filing (Beijing example) vs `node -e 0`', `${ms(one.seconds)}, ${mb(one.peakMb)}`, `${(one.seconds / bare.seconds).toFixed(2)}×`, '≤ 2.5×']);
rows.push(['`--version` vs `node -e 0`', `${ms(version.seconds)}, ${mb(version.peakMb)}`, `${(version.seconds / bare.seconds).toFixed(2)}×`, '≤ 1.5×']);

// 3 to 5: batches against ajv-cli on the same manifests.
for (const n of SIZES) {
  const dir = path.relative(repo, await generate(n));
  const runs = n >= 10_000 ? 1 : BATCH_RUNS;
  process.stderr.write(`${n} filings, ${runs} run(s) each (load ${load()}) …\n`);
  const [ours, ajv, oneWorker] = await interleaved(
    [
      {
        name: `icp-check on ${n} filings`,
        args: [bin, dir, '--offline', '--no-cache', '--format', 'json', '--date', '2026-11-26', '--output', path.join(tmp, `report-${n}.json`)],
        ok: verdictOk,
      },
      { name: `ajv-cli on ${n} manifests`, args: [ajvCli, 'validate', '--spec=draft2020', '-c', 'ajv-formats', '-s', schema, '-d', `${dir}/*/manifest.yaml`], ok: zero },
      // What a worker thread gives: the same run with one (`--workers 1`).
      {
        name: `icp-check on ${n} filings, one worker`,
        args: [bin, dir, '--offline', '--no-cache', '--format', 'json', '--date', '2026-11-26', '--workers', '1', '--output', path.join(tmp, `report-${n}-one.json`)],
        ok: verdictOk,
      },
    ],
    runs,
  );
  const report = JSON.parse(readFileSync(path.join(tmp, `report-${n}.json`), 'utf8'));
  if (report.filings.length !== n) throw new Error(`expected ${n} filings in the report, got ${report.filings.length}`);
  const goal = n === 1000 ? '≤ 4× ajv-cli, ≤ 200 MB' : n === 10_000 ? '≤ 35 s, ≤ 250 MB' : '';
  rows.push([`${n.toLocaleString('en')} filings`, `${ours.seconds.toFixed(2)} s, ${mb(ours.peakMb)}`, `${(ours.seconds / ajv.seconds).toFixed(2)}× ajv-cli`, goal]);
  rows.push([
    `the same with one worker thread (\`--workers 1\`)`,
    `${oneWorker.seconds.toFixed(2)} s, ${mb(oneWorker.peakMb)}`,
    `${(oneWorker.seconds / ajv.seconds).toFixed(2)}× ajv-cli`,
    '',
  ]);
  rows.push([`ajv-cli on the same ${n.toLocaleString('en')} manifests`, `${ajv.seconds.toFixed(2)} s, ${mb(ajv.peakMb)}`, '1.00×', 'the floor']);
}

// 6: 100 domains against a loopback WHOIS server the user names.
if (WHOIS) {
  process.stderr.write(`100 domains against loopback WHOIS (load ${load()}) …\n`);
  const out = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repo, 'bench/whois-100.mjs')], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`bench/whois-100.mjs exited ${code}`))));
  });
  const lines = out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
  const cold = lines.find((l) => l.label === 'CLI, cold cache');
  const warm = lines.find((l) => l.label === 'CLI, warm cache');
  const found = cold.findings ? `${cold.findings.registered} registered, ${cold.findings.unknown} unknown` : cold.error;
  rows.push([
    '100 domains, loopback WHOIS answering after 200 ms (cold cache)',
    `${(cold.ms / 1000).toFixed(2)} s, ${cold.maxAtOnce} at once`,
    `${(cold.ms / 1000 / bare.seconds).toFixed(0)}× \`node -e 0\``,
    `≤ 3 s (${found})`,
  ]);
  rows.push(['the same, warm cache', `${(warm.ms / 1000).toFixed(2)} s, ${warm.queries} queries`, '', '']);
}
rmSync(tmp, { recursive: true, force: true });

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
process.stdout.write(
  [
    `Node ${process.version}, ${os.cpus().length} × ${cpu}, ${os.platform()}; medians of ${RUNS} runs (batches: ${BATCH_RUNS}, 10,000: 1); peak RSS by ${TIME ? '/usr/bin/time' : 'bench/peak-rss.mjs'}.`,
    `Load average (1, 5, 15 min): ${loadBefore} at the start, ${load()} at the end.`,
    '',
    '| work | measured | ratio | goal |',
    '| --- | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ].join('\n'),
);
