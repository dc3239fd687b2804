// Where --output writes: decided by real path before the run, written atomically to files and in
// place to pipes and devices, refused with a clear message otherwise.
import { execFileSync, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appendStepSummary, prepareOutput, writeOutput } from '../../src/commands/output.js';
import { UsageError } from '../../src/errors.js';
import { REPO } from '../cli/run-bin.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'icp-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);

writeFileSync(at('manifest.yaml'), 'version: 1\n');
mkdirSync(at('real'));
writeFileSync(at('real/other.yaml'), 'version: 1\n');
symlinkSync('real', at('alias'));
symlinkSync('manifest.yaml', at('link.yaml'));
symlinkSync('nothing-here.txt', at('dangling.txt'));
const inputs = new Set([at('manifest.yaml'), at('real/other.yaml')]);

describe('prepareOutput', () => {
  it('standard output when none is named, or /dev/stdout', async () => {
    expect(await prepareOutput(undefined, inputs)).toEqual({ kind: 'stdout' });
    expect(await prepareOutput('/dev/stdout', inputs)).toEqual({ kind: 'stdout' });
  });

  it('refuses any name that leads to an input: the file, a link to it, a linked folder', async () => {
    for (const name of [at('manifest.yaml'), at('link.yaml'), at('alias/other.yaml')]) {
      await expect(prepareOutput(name, inputs)).rejects.toThrow(/is one of the files being checked/);
    }
  });

  it('refuses a folder, a missing folder and a link to nothing, as usage errors', async () => {
    await expect(prepareOutput(at('real'), inputs)).rejects.toThrow(UsageError);
    await expect(prepareOutput(at('real'), inputs)).rejects.toThrow(/is a folder/);
    await expect(prepareOutput(at('missing/report.txt'), inputs)).rejects.toThrow(/does not exist/);
    await expect(prepareOutput(at('dangling.txt'), inputs)).rejects.toThrow(/symbolic link to a file that does not exist/);
  });

  it('a new file in an existing folder is a file target at its real path', async () => {
    expect(await prepareOutput(at('alias/report.txt'), inputs)).toMatchObject({ kind: 'file', real: path.join(dir, 'real', 'report.txt') });
  });

  it('a FIFO or a device is written in place', async () => {
    execFileSync('mkfifo', [at('out.fifo')]);
    expect(await prepareOutput(at('out.fifo'), inputs)).toMatchObject({ kind: 'stream' });
    expect(await prepareOutput('/dev/null', inputs)).toMatchObject({ kind: 'stream', real: '/dev/null' });
  });
});

describe('writeOutput', () => {
  it('replaces a file atomically, in pieces, and leaves no temporary file', async () => {
    const target = await prepareOutput(at('report.txt'), inputs);
    await writeOutput(target, ['a', 'b'.repeat(2 << 20), 'c']);
    expect(readFileSync(at('report.txt'), 'utf8')).toBe(`a${'b'.repeat(2 << 20)}c`);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes through a link to the file it names, keeping the link', async () => {
    writeFileSync(at('real/target.txt'), 'old');
    symlinkSync('real/target.txt', at('to-target.txt'));
    await writeOutput(await prepareOutput(at('to-target.txt'), inputs), ['new']);
    expect(lstatSync(at('to-target.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(at('real/target.txt'), 'utf8')).toBe('new');
  });

  it('a failure is a usage error that names the file, and leaves no temporary file', async () => {
    const target = { kind: 'file' as const, written: 'gone/report.txt', real: at('gone/report.txt') };
    await expect(writeOutput(target, ['x'])).rejects.toThrow(/could not write the report to gone\/report.txt: no such file or folder/);
  });
});

describe('appendStepSummary', () => {
  it('appends, or returns a warning instead of failing', async () => {
    expect(await appendStepSummary(at('summary.md'), '# ok\n')).toBeUndefined();
    expect(readFileSync(at('summary.md'), 'utf8')).toBe('# ok\n');
    expect(await appendStepSummary(at('real'), 'x')).toMatch(/a folder, not a file/);
    expect(await appendStepSummary(at('missing/summary.md'), 'x')).toMatch(/no such file or folder/);
  });
});

describe('Ctrl-C while writing', () => {
  it('removes the temporary file, leaves the old report, says so and ends as interrupted', () => {
    const out = at('interrupted.json');
    writeFileSync(out, 'old');
    // A process of its own (the handler ends it): the report's pieces send SIGINT half-way.
    const script = `
      const { prepareOutput, writeOutput } = await import(${JSON.stringify(path.join(REPO, 'dist/commands/output.js'))});
      const target = await prepareOutput(${JSON.stringify(out)}, new Set());
      function* pieces() {
        yield 'x'.repeat(2 << 20);
        process.kill(process.pid, 'SIGINT');
        for (let i = 0; i < 1000; i++) yield 'y'.repeat(2 << 20);
      }
      await writeOutput(target, pieces());
      console.log('finished');`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).not.toContain('finished');
    expect(r.status).toBe(130);
    expect(r.stderr).toContain('icp-check: interrupted;');
    expect(r.stderr).toContain('interrupted.json was left as it was');
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
