// The package as a user installs it without the npm registry hosting it: `npm pack`, then
// `npm install -g --omit=dev` of the tarball into a fresh prefix, run from another folder.
// Installing the tarball's dependencies needs the npm registry (or a warm npm cache); when neither
// answers, the install tests are skipped and the reason is in their title.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../cli/run-bin.js';
import { readmeApiExample } from '../api/readme-example.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const version = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'icp-check-install-'));
const prefix = path.join(tmp, 'prefix');
const elsewhere = path.join(tmp, 'elsewhere');
const tarball = path.join(tmp, `icp-check-${version}.tgz`);
const binOf = (p: string) => (process.platform === 'win32' ? path.join(p, 'icp-check.cmd') : path.join(p, 'bin', 'icp-check'));
const installedDir = path.join(prefix, process.platform === 'win32' ? '' : 'lib', 'node_modules', 'icp-check');

function npm(args: string[], cwd: string, timeout = 60_000) {
  const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  return spawnSync(NPM, args, { cwd, env, encoding: 'utf8', timeout });
}

const ping = npm(['ping', '--fetch-timeout=15000', '--fetch-retries=0'], tmp, 30_000);
const registryReason = ping.status === 0 ? '' : ` (skipped: the npm registry did not answer \`npm ping\`: ${(ping.stderr || ping.error?.message || '').trim().split('\n').pop()})`;

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm pack', () => {
  let files: string[] = [];
  beforeAll(() => {
    // The build is already there (tests run after `npm run build`); packing must not rebuild it under other tests' feet.
    const r = npm(['pack', REPO, '--ignore-scripts', '--pack-destination', tmp], tmp);
    expect(r.status, r.stderr).toBe(0);
    const list = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
    files = list.stdout.split('\n').filter(Boolean);
  });

  it('ships the licence, the build and the schemas, and no source maps or sources', () => {
    expect(files).toContain('package/LICENSE');
    expect(files).toContain('package/bin/icp-check.js');
    expect(files).toContain('package/dist/cli.js');
    expect(files).toContain('package/dist/regulations.json');
    expect(files).toContain('package/dist/api.js');
    expect(files).toContain('package/dist/types/api.d.ts');
    expect(files).toContain('package/schema/icp-manifest.schema.json');
    expect(files).toContain('package/schema/icp-report.schema.json');
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('package/src/') || f.startsWith('package/test/'))).toEqual([]);
  });

  it(`installs with --omit=dev into a fresh prefix and runs an example from another folder${registryReason}`, { timeout: 600_000 }, (ctx) => {
    if (registryReason) ctx.skip();
    mkdirSync(elsewhere, { recursive: true });
    const install = npm(['install', '-g', '--prefix', prefix, '--omit=dev', '--prefer-offline', tarball], elsewhere, 540_000);
    expect(install.status, `${install.stdout}\n${install.stderr}`).toBe(0);
    // Nothing of the build tool chain came along: the tarball carries dist/ and never builds.
    expect(existsSync(path.join(installedDir, 'node_modules', 'typescript'))).toBe(false);
    expect(existsSync(path.join(installedDir, 'dist', 'cli.js'))).toBe(true);

    const manifest = path.join(REPO, 'examples', 'guangdong-enterprise', 'manifest.yaml');
    const run = spawnSync(binOf(prefix), [manifest, '--offline', '--date', '2026-11-26', '--format', 'json'], {
      cwd: elsewhere,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', CI: '1' },
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { tool: { version: string }; filings: Array<{ verdict: string; file: string }> };
    expect(report.tool.version).toBe(version);
    expect(report.filings.map((f) => f.verdict)).toEqual(['ready']);

    const v = spawnSync(binOf(prefix), ['--version'], { cwd: elsewhere, encoding: 'utf8' });
    expect(v.stdout).toMatch(new RegExp(`^icp-check ${version.replace(/\./g, '\\.')} `));

    // The Node API of the installed copy, imported by name from a project beside it, with its types.
    const project = path.join(tmp, 'project');
    mkdirSync(path.join(project, 'node_modules'), { recursive: true });
    symlinkSync(installedDir, path.join(project, 'node_modules', 'icp-check'), 'dir');
    writeFileSync(path.join(project, 'example.mjs'), readmeApiExample());
    const api = spawnSync(process.execPath, [path.join(project, 'example.mjs')], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
    expect(api.stderr).toBe('');
    expect(api.stdout).toContain('examples/tianjin-enterprise-problems/manifest.yaml: blocked');
    writeFileSync(
      path.join(project, 'typed.ts'),
      "import { check, type Report } from 'icp-check';\nconst r: Report = await check('x.yaml', { offline: true, lang: 'zh' });\nexport const n: number = r.filings.length;\n",
    );
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
          typeRoots: [path.join(REPO, 'node_modules', '@types')],
        },
        files: ['typed.ts'],
      }),
    );
    writeFileSync(path.join(project, 'package.json'), '{"type":"module"}\n');
    const tsc = spawnSync(process.execPath, [path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], { encoding: 'utf8', timeout: 120_000 });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});
