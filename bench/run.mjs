#!/usr/bin/env node
// Times whole-process runs of `icp-check <folder> --offline --format json` over N generated
// filings, with peak memory, against ajv-cli validating the same manifests against the JSON
// Schema only (the floor: parsing YAML and checking shapes, no facts, rules or report).
//
//   npm run build && node bench/run.mjs [N ...] [--repeat k]     (default N: 10 100 1000, k: 3)
//
// Filings are generated on first use (bench/generate-filings.mjs); the median of k runs is shown.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const repeatAt = args.indexOf('--repeat');
const repeat = repeatAt >= 0 ? Number(args[repeatAt + 1]) : 3;
const sizes = args.filter((a, i) => /^\d+$/.test(a) && i !== repeatAt + 1).map(Number);
const NS = sizes.length > 0 ? sizes : [10, 100, 1000];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'icp-bench-'));

/** Runs a Node script under bench/peak-rss.mjs; resolves with wall time, peak RSS and exit code. */
function timed(script, scriptArgs) {
  const rssFile = path.join(tmp, `rss-${process.hrtime.bigint()}`);
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [path.join(repo, 'bench/peak-rss.mjs'), script, ...scriptArgs], {
      cwd: repo,
      env: { ...process.env, PEAK_RSS_FILE: rssFile, NO_COLOR: '1', CI: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const peakKb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
      resolve({ seconds, peakMb: peakKb / 1024, code, stderr });
    });
  });
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

async function generate(n) {
  const dir = path.join(repo, 'bench/work', String(n));
  if (existsSync(path.join(dir, 'c0001/manifest.yaml')) && existsSync(path.join(dir, `c${String(n).padStart(4, '0')}/manifest.yaml`))) return dir;
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repo, 'bench/generate-filings.mjs'), String(n), dir], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`generating ${n} filings failed (${code})`))));
  });
  return dir;
}

const icpCheck = path.join(repo, 'bin/icp-check.js');
const ajvCli = path.join(repo, 'node_modules/ajv-cli/dist/index.js');
const schema = path.join(repo, 'schema/icp-manifest.schema.json');

const rows = [];
for (const n of NS) {
  const dir = await generate(n);
  const rel = path.relative(repo, dir);
  const ours = [];
  const theirs = [];
  for (let k = 0; k < repeat; k++) {
    const a = await timed(icpCheck, [rel, '--offline', '--no-cache', '--format', 'json', '--date', '2026-11-26', '--output', path.join(tmp, `report-${n}.json`)]);
    // 0 and 1 are verdicts (ready / something blocks); 2 would mean the run itself failed.
    if (a.code !== 0 && a.code !== 1) throw new Error(`icp-check exited ${a.code} on ${n} filings:\n${a.stderr}`);
    ours.push(a);
    const b = await timed(ajvCli, ['validate', '--spec=draft2020', '-c', 'ajv-formats', '-s', schema, '-d', `${rel}/*/manifest.yaml`]);
    if (b.code !== 0) throw new Error(`ajv-cli exited ${b.code} on ${n} filings:\n${b.stderr.slice(0, 2000)}`);
    theirs.push(b);
  }
  const report = JSON.parse(readFileSync(path.join(tmp, `report-${n}.json`), 'utf8'));
  if (report.filings.length !== n) throw new Error(`expected ${n} filings in the report, got ${report.filings.length}`);
  const verdicts = {};
  for (const f of report.filings) verdicts[f.verdict] = (verdicts[f.verdict] ?? 0) + 1;
  const seconds = median(ours.map((r) => r.seconds));
  const ajvSeconds = median(theirs.map((r) => r.seconds));
  rows.push({
    n,
    seconds,
    perSecond: n / seconds,
    peakMb: median(ours.map((r) => r.peakMb)),
    ajvSeconds,
    ajvPeakMb: median(theirs.map((r) => r.peakMb)),
    ratio: seconds / ajvSeconds,
    verdicts,
  });
  process.stderr.write(`N=${n}: ${seconds.toFixed(2)} s, ajv-cli ${ajvSeconds.toFixed(2)} s\n`);
}
rmSync(tmp, { recursive: true, force: true });

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
process.stdout.write(
  [
    `Node ${process.version}, ${os.cpus().length} × ${cpu}, ${os.platform()}; median of ${repeat} run${repeat === 1 ? '' : 's'}.`,
    '',
    '| N | seconds | filings/s | peak MB | ajv-cli seconds | ajv-cli peak MB | ratio to ajv-cli | verdicts |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map(
      (r) =>
        `| ${r.n} | ${r.seconds.toFixed(2)} | ${r.perSecond.toFixed(1)} | ${r.peakMb.toFixed(0)} | ${r.ajvSeconds.toFixed(2)} | ${r.ajvPeakMb.toFixed(0)} | ${r.ratio.toFixed(2)}× | ${Object.entries(
          r.verdicts,
        )
          .sort()
          .map(([v, c]) => `${c} ${v}`)
          .join(', ')} |`,
    ),
    '',
  ].join('\n'),
);
