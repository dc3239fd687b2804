#!/usr/bin/env node
// A few lines: run main(), set the exit code, and turn any internal failure into one line and exit 2.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const { versionLine } = await import('../dist/version.js').catch(() => {
  process.stderr.write('icp-check: the build is missing (dist/); run `npm install` or `npm run build` in the icp-check folder\n');
  process.exit(2);
});

if (args.length === 1 && (args[0] === '--version' || args[0] === '-v' || args[0] === '-V')) {
  // Answered without loading the checker.
  process.stdout.write(`${versionLine()}\n`);
} else {
  // A message may quote a file name: no control or bidi character reaches the terminal.
  const clean = (text) => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  const die = (err) => {
    process.stderr.write(`icp-check: internal error: ${clean(err instanceof Error ? err.message : String(err))} (${versionLine()})\n`);
    if (verbose && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    process.exit(2);
  };
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (err) => (err.code === 'EPIPE' ? process.exit(process.exitCode ?? 0) : die(err)));
  process.on('uncaughtException', die);
  process.on('unhandledRejection', die);
  // The bundle (scripts/bundle.js) through V8's code cache; the modules of dist/ where there is none.
  const bundle = fileURLToPath(new URL('../dist/bundle/cli.cjs', import.meta.url));
  let main;
  let save = () => {};
  if (existsSync(bundle) && process.env.ICP_CHECK_BUNDLE !== 'off') {
    const { loadBundle } = await import('./code-cache.js');
    const loaded = loadBundle(bundle);
    main = loaded.exports.main;
    save = loaded.save;
  } else {
    ({ main } = await import('../dist/cli.js'));
  }
  main(args).then((code) => {
    process.exitCode = code;
    save();
  }, die);
}
