#!/usr/bin/env node
// Runs a Node script in this process and, when it exits, writes the process's peak resident set
// size (KB) to the file named by PEAK_RSS_FILE: a portable stand-in for `/usr/bin/time -v`.
//
//   PEAK_RSS_FILE=/tmp/rss node bench/peak-rss.mjs <script.js> [args...]
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
if (!script) {
  process.stderr.write('usage: node bench/peak-rss.mjs <script> [args...]\n');
  process.exit(2);
}
const out = process.env.PEAK_RSS_FILE;
process.on('exit', () => {
  if (out) writeFileSync(out, String(process.resourceUsage().maxRSS));
});
// The script reads its own arguments from process.argv, as if it had been started directly.
process.argv = [process.argv[0], path.resolve(script), ...args];
await import(pathToFileURL(path.resolve(script)).href);
