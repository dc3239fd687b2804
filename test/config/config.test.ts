// icp-check.config.yaml: found from the working folder upwards (not above a .git folder), or named by
// --config; the command line wins over it and it wins over the defaults; its mistakes are reported
// with file:line:column and exit 2.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { check } from '../../src/api.js';
import { discoverConfig, parseConfig } from '../../src/config/load.js';
import { REPO, runBin } from '../cli/run-bin.js';

function tree(): { root: string; repo: string; deep: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'icp-check-config-'));
  const repo = path.join(root, 'agency');
  const deep = path.join(repo, 'filings', 'acme');
  mkdirSync(path.join(repo, '.git'), { recursive: true });
  mkdirSync(deep, { recursive: true });
  return { root, repo, deep };
}

const printed = (stdout: string) => YAML.parse(stdout) as Record<string, unknown>;

describe('discovery', () => {
  it('finds the nearest config at or above the working folder', () => {
    const { repo, deep } = tree();
    writeFileSync(path.join(repo, 'icp-check.config.yaml'), 'lang: zh\n');
    expect(discoverConfig(deep)).toBe(path.join(repo, 'icp-check.config.yaml'));
    writeFileSync(path.join(deep, 'icp-check.config.yaml'), 'lang: en\n');
    expect(discoverConfig(deep)).toBe(path.join(deep, 'icp-check.config.yaml'));
  });

  it('stops at the folder holding .git', () => {
    const { root, deep } = tree();
    writeFileSync(path.join(root, 'icp-check.config.yaml'), 'lang: zh\n');
    expect(discoverConfig(deep)).toBeUndefined();
  });

  it('--config names another file, --no-config reads none', () => {
    const { repo, deep } = tree();
    writeFileSync(path.join(repo, 'icp-check.config.yaml'), 'lang: zh\n');
    writeFileSync(path.join(repo, 'other.yaml'), 'format: junit\n');
    const env = { LANG: 'en_US.UTF-8' };
    expect(printed(runBin(['--print-config'], { cwd: deep, env }).stdout)).toMatchObject({ lang: 'zh', format: 'pretty' });
    expect(printed(runBin(['--print-config', '--config', '../../other.yaml'], { cwd: deep, env }).stdout)).toMatchObject({ lang: 'en', format: 'junit' });
    expect(printed(runBin(['--print-config', '--no-config'], { cwd: deep, env }).stdout)).toMatchObject({ lang: 'en', format: 'pretty' });
  });
});

describe('precedence: command line over config over defaults', () => {
  it('merges every source and resolves the config’s paths from its folder', () => {
    const { repo, deep } = tree();
    writeFileSync(
      path.join(repo, 'icp-check.config.yaml'),
      ['lang: zh', 'format: markdown', 'offline: true', 'whoisTimeout: 3s', 'cacheDir: .cache/whois', 'maxWarnings: 5', 'approvedSuffixes: [example]', ''].join('\n'),
    );
    const r = runBin(['--print-config', '--lang', 'en', '--max-warnings', '0', '--tld-list', 'extra.txt'], { cwd: deep });
    expect(r.code).toBe(0);
    const s = printed(r.stdout);
    expect(s).toMatchObject({
      lang: 'en', // command line
      maxWarnings: 0, // command line, even though 0
      format: 'markdown', // config
      offline: true,
      whoisTimeout: 3000,
      cacheDir: path.join(repo, '.cache', 'whois'),
      approvedSuffixes: ['example'],
      tldList: path.join(deep, 'extra.txt'),
      strict: false, // default
      cache: true,
      sarifNotes: false,
    });
    expect(r.stdout).toContain(`over ${path.join(repo, 'icp-check.config.yaml')} over the defaults`);
  });

  it('the config sets the run: format and language of a real check', () => {
    const { repo } = tree();
    writeFileSync(path.join(repo, 'icp-check.config.yaml'), 'format: json\nlang: zh\noffline: true\ndate: 2026-11-26\n');
    const manifest = path.join(REPO, 'examples/tianjin-enterprise-problems/manifest.yaml');
    const r = runBin([manifest], { cwd: repo });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { date: string; filings: Array<{ findings: Array<{ message: string }> }> };
    expect(report.date).toBe('2026-11-26');
    expect(report.filings[0]!.findings[0]!.message).toMatch(/[\u4e00-\u9fff]/);
    // The command line wins.
    const en = runBin([manifest, '--format', 'pretty', '--lang', 'en', '-q'], { cwd: repo });
    expect(en.stdout).toContain('BLOCKED');
  });

  it('the API reads the config of its cwd too, and its own options win', async () => {
    const { repo } = tree();
    cpSync(path.join(REPO, 'examples/guangdong-enterprise'), path.join(repo, 'gd'), { recursive: true });
    const text = readFileSync(path.join(repo, 'gd', 'manifest.yaml'), 'utf8').replaceAll('阿里云计算有限公司（万网）', 'Example Registrar Ltd');
    writeFileSync(path.join(repo, 'gd', 'manifest.yaml'), text);
    const registrarStatus = async (options: Parameters<typeof check>[1]) => {
      const report = await check('gd/manifest.yaml', { cwd: repo, offline: true, date: '2026-11-26', ...options });
      return report.filings[0]!.findings.filter((f) => f.rule === 'whois/registrar-approved').map((f) => f.status);
    };
    expect(await registrarStatus({})).toEqual(['unknown', 'unknown']);
    writeFileSync(path.join(repo, 'icp-check.config.yaml'), 'registrars:\n  - name: Example Registrar Ltd\n');
    expect(await registrarStatus({})).toEqual(['pass', 'pass']);
    expect(await registrarStatus({ config: false })).toEqual(['unknown', 'unknown']);
    expect(await registrarStatus({ config: false, registrars: [{ name: 'example registrar ltd.', foreign: true, approved: false }] })).toEqual(['fail', 'fail']);
  });
});

describe('mistakes in the config', () => {
  it('names each unknown key and wrong value with its line and column, and exits 2', () => {
    const { repo } = tree();
    writeFileSync(
      path.join(repo, 'icp-check.config.yaml'),
      ['lang: zh', 'formt: json', 'concurrency: 0', 'accept:', '  - rule: domain/suffix-approved', '    reson: typo', '    until: 2027-02-30', ''].join('\n'),
    );
    const r = runBin(['examples/guangdong-enterprise/manifest.yaml'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr
      .replace(/^icp-check: /, '')
      .trimEnd()
      .split('\n');
    expect(lines).toEqual([
      'icp-check.config.yaml:2:1: error: formt: Unknown key "formt"; did you mean "format"?',
      'icp-check.config.yaml:3:1: error: concurrency: Too small: expected number to be >=1',
      'icp-check.config.yaml:5:5: error: accept[0].reason: a value is required here (string)',
      'icp-check.config.yaml:6:5: error: accept[0].reson: Unknown key "reson"',
      'icp-check.config.yaml:7:5: error: accept[0].until: expected a real calendar date',
    ]);
  });

  it('reports a YAML syntax error at its place, and a missing --config file', () => {
    expect(() => parseConfig('lang: zh\nformat: [json\n', path.join(process.cwd(), 'c.yaml'))).toThrow(/^c\.yaml:3:1: error: /);
    const r = runBin(['--config', 'no-such.yaml', 'examples/guangdong-enterprise/manifest.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^icp-check: config .*no-such\.yaml: no such file\n$/);
  });
});

describe('the example config', () => {
  it('is a valid config', () => {
    const file = path.join(REPO, 'examples/ci/icp-check.config.yaml');
    const config = parseConfig(readFileSync(file, 'utf8'), file);
    expect(config.lang).toBe('zh');
    expect(config.whoisTimeout).toBe(15_000);
    expect(config.accept?.[0]).toMatchObject({ rule: 'whois/privacy', files: 'filings/tianjin/**/*.yaml', until: '2027-03-31' });
  });
});
