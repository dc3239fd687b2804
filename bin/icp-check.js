#!/usr/bin/env node
// A few lines: run main(), set the exit code, and turn any internal failure into one line and exit 2.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const OTHER_COMMANDS = new Set(['init', 'rules', 'explain', 'update-rdap-bootstrap', 'schema', 'help', '--help', '-h']);
const missing = () => {
  process.stderr.write('icp-check: the build is missing (dist/); run `npm install` or `npm run build` in the icp-check folder\n');
  process.exit(2);
};

if (args.length === 1 && (args[0] === '--version' || args[0] === '-v' || args[0] === '-V')) {
  // Answered without loading the checker.
  const { versionLine } = await import('../dist/version.js').catch(missing);
  process.stdout.write(`${versionLine()}\n`);
} else {
  // The CLI's own, once it is loaded (it exports the same function as dist/version.js).
  let versionLine;
  // A message may quote a file name: no control or bidi character reaches the terminal.
  const clean = (text) => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  const report = (err, version) => {
    process.stderr.write(`icp-check: internal error: ${clean(err instanceof Error ? err.message : String(err))} (${version})\n`);
    if (verbose && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    process.exit(2);
  };
  const die = (err) => {
    if (versionLine) report(err, versionLine());
    // A failure before the CLI was loaded: the version from the small module that says it.
    else
      import('../dist/version.js').then(
        (v) => report(err, v.versionLine()),
        () => report(err, 'icp-check'),
      );
  };
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (err) => (err.code === 'EPIPE' ? process.exit(process.exitCode ?? 0) : die(err)));
  process.on('uncaughtException', die);
  process.on('unhandledRejection', die);
  // The bundle (scripts/bundle.js) through V8's code cache; the modules of dist/ where there is none.
  const bundle = fileURLToPath(new URL('../dist/bundle/cli.cjs', import.meta.url));
  let main;
  let save = () => {};
  try {
    if (existsSync(bundle) && process.env.ICP_CHECK_BUNDLE !== 'off') {
      const { loadBundle } = await import('./code-cache.js');
      const loaded = loadBundle(bundle);
      ({ main, versionLine } = loaded.exports);
      save = loaded.save;
    } else {
      ({ main, versionLine } = await import('../dist/cli.js'));
    }
  } catch (err) {
    if (!existsSync(fileURLToPath(new URL('../dist/cli.js', import.meta.url)))) missing();
    die(err);
  }
  // Only a check that reached its verdict (0 or 1) writes the code cache: it holds the functions
  // compiled by then, and one written by `schema`, `--help` or a refused manifest would leave every
  // later check to compile most of the checker again (a cache, once there, is not rewritten).
  const otherCommand = args.some((a) => OTHER_COMMANDS.has(a));
  main?.(args).then((code) => {
    process.exitCode = code;
    if (!otherCommand && (code === 0 || code === 1)) save();
  }, die);
}
