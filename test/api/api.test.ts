// The Node API: the README's example run as a user's script would run it, and each export in-process.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, exitCode, explain, formatReport, loadManifest, rules, UsageError } from '../../src/api.js';
import { REPO } from '../cli/run-bin.js';
import { readmeApiExample } from './readme-example.js';

const DATE = '2026-11-26';

describe('the README example', () => {
  it('runs against the built package, imported by its name', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'icp-check-api-'));
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(REPO, path.join(dir, 'node_modules', 'icp-check'), 'dir');
    const script = path.join(dir, 'example.mjs');
    writeFileSync(script, readmeApiExample());
    const r = spawnSync(process.execPath, [script], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      'examples/beijing-individual/manifest.yaml: ready (0 to fix)',
      'examples/guangdong-enterprise/manifest.yaml: ready (0 to fix)',
      'examples/tianjin-enterprise-problems/manifest.yaml: blocked (11 to fix)',
      '# ICP filing pre-flight report',
    ]);
    expect(r.status).toBe(1);
  });
});

describe('check', () => {
  it('returns the JSON report of files, relative to the given folder', async () => {
    const report = await check('examples/guangdong-enterprise/manifest.yaml', { cwd: REPO, offline: true, date: DATE });
    expect(report.tool.name).toBe('icp-check');
    expect(report.date).toBe(DATE);
    expect(report.filings).toHaveLength(1);
    expect(report.filings[0]!.verdict).toBe('ready');
    expect(exitCode(report)).toBe(0);
    expect(JSON.parse(formatReport(report, 'json'))).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('checks manifests given as text and as objects, with positions for text', async () => {
    const text = readFileSync(path.join(REPO, 'examples/guangdong-enterprise/manifest.yaml'), 'utf8');
    const broken = text.replace('version: 1', 'version: 1\nprovnce: guangdong');
    const report = await check(
      [
        { manifest: broken, file: path.join(REPO, 'examples/guangdong-enterprise/typo.yaml') },
        { manifest: { version: 1, province: 'beijing' }, file: 'object.yaml' },
      ],
      { offline: true, date: DATE, cwd: REPO },
    );
    const [typo, object] = report.filings;
    expect(typo!.verdict).toBe('invalid');
    const unknown = typo!.findings.find((f) => f.rule === 'manifest/unknown-key');
    expect(unknown).toMatchObject({ path: 'provnce', line: expect.any(Number) });
    expect(object!.file).toBe('object.yaml');
    expect(object!.verdict).toBe('invalid');
    expect(object!.findings.map((f) => f.path)).toContain('entity');
    expect(exitCode(report)).toBe(2);
  });

  it('throws a UsageError for an input that names nothing', async () => {
    await expect(check('no/such/folder', { cwd: REPO, offline: true })).rejects.toBeInstanceOf(UsageError);
  });
});

describe('loadManifest, rules, explain', () => {
  it('loads a manifest or says where it is wrong', async () => {
    const ok = await loadManifest(path.join(REPO, 'examples/beijing-individual/manifest.yaml'));
    expect(ok.ok && ok.manifest.province).toBe('京');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'icp-check-api-load-'));
    writeFileSync(path.join(dir, 'm.yaml'), 'version: 1\nprovince: beijing\nentity: 3\n');
    const bad = await loadManifest(path.join(dir, 'm.yaml'), { lang: 'zh' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.findings[0]).toMatchObject({ rule: 'manifest/schema', path: 'entity', line: 3 });
  });

  it('lists every rule once, sorted, with words in the chosen language', () => {
    const list = rules({ lang: 'zh' });
    const ids = list.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    const tianjin = list.find((r) => r.id === 'province/tianjin/admin-differs-from-principal');
    expect(tianjin?.province).toBe('tianjin');
    expect(tianjin?.title).toMatch(/[\u4e00-\u9fff]/);
  });

  it('explains a rule, and names close ids for a typo', () => {
    expect(explain('entity/certificate-number').split('\n')[0]).toBe('entity/certificate-number');
    expect(() => explain('entity/certificate-numbr')).toThrow(/did you mean: entity\/certificate-number/);
  });
});
