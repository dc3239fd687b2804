#!/usr/bin/env node
// Inspects 1,000 generated image files with the built ImageInspector (run `npx tsc -p tsconfig.json`
// first) and prints whole-process time and peak memory; a second run reads every file whole, for
// comparison. Each measurement runs in its own process so its peak RSS is its own.
//
//   node bench/images-1000.mjs [--files 1000] [--keep]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');

async function child(mode, dir) {
  const started = performance.now();
  const files = readdirSync(dir).filter((f) => !f.startsWith('.'));
  let bytesRead = 0;
  let totalSize = 0;
  const kinds = {};
  if (mode === 'inspect') {
    const { ImageInspector } = await import(pathToFileURL(path.join(repo, 'dist/facts/images.js')).href);
    const inspector = new ImageInspector();
    const facts = await Promise.all(files.map((f) => inspector.inspect(f, dir)));
    for (const f of facts) {
      bytesRead += f.bytesRead ?? 0;
      totalSize += f.size ?? 0;
      const k = f.corrupt ? 'corrupt' : (f.type ?? f.entry);
      kinds[k] = (kinds[k] ?? 0) + 1;
    }
  } else {
    // The naive way: read each file whole (what a checker that ignores headers would do).
    const { fileTypeFromBuffer } = await import(pathToFileURL(path.join(repo, 'node_modules/file-type/index.js')).href);
    const { imageSize } = await import(pathToFileURL(path.join(repo, 'node_modules/image-size/dist/esm/index.js')).href);
    const limit = 16;
    let next = 0;
    await Promise.all(
      Array.from({ length: limit }, async () => {
        while (next < files.length) {
          const f = files[next++];
          const buf = readFileSync(path.join(dir, f));
          bytesRead += buf.length;
          totalSize += buf.length;
          const t = await fileTypeFromBuffer(buf);
          try {
            imageSize(buf);
          } catch {
            // A damaged file counts like any other here.
          }
          kinds[t?.ext ?? 'unknown'] = (kinds[t?.ext ?? 'unknown'] ?? 0) + 1;
        }
      }),
    );
  }
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ mode, files: files.length, ms, bytesRead, totalSize, kinds, maxRssKb: process.resourceUsage().maxRSS }));
}

async function generate(dir, count) {
  const { makeJpeg, makePng, makeGif, MB } = await import(pathToFileURL(path.join(repo, 'scripts/make-images.mjs')).href);
  // A few distinct images, each written under many names: distinct files, realistic contents.
  const templates = [
    ['jpg', makeJpeg({ width: 1280, height: 960, quality: 80, seed: 1, amplitude: 60 })],
    ['jpg', makeJpeg({ width: 856, height: 540, quality: 80, seed: 2, amplitude: 50 })],
    ['jpg', makeJpeg({ width: 640, height: 480, quality: 75, seed: 3, amplitude: 40, appSegments: 2 })],
    ['png', makePng({ width: 800, height: 600, seed: 4, amplitude: 30 })],
    ['gif', makeGif({ width: 320, height: 240, seed: 5 })],
    ['jpg', makeJpeg({ width: 1000, height: 700, quality: 80, seed: 6, padTo: 3.5 * MB })],
    ['png', makePng({ width: 1200, height: 900, level: 1, fast: true, padTo: 6 * MB })],
  ];
  const weights = [400, 200, 100, 150, 100, 40, 10];
  let n = 0;
  for (let t = 0; t < templates.length && n < count; t++) {
    const [ext, buf] = templates[t];
    const share = t === templates.length - 1 ? count - n : Math.round((weights[t] / 1000) * count);
    for (let i = 0; i < share && n < count; i++, n++) writeFileSync(path.join(dir, `img-${String(n).padStart(4, '0')}.${ext}`), buf);
  }
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1], args[2]);
  const count = Number(args[args.indexOf('--files') + 1]) || 1000;
  const keep = args.includes('--keep');
  if (!readdirSync(path.join(repo, 'dist', 'facts')).includes('images.js')) throw new Error('run `npx tsc -p tsconfig.json` first');

  const dir = mkdtempSync(path.join(os.tmpdir(), 'icp-bench-images-'));
  mkdirSync(dir, { recursive: true });
  await generate(dir, count);
  const runs = [];
  try {
    for (const mode of ['inspect', 'read-whole']) {
      // Drop nothing from the page cache: both runs see warm files, so the difference is the work done.
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, dir], { encoding: 'utf8' });
      const wall = performance.now() - t0;
      if (r.status !== 0) throw new Error(r.stderr);
      runs.push({ ...JSON.parse(r.stdout), wallMs: wall });
    }
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
  const mb = (n) => (n / 1024 / 1024).toFixed(1);
  console.log(`${count} image files, ${mb(runs[0].totalSize)} MB on disk (node ${process.version}, ${os.cpus().length} CPUs)`);
  for (const r of runs) {
    console.log(
      `${r.mode.padEnd(10)} whole process ${r.wallMs.toFixed(0).padStart(6)} ms | inspection ${r.ms.toFixed(0).padStart(6)} ms | peak RSS ${mb(r.maxRssKb * 1024).padStart(6)} MB | read ${mb(r.bytesRead).padStart(8)} MB | ${JSON.stringify(r.kinds)}`,
    );
  }
  if (keep) console.log(`files kept in ${dir}`);
}

await main();
