#!/usr/bin/env node
// CPU per filing in one process: checkFiling() from dist/ over the examples (or the manifests named),
// offline, after a warm-up; the median of several rounds. Shows what the per-filing work costs
// without start-up, e.g. finding the submitFrom/readyUntil dates.
//
//   npm run build && node bench/check-cpu.mjs [--rounds 7] [--each 20] [manifest.yaml ...]
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name, def) => {
  const i = argv.indexOf(`--${name}`);
  return i === -1 ? def : Number(argv[i + 1]);
};
const ROUNDS = opt('rounds', 7);
const EACH = opt('each', 20);
const named = argv.filter((a, i) => a.endsWith('.yaml') && !argv[i - 1]?.startsWith('--'));
const files = named.length > 0 ? named : ['beijing-individual', 'guangdong-enterprise', 'tianjin-enterprise-problems'].map((d) => path.join(repo, 'examples', d, 'manifest.yaml'));
const load = (p) => import(pathToFileURL(path.join(repo, 'dist', p)).href);
const { checkFiling } = await load('check/run.js');
const { ImageInspector } = await load('facts/images.js');
const { DomainLookupService } = await load('facts/domains/lookup.js');

const options = { date: '2026-11-26', offline: true, approvedSuffixes: [], lang: 'en', concurrency: 1 };
const sources = { images: new ImageInspector(), domains: new DomainLookupService({ offline: true, useCache: false, timeoutMs: 1000 }) };
for (const f of files) await checkFiling(f, options, sources); // warm-up
const per = files.map(() => []);
for (let r = 0; r < ROUNDS; r++) {
  for (const [i, f] of files.entries()) {
    const t = process.cpuUsage();
    for (let k = 0; k < EACH; k++) await checkFiling(f, options, sources);
    const d = process.cpuUsage(t);
    per[i].push((d.user + d.system) / 1000 / EACH);
  }
}
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)];
for (const [i, f] of files.entries()) console.log(`${path.relative(repo, f)}: ${median(per[i]).toFixed(2)} ms CPU per filing`);
await sources.domains.close?.();
