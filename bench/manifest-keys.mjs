#!/usr/bin/env node
// Times loading a manifest of about 1 MiB made of many small keys (186,000 in the default shape),
// the worst case for the duplicate-key check, with the built modules (`npm run build` first).
// The check is one pass over the document; it once compared every key with every other.
//
//   node bench/manifest-keys.mjs [--bytes 1048576] [--repeat 3]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const bytes = arg('--bytes', 1024 * 1024);
const repeat = arg('--repeat', 3);
const { loadManifest } = await import(pathToFileURL(path.join(repo, 'dist/manifest/load.js')).href);

// Two shapes: many small flow mappings of one-letter keys (most keys per mebibyte), and one
// mapping of short distinct keys (the worst case for a check that compares keys pairwise).
const letters = 'abcdefghijklmnopqrstuvwxyz';
const shapes = {
  'flow mappings': () => {
    let text = 'version: 1\nentity:\n  type: individual\nx:\n';
    let keys = 0;
    while (text.length < bytes - 200) {
      text += `  - {${[...letters].map((l) => `${l}: 1`).join(', ')}}\n`;
      keys += letters.length;
    }
    return { text: `${text}  - {a: 1, a: 2}\n`, keys: keys + 2 };
  },
  'one mapping': () => {
    let text = 'version: 1\nentity:\n  type: individual\nx:\n';
    let keys = 0;
    while (text.length < bytes - 200) text += `  k${(keys++).toString(36)}: 1\n`;
    return { text: `${text}  k0: 2\n`, keys: keys + 1 };
  },
};
const dir = mkdtempSync(path.join(os.tmpdir(), 'icp-bench-keys-'));
for (const [shape, make] of Object.entries(shapes)) {
  const { text, keys } = make();
  const file = path.join(dir, 'manifest.yaml');
  writeFileSync(file, text);
  const times = [];
  let result;
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    result = await loadManifest(file);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const found = result.ok ? 'no problem found' : result.findings.map((f) => f.args?.detail ?? f.rule).join('; ');
  console.log(`${shape}: ${(text.length / 1024).toFixed(0)} KiB, ${keys} keys: median ${times[Math.floor(times.length / 2)].toFixed(0)} ms over ${repeat} runs (${found})`);
}
rmSync(dir, { recursive: true, force: true });
