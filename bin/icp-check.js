#!/usr/bin/env node
// A few lines: run main(), set the exit code, and turn any internal failure into one line and exit 2.
import { main, versionLine } from '../dist/cli.js';

const verbose = process.argv.includes('--verbose');
const die = (err) => {
  process.stderr.write(`icp-check: internal error: ${err instanceof Error ? err.message : String(err)} (${versionLine()})\n`);
  if (verbose && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  process.exit(2);
};
process.on('uncaughtException', die);
process.on('unhandledRejection', die);

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, die);
