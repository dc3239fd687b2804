#!/usr/bin/env node
// Times loading and validating the bundled rule data (YAML parse + zod + id checks) in a fresh
// process, then evaluating it over generated filings, with the built modules (`npm run build` first).
//
//   node bench/regulations-load.mjs [--filings 1000]
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const load = async (m) => import(pathToFileURL(path.join(repo, 'dist', m)).href);
const n = Number(process.argv[process.argv.indexOf('--filings') + 1]) || 1000;

const { loadRegulationsFrom, BUNDLED_DIR } = await load('regulations/loader.js');
const { evaluateWith } = await load('regulations/evaluate.js');
const { manifestSchema } = await load('manifest/schema.js');
const { toFiling } = await load('manifest/normalise.js');
const { PROVINCES } = await load('manifest/provinces.js');
const { idCheckDigit } = await load('facts/identity.js');

let t = performance.now();
const regs = loadRegulationsFrom(BUNDLED_DIR);
const first = performance.now() - t;
t = performance.now();
loadRegulationsFrom(BUNDLED_DIR);
const second = performance.now() - t;

const id = (birth) => {
  const first17 = `440102${birth}123`;
  return first17 + idCheckDigit(first17);
};
const filings = Array.from({ length: n }, (_, i) => {
  const p = PROVINCES[i % PROVINCES.length];
  const manifest = manifestSchema.parse({
    version: 1,
    province: p.slug,
    entity: {
      type: i % 3 === 0 ? 'individual' : 'enterprise',
      name: `示例${i}科技有限公司`,
      legalRepresentative: { name: '张三' },
      principal: { name: '张三', id: { type: 'id-card', number: id('19900101') }, mobile: '13800138000' },
    },
    websites: [
      { name: '官网', domains: [`site${i}.com`, `site${i}.cn`], admin: { name: '李四', mobile: '13900139000' } },
      { name: '商城', domains: [`shop${i}.com`], content: i % 5 === 0 ? ['news'] : [] },
    ],
  });
  return toFiling(manifest, 'x.yaml', '/tmp').filing;
});
t = performance.now();
let findings = 0;
for (const filing of filings) {
  findings += evaluateWith(regs, {
    filing,
    facts: { images: new Map(), domains: new Map(), findings: [] },
    options: { date: '2026-11-26', offline: true, approvedSuffixes: [] },
  }).length;
}
const evaluate = performance.now() - t;

console.log(`rules: ${regs.rules.length} (${regs.provinces.size} province files)`);
console.log(`load, first in process: ${first.toFixed(0)} ms; again: ${second.toFixed(0)} ms`);
console.log(`evaluate ${n} filings: ${evaluate.toFixed(0)} ms (${(evaluate / n).toFixed(2)} ms each, ${findings} findings)`);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
