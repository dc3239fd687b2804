#!/usr/bin/env node
// The OCR benchmark: reads every image of bench/work/ocr (node bench/ocr/generate.mjs first) with one
// engine, as `--ocr` does, runs the image/ocr-* rules on a manifest declaring the case's facts, and
// prints exact-match rates, false mismatches (must be 0), time per image cold and warm, and peak RSS.
//
//   npm run build && node bench/ocr/generate.mjs && node bench/ocr/run.mjs [--max-side 1280] [--only <part of a file name>] [--json]
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const start = performance.now();
const repo = fileURLToPath(new URL('../../', import.meta.url));
const work = path.join(repo, 'bench/work/ocr');
const args = process.argv.slice(2);
const maxSide = args.includes('--max-side') ? Number(args[args.indexOf('--max-side') + 1]) : undefined;
const { OcrReader, OCR_MAX_SIDE } = await import(path.join(repo, 'dist/facts/ocr/engine.js'));
const { idNumbers, creditCodes, idValidity, namePrinted } = await import(path.join(repo, 'dist/facts/ocr/read.js'));
const { ocrRules } = await import(path.join(repo, 'dist/rules/ocr.js'));
const { manifestSchema } = await import(path.join(repo, 'dist/manifest/schema.js'));
const { toFiling } = await import(path.join(repo, 'dist/manifest/normalise.js'));

const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : '';
const cases = JSON.parse(await readFile(path.join(work, 'cases.json'), 'utf8')).filter((c) => c.file.includes(only));
const t0 = performance.now();
const reader = await OcrReader.load(maxSide ? { maxSide } : {});
const loadMs = performance.now() - t0;

/** A manifest declaring the case's facts, with the image where the case declares it. */
function contextFor(c, reading) {
  const principal = { name: c.person?.name ?? '王样本', id: { type: 'id-card', number: c.person?.number ?? '110101199003071233', expires: c.person?.expires } };
  let imagePath;
  if (c.person) {
    principal.id[c.declaredAs] = c.file;
    imagePath = `entity.principal.id.${c.declaredAs}`;
  }
  const entity = { type: 'enterprise', name: c.entity?.name ?? '测试市样本科技有限公司', principal };
  if (c.entity) {
    entity.certificate = { type: 'business-license', number: c.entity.code, image: c.file };
    imagePath = 'entity.certificate.image';
  }
  if (principal.id.expires === undefined) delete principal.id.expires;
  const manifest = manifestSchema.parse({ version: 1, province: 'beijing', entity });
  const n = toFiling(manifest, path.join(work, 'manifest.yaml'), work);
  if (!n.ok) throw new Error(`${c.file}: ${JSON.stringify(n.findings)}`);
  return {
    filing: n.filing,
    facts: { images: new Map(), domains: new Map(), findings: [], ocr: new Map([[imagePath, reading]]) },
    options: { date: '2026-11-30', offline: true, approvedSuffixes: [] },
  };
}

const RULE = {
  side: 'image/ocr-id-side',
  number: 'image/ocr-id-number',
  name: 'image/ocr-name',
  validity: 'image/ocr-id-validity',
  code: 'image/ocr-credit-code',
  entityName: 'image/ocr-entity-name',
};
const tally = {};
const times = [];
const reads = { number: [0, 0], code: [0, 0], name: [0, 0], validity: [0, 0] };
const problems = [];
/** Where the peak rose last: which image costs the most. */
let peak = { mb: 0, at: '' };
for (const [i, c] of cases.entries()) {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const reading = await reader.read(path.join(work, c.file));
  const used = process.cpuUsage(cpu);
  const rss = process.resourceUsage().maxRSS / 1024;
  if (rss > peak.mb + 20) peak = { mb: Math.round(rss), at: c.file };
  // CPU time too: on a shared machine wall time says more about the neighbours than about OCR.
  times.push({ ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000, big: /camera|photo/.test(c.file), rotation: reading.rotation });
  // Raw reading: was the printed number / name / validity read exactly?
  const lines = reading.lines;
  if (c.truth.number) reads.number[1]++, idNumbers(lines).valid.includes(c.truth.number) && reads.number[0]++;
  if (c.truth.code) reads.code[1]++, creditCodes(lines).valid.includes(c.truth.code) && reads.code[0]++;
  if (c.truth.name) reads.name[1]++, namePrinted(c.truth.name, lines, c.entity ? '名称' : '姓名') && reads.name[0]++;
  if (c.truth.expires) reads.validity[1]++, idValidity(lines)?.to === c.truth.expires && reads.validity[0]++;
  // What the rules say.
  const findings = ocrRules.flatMap((r) => r.check(contextFor(c, reading)));
  for (const [what, want] of Object.entries(c.expect)) {
    const f = findings.find((x) => x.rule === RULE[what]);
    const got = f?.status ?? 'none';
    const row = (tally[`${what} (${want})`] ??= { cases: 0, pass: 0, fail: 0, unknown: 0, other: 0 });
    row.cases++;
    if (got === 'pass' || got === 'fail' || got === 'unknown') row[got]++;
    else row.other++;
    const right = want === 'match' ? got === 'pass' : got === 'fail';
    if (!right) problems.push(`${c.file} ${what}: expected ${want}, got ${got}${got === 'fail' && want === 'match' ? '  <-- FALSE MISMATCH' : ''}`);
  }
  if (i === 0) times[0].cold = performance.now() - start;
}

const falseMismatches = Object.entries(tally)
  .filter(([k]) => k.endsWith('(match)'))
  .reduce((n, [, r]) => n + r.fail, 0);
const falseMatches = Object.entries(tally)
  .filter(([k]) => k.endsWith('(mismatch)'))
  .reduce((n, [, r]) => n + r.pass, 0);
const plain = times.slice(1).filter((t) => !t.big && t.rotation === 0);
const warm = plain.map((t) => t.ms).sort((a, b) => a - b);
const warmCpu = plain.map((t) => t.cpuMs).sort((a, b) => a - b);
const q = (xs, p) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const pct = ([a, b]) => `${a}/${b} (${b ? Math.round((100 * a) / b) : 0}%)`;
const result = {
  images: cases.length,
  maxSide: maxSide ?? OCR_MAX_SIDE,
  modelLoadMs: Math.round(loadMs),
  coldFirstImageMs: Math.round(times[0].cold),
  warmMedianMs: Math.round(q(warm, 0.5)),
  warmP90Ms: Math.round(q(warm, 0.9)),
  warmMedianCpuMs: Math.round(q(warmCpu, 0.5)),
  coldFirstImageCpuMs: Math.round(times[0].cpuMs),
  loadAverage: os.loadavg()[0].toFixed(1),
  cores: os.availableParallelism(),
  turnedMedianMs: Math.round(
    q(
      times
        .filter((t) => t.rotation !== 0)
        .map((t) => t.ms)
        .sort((a, b) => a - b),
      0.5,
    ) ?? 0,
  ),
  largePhotoMedianMs: Math.round(
    q(
      times
        .filter((t) => t.big)
        .map((t) => t.ms)
        .sort((a, b) => a - b),
      0.5,
    ) ?? 0,
  ),
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  peakReachedAt: peak.at,
  falseMismatches,
  falseMatches,
};
if (args.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ ...result, reads, tally, problems }, null, 2)}\n`);
} else {
  console.log(`| check (expected) | cases | pass | fail | not read | exact |\n|---|---|---|---|---|---|`);
  for (const [k, r] of Object.entries(tally)) {
    const exact = k.endsWith('(match)') ? r.pass : r.fail;
    console.log(`| ${k} | ${r.cases} | ${r.pass} | ${r.fail} | ${r.unknown} | ${pct([exact, r.cases])} |`);
  }
  console.log(`\nread exactly: ID numbers ${pct(reads.number)}, credit codes ${pct(reads.code)}, names ${pct(reads.name)}, card validity ${pct(reads.validity)}`);
  for (const [k, v] of Object.entries(result)) console.log(`${k}: ${v}`);
  if (problems.length) console.log(`\nnot exact:\n  ${problems.join('\n  ')}`);
}
process.exitCode = falseMismatches > 0 ? 1 : 0;
