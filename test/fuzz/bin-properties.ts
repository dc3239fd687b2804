// The same hostile manifests through the built bin, as CI runs it: every format, an exit code of
// 0, 1 or 2, no internal error or stack trace, no control sequence on stdout or stderr.
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect } from 'vitest';
import { FORMATS } from '../../src/report/formats/index.js';
import { spawnSync } from 'node:child_process';
import { BIN, REPO } from '../cli/run-bin.js';
import { reportValidator } from './check-in-process.js';
import { hostileManifest } from './manifest-arbitraries.js';
import { scratch } from './manifest-properties.js';

// As UNSAFE_TEXT, but a report's own line breaks and tabs are allowed.
const UNSAFE_OUTPUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** As test/cli's runBin, with room for a report quoting a 100,000-character name many times (spawnSync's 1 MiB default kills the child). */
function runBin(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', LC_ALL: '', CI: '1' };
  delete env.GITHUB_ACTIONS;
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, env, input: '', encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function fuzzBin(numRuns: number, seed: number): { cases: number; exitCodes: Record<number, number> } {
  const validate = reportValidator();
  const area = scratch();
  const out = { cases: 0, exitCodes: {} as Record<number, number> };
  try {
    fc.assert(
      fc.property(hostileManifest, fc.constantFrom(...FORMATS), fc.constantFrom('en', 'zh'), ({ bytes, example }, format, lang) => {
        const file = area.fileFor(example);
        writeFileSync(file, bytes);
        const r = runBin([file, '--offline', '--no-cache', '--date', '2026-11-26', '--format', format, '--lang', lang]);
        expect([0, 1, 2], `${r.stderr} (signal or timeout when null)`).toContain(r.code);
        expect(r.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+\)?\n/);
        expect(UNSAFE_OUTPUT.test(r.stdout), `control character on stdout (${format})`).toBe(false);
        expect(UNSAFE_OUTPUT.test(r.stderr), 'control character on stderr').toBe(false);
        if (format === 'json') expect(validate(JSON.parse(r.stdout)), JSON.stringify(validate.errors)).toBe(true);
        out.cases++;
        out.exitCodes[r.code!] = (out.exitCodes[r.code!] ?? 0) + 1;
      }),
      { numRuns, seed, endOnFailure: true },
    );
  } finally {
    area.remove();
  }
  return out;
}
