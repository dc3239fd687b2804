// What the CLI bundle (scripts/bundle.js) carries: no zod messages in languages other than
// English, no file-type; and what the bin does when it cannot load the checker.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, runBin } from './run-bin.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'icp-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the CLI bundle', () => {
  const source = readFileSync(path.join(REPO, 'dist/bundle/cli.cjs'), 'utf8');

  it("keeps zod's English messages only, and no file-type", () => {
    const zodLocales = [...source.matchAll(/^\/\/ node_modules\/zod\/v4\/locales\/([\w-]+)\.js$/gm)].map((m) => m[1]);
    expect(zodLocales).toEqual(['en']);
    expect(source).not.toMatch(/^\/\/ node_modules\/(file-type|strtok3|@tokenizer)\//m);
  });

  it('words a schema problem with the same English message with and without the bundle', () => {
    const manifest = path.join(dir, 'empty-name.yaml');
    writeFileSync(manifest, 'version: 1\nprovince: beijing\nentity:\n  type: individual\n  name: ""\n  principal:\n    name: 王\n');
    const args = [manifest, '--offline', '--no-cache', '--format', 'json', '--date', '2026-11-26'];
    const bundled = runBin(args);
    const modules = runBin(args, { env: { ICP_CHECK_BUNDLE: 'off' } });
    expect(bundled.code).toBe(2);
    expect(bundled.stdout).toContain('Too small: expected string to have >=1 characters');
    expect(bundled.stdout).toBe(modules.stdout);
  });
});

describe('the bin without its build', () => {
  it('says the build is missing, for a check and for --version, and exits 2', () => {
    const copy = path.join(dir, 'no-build');
    mkdirSync(copy);
    cpSync(path.join(REPO, 'bin'), path.join(copy, 'bin'), { recursive: true });
    for (const args of [['manifest.yaml'], ['--version']]) {
      const r = spawnSync(process.execPath, [path.join(copy, 'bin/icp-check.js'), ...args], { encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^icp-check: the build is missing \(dist\/\)/);
      expect(r.stdout).toBe('');
    }
  });
});

describe('the bundle in ASCII only', () => {
  it('holds no byte beyond ASCII, and escapes mean the characters they stand for', () => {
    const bytes = readFileSync(path.join(REPO, 'dist/bundle/cli.cjs'));
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    // The Chinese wording of a privacy service in WHOIS, and the arrow of the HTML report, as escapes.
    const text = bytes.toString('latin1');
    expect(text).toContain('/\\u9690\\u79c1\\u4fdd\\u62a4/');
    expect(text).toContain('<p class="fix">\\u2192 ');
  });

  it('renders the HTML report with its arrows and Chinese punctuation as the modules do', () => {
    const args = ['examples/tianjin-enterprise-problems/manifest.yaml', '--offline', '--no-cache', '--format', 'html', '--lang', 'zh', '--date', '2026-11-26'];
    const bundled = runBin(args);
    const modules = runBin(args, { env: { ICP_CHECK_BUNDLE: 'off' } });
    expect(bundled.stdout).toContain('→');
    expect(bundled.stdout).toBe(modules.stdout);
  });
});
