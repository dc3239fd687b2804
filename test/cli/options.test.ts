// Options a CI job and a terminal rely on: --max-warnings, - for standard input, colour both ways, -v.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, REPO, runBin } from './run-bin.js';

const DATE = ['--date', '2026-11-26', '--offline', '--no-config'];
const TIANJIN = 'examples/tianjin-enterprise-problems/manifest.yaml';
const GUANGDONG = 'examples/guangdong-enterprise/manifest.yaml';
const ANSI = /\u001b\[\d+m/;

describe('--max-warnings', () => {
  it('fails a run with more warnings and points to confirm than allowed, and only then', () => {
    // The ready Guangdong filing with one warning: a waiver that matches nothing.
    const text = `${readFileSync(path.join(REPO, GUANGDONG), 'utf8')}\naccept:\n  - rule: whois/hold\n    reason: none\n    until: 2027-01-01\n`;
    const cwd = path.join(REPO, 'examples/guangdong-enterprise');
    const plain = runBin(['-', ...DATE, '-q'], { cwd, input: text });
    expect(plain.stdout).toContain('READY WITH WARNINGS');
    expect(plain.code).toBe(0);
    expect(runBin(['-', ...DATE, '-q', '--max-warnings', '1'], { cwd, input: text }).code).toBe(0);
    const over = runBin(['-', ...DATE, '-q', '--max-warnings', '0'], { cwd, input: text });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('1 warning and points to confirm, more than --max-warnings 0');
    expect(runBin([GUANGDONG, ...DATE, '--max-warnings', '-1']).code).toBe(2);
  });

  it('never lowers a blocked run’s exit code', () => {
    expect(runBin([TIANJIN, ...DATE, '-q', '--max-warnings', '1000']).code).toBe(1);
  });
});

describe('- reads one manifest from standard input', () => {
  it('checks it with image paths relative to the working folder', () => {
    const text = readFileSync(path.join(REPO, GUANGDONG), 'utf8');
    const r = runBin(['-', ...DATE, '-q'], { cwd: path.join(REPO, 'examples/guangdong-enterprise'), input: text });
    expect(r.stdout).toContain('<stdin>  Guangdong  READY');
    expect(r.code).toBe(0);
  });

  it('reads at most 1 MiB and says so', () => {
    const r = runBin(['-', ...DATE, '--format', 'json'], { input: `version: 1\n# ${'x'.repeat(1024 * 1024)}\n` });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).filings[0].findings[0].rule).toBe('manifest/too-large');
  });

  it('is named once at most', () => {
    const r = runBin(['-', '-', ...DATE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('- (standard input) can be named once');
  });
});

describe('colour', () => {
  // runBin removes FORCE_COLOR; these runs set the colour variables themselves.
  const run = (args: string[], env: NodeJS.ProcessEnv) => {
    const base: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8', CI: '1' };
    delete base.FORCE_COLOR;
    delete base.NO_COLOR;
    const r = spawnSync(process.execPath, [BIN, GUANGDONG, ...DATE, ...args], { cwd: REPO, env: { ...base, ...env }, encoding: 'utf8', timeout: 60_000 });
    return { stdout: r.stdout };
  };
  it('is off when not writing to a terminal, on with FORCE_COLOR or --color', () => {
    expect(run([], {}).stdout).not.toMatch(ANSI);
    expect(run([], { FORCE_COLOR: '1' }).stdout).toMatch(ANSI);
    expect(run(['--color'], {}).stdout).toMatch(ANSI);
  });

  it('is off with FORCE_COLOR=0, NO_COLOR or --no-color, whatever else asks for it', () => {
    expect(run([], { FORCE_COLOR: '0' }).stdout).not.toMatch(ANSI);
    expect(run([], { FORCE_COLOR: 'false' }).stdout).not.toMatch(ANSI);
    expect(run([], { NO_COLOR: '1' }).stdout).not.toMatch(ANSI);
    expect(run(['--no-color'], { FORCE_COLOR: '1' }).stdout).not.toMatch(ANSI);
    expect(run(['--color'], { FORCE_COLOR: '0' }).stdout).toMatch(ANSI);
  });
});

describe('version', () => {
  it('-v, -V and --version print the version line', () => {
    for (const flag of ['-v', '-V', '--version']) expect(runBin([flag]).stdout).toMatch(/^icp-check \d+\.\d+\.\d+ \(rules of /);
  });
});
