import { mkdtempSync, readFileSync, writeFileSync, statSync, existsSync, mkdirSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runBin } from './run-bin.js';

const fixture = (name: string) => `test/fixtures/cli/${name}/manifest.yaml`;
const DATE = ['--date', '2026-11-26'];

interface Case {
  name: string;
  args: string[];
  exitCode: number;
  stdout?: Array<string | RegExp>;
  stderr?: Array<string | RegExp>;
  notStdout?: Array<string | RegExp>;
}

const cases: Case[] = [
  { name: 'version', args: ['--version'], exitCode: 0, stdout: [/^icp-check \d+\.\d+\.\d+ \(rules of 2019-08-06; node [\d.]+\)$/m] },
  { name: 'help lists the commands', args: ['--help'], exitCode: 0, stdout: ['check [options] [inputs...]', 'schema', 'Exit codes', '--max-warnings <n>', '--config <file>'] },
  {
    name: 'the ready Guangdong example',
    args: ['examples/guangdong-enterprise/manifest.yaml', '--offline', ...DATE],
    exitCode: 0,
    stdout: ['READY', '0 to fix', 'Checks passed', /✓ Entity \d+/, '--verbose'],
    notStdout: ['Credit code 91440300MA5F00001A is well formed'],
  },
  {
    name: 'the ready Guangdong example, every check with --verbose',
    args: ['examples/guangdong-enterprise/manifest.yaml', '--offline', '--verbose', ...DATE],
    exitCode: 0,
    stdout: ['READY', 'Credit code 91440300MA5F00001A is well formed', 'Documents to prepare', 'Passed'],
  },
  {
    name: 'the individual Beijing example',
    args: ['examples/beijing-individual/manifest.yaml', '--offline', ...DATE],
    exitCode: 0,
    stdout: ['Beijing', 'READY'],
  },
  {
    name: 'the Tianjin example lists its problems with fixes',
    args: ['examples/tianjin-enterprise-problems/manifest.yaml', '--offline', ...DATE],
    exitCode: 1,
    stdout: [
      'BLOCKED',
      'the check character does not match the other 17',
      'expired on 2026-08-01',
      'the same mobile number must not appear',
      'also required by person/mobile-shared',
      '→ ',
    ],
    notStdout: ['share the mobile number 13612345678', 'should be'],
  },
  {
    name: 'a YAML syntax error gives file:line:col',
    args: [fixture('yaml-syntax')],
    exitCode: 2,
    stdout: [/test\/fixtures\/cli\/yaml-syntax\/manifest\.yaml:4:9: error: YAML error: Nested mappings are not allowed/],
  },
  {
    name: 'a wrong type names the path, line and column',
    args: [fixture('wrong-type')],
    exitCode: 2,
    stdout: [/wrong-type\/manifest\.yaml:12:5: error: instances\[0\]\.publicBandwidthMbps: expected number/],
  },
  {
    name: 'an unknown key is named with a suggestion',
    args: [fixture('unknown-key')],
    exitCode: 2,
    stdout: [/unknown-key\/manifest\.yaml:10:5: error: websites\[0\]\.domian: Unknown key "domian"; did you mean "domains"\?/],
  },
  {
    name: 'schema errors deep in lists',
    args: [fixture('schema-path')],
    exitCode: 2,
    stdout: [/schema-path\/manifest\.yaml:12:32: error: websites\[1\]\.domains\[1\]: expected string, got number 42/, /websites\[1\]\.content\[0\]: expected one of/],
  },
  {
    name: 'an unknown province lists the accepted forms',
    args: [fixture('unknown-province')],
    exitCode: 2,
    stdout: ['Unknown province "Atlantis"', 'guangdong (广东省, 44, GD, 粤)'],
  },
  { name: 'an empty manifest', args: [fixture('empty')], exitCode: 2, stdout: ['The manifest is empty', 'icp-check init'] },
  { name: 'a list at the top', args: [fixture('top-level-list')], exitCode: 2, stdout: ['The top level of the manifest is a list'] },
  { name: 'a missing manifest', args: ['test/fixtures/cli/nope/manifest.yaml'], exitCode: 2, stderr: ['no such file'] },
  {
    name: 'an unquoted 18-digit ID number keeps its digits',
    args: [fixture('unquoted-id'), '--offline', '--verbose', ...DATE],
    exitCode: 1,
    stdout: ['number is well formed (born 1992-02-02'],
  },
  { name: 'a bad --date', args: [fixture('unquoted-id'), '--date', '2026-02-30'], exitCode: 2, stderr: ["option '--date <YYYY-MM-DD>' argument '2026-02-30' is invalid"] },
  { name: 'a bad --format', args: [fixture('unquoted-id'), '--format', 'xml'], exitCode: 2, stderr: ['Allowed choices are'] },
  { name: 'an unknown option', args: [fixture('unquoted-id'), '--stirct'], exitCode: 2, stderr: ['--strict'] },
  {
    name: 'six prefixes of a Guangdong individual demand a plan for each domain, listed together',
    args: [fixture('guangdong-six-prefixes'), '--offline', '--quiet', ...DATE],
    exitCode: 1,
    stdout: ['✗ Website construction plan — lisi-a.cn, lisi-b.cn, lisi-c.cn, lisi-d.cn, lisi-e.cn, lisi-f.cn missing', 'province/guangdong/website-construction-plan'],
    notStdout: ['Letter of guarantee'],
  },
  {
    name: 'Chinese output',
    args: ['examples/tianjin-enterprise-problems/manifest.yaml', '--offline', '--lang', 'zh', ...DATE],
    exitCode: 1,
    stdout: ['不能提交', '校验码与前 17 位不符', '需准备的材料'],
  },
  {
    name: '--quiet prints failures and the summary only',
    args: ['examples/tianjin-enterprise-problems/manifest.yaml', '--offline', '--quiet', ...DATE],
    exitCode: 1,
    stdout: ['✗', 'to fix'],
    notStdout: ['✓', '! '],
  },
];

describe('icp-check command line', () => {
  it.each(cases)('$name', (c) => {
    const r = runBin(c.args);
    for (const s of c.stdout ?? []) expect(r.stdout).toMatch(s);
    for (const s of c.stderr ?? []) expect(r.stderr).toMatch(s);
    for (const s of c.notStdout ?? []) expect(r.stdout).not.toMatch(s);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // never a stack trace
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(c.exitCode);
  });

  it('reads LANG for the default language', () => {
    const r = runBin(['examples/tianjin-enterprise-problems/manifest.yaml', '--offline', ...DATE], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.stdout).toContain('不能提交');
  });

  it('refuses a manifest over 1 MiB', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'icp-large-'));
    const file = path.join(dir, 'manifest.yaml');
    writeFileSync(file, `version: 1\n# ${'x'.repeat(1024 * 1024)}\n`);
    const r = runBin([file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('the limit is 1048576 bytes');
  });

  it('says so when a folder holds no manifest', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'icp-dir-'));
    mkdirSync(path.join(dir, 'manifest.yaml'));
    const r = runBin([path.join(dir, 'manifest.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no manifests found');
  });

  it('--strict turns warnings into exit 1', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'icp-strict-'));
    cpSync(path.join(REPO, 'examples/beijing-individual'), dir, { recursive: true });
    const file = path.join(dir, 'manifest.yaml');
    // The identity document now expires within three months of the check date: a warning.
    writeFileSync(file, readFileSync(file, 'utf8').replace('expires: 2035-03-01', 'expires: 2027-01-10'));
    const plain = runBin([file, '--offline', ...DATE]);
    expect(plain.stdout).toContain('READY WITH WARNINGS');
    expect(plain.code).toBe(0);
    const strict = runBin([file, '--offline', '--strict', ...DATE]);
    expect(strict.code).toBe(1);
  });

  it('writes --output atomically and prints nothing', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'icp-out-'));
    const out = path.join(dir, 'report.json');
    const r = runBin([fixture('unquoted-id'), '--offline', '--format', 'json', '--output', out, ...DATE]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).filings[0].province).toBe('guangdong');
  });

  it('never writes --output over a manifest being checked', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'icp-same-'));
    cpSync(path.join(REPO, fixture('unquoted-id')), path.join(dir, 'manifest.yaml'));
    const before = readFileSync(path.join(dir, 'manifest.yaml'));
    const mtime = statSync(path.join(dir, 'manifest.yaml')).mtimeMs;
    const r = runBin(['manifest.yaml', '--output', 'manifest.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('would be overwritten');
    expect(readFileSync(path.join(dir, 'manifest.yaml'))).toEqual(before);
    expect(statSync(path.join(dir, 'manifest.yaml')).mtimeMs).toBe(mtime);
  });

  it('prints the JSON Schema, and the build wrote the same one', () => {
    const r = runBin(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.properties.websites).toBeDefined();
    expect(schema.additionalProperties).toBe(false);
    const file = path.join(REPO, 'schema/icp-manifest.schema.json');
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(schema);
  });
});
