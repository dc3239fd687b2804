// Every format is written a filing at a time: the text is the same whether the parts that wait for
// the end stay in memory or go to temporary files, the command's streamed output is the same as the
// whole report formatted at once, and JSON and SARIF are exactly what JSON.stringify writes.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/api.js';
import { repositoryRoot } from '../../src/commands/check.js';
import type { Report } from '../../src/model.js';
import { FORMATS, STREAMS } from '../../src/report/formats/index.js';
import type { FormatContext } from '../../src/report/formats/context.js';
import { streamReport } from '../../src/report/formats/stream.js';
import { maskByDefault, maskReport } from '../../src/report/mask.js';
import { ruleIndex } from '../../src/rules/registry.js';
import { REPO_ROOT } from '../fuzz/check-in-process.js';

const run = promisify(execFile);
const BIN = path.join(REPO_ROOT, 'bin/icp-check.js');
const DATE = '2026-11-26';
let dir: string;
let batch: Report;
let examples: Report;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'icp-stream-'));
  // 40 generated filings: eight provinces, both kinds of entity, some with deliberate mistakes.
  await run(process.execPath, [path.join(REPO_ROOT, 'bench/generate-filings.mjs'), '40', path.join(dir, 'batch')]);
  batch = await check([path.join(dir, 'batch')], { offline: true, cache: false, config: false, date: DATE, cwd: REPO_ROOT });
  examples = await check(['examples'], { offline: true, cache: false, config: false, date: DATE, cwd: REPO_ROOT });
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ctxOf = (over: Partial<FormatContext>): FormatContext => ({ lang: 'en', rules: ruleIndex(), cwd: REPO_ROOT, root: REPO_ROOT, ...over });
const VARIANTS: Array<Partial<FormatContext>> = [{}, { lang: 'zh' }, { quiet: true }, { verbose: true, color: true }, { strict: true, quiet: true, notes: true }];

describe('a format streamed through temporary files', () => {
  it('is the same text as kept in memory, for every format and option, on a batch, one filing and none', () => {
    for (const report of [batch, examples, { ...examples, filings: examples.filings.slice(0, 1) }, { ...examples, filings: [] }]) {
      for (const variant of VARIANTS) {
        const ctx = ctxOf(variant);
        for (const format of FORMATS) {
          const inMemory = [...streamReport(STREAMS[format], report, ctx)].join('');
          // One character of memory: every spool goes to disk at its first append.
          const onDisk = [...streamReport(STREAMS[format], report, ctx, 1)].join('');
          expect(onDisk, `${format} ${JSON.stringify(variant)} (${report.filings.length} filings)`).toBe(inMemory);
        }
      }
    }
  });

  it('JSON is JSON.stringify of the report, SARIF re-serialises to itself', () => {
    for (const report of [batch, examples, { ...examples, filings: [] }]) {
      const ctx = ctxOf({});
      expect([...streamReport(STREAMS.json, report, ctx, 1)].join('')).toBe(`${JSON.stringify(report, null, 2)}\n`);
      const sarif = [...streamReport(STREAMS.sarif, report, ctx, 1)].join('');
      const log = JSON.parse(sarif) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; ruleIndex: number }> }> };
      expect(`${JSON.stringify(log, null, 2)}\n`).toBe(sarif);
      // Every result points at its own rule in the list written before the results.
      const { rules } = log.runs[0]!.tool.driver;
      for (const r of log.runs[0]!.results) expect(rules[r.ruleIndex]?.id).toBe(r.ruleId);
    }
    expect(batch.filings.length).toBe(40);
  });
});

describe('the command', () => {
  it.each(FORMATS)(
    'writes %s, filing by filing, as the whole report formatted at once',
    async (format) => {
      const ctx = ctxOf({ root: repositoryRoot(REPO_ROOT) });
      const report = maskByDefault(format) ? maskReport(batch) : batch;
      const whole = [...streamReport(STREAMS[format], report, ctx)].join('');
      const out = await run(process.execPath, [BIN, path.join(dir, 'batch'), '--offline', '--no-cache', '--no-config', '--date', DATE, '--format', format], {
        cwd: REPO_ROOT,
        env: { ...process.env, NO_COLOR: '1', CI: '1', GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '' },
        maxBuffer: 256 << 20,
      }).catch((e: { stdout: string; code: number }) => e);
      expect(out.stdout).toBe(whole);
    },
    60_000,
  );

  it('keeps what waits for the end in temporary files when told to, and removes them', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'icp-stream-tmp-'));
    const ctx = ctxOf({ root: repositoryRoot(REPO_ROOT) });
    for (const format of ['junit', 'sarif', 'html'] as const) {
      const child = spawn(process.execPath, [BIN, path.join(dir, 'batch'), '--offline', '--no-cache', '--no-config', '--date', DATE, '--format', format], {
        cwd: REPO_ROOT,
        env: { ...process.env, TMPDIR: tmp, CI: '1', ICP_CHECK_SPOOL_MEMORY: '0' },
      });
      // While the filings are being checked the spool files exist; once the report is written, nothing is left.
      let sawSpool = false;
      const look = setInterval(() => {
        if (readdirSync(tmp).length > 0) sawSpool = true;
      }, 2);
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        out += d;
      });
      await once(child, 'close');
      clearInterval(look);
      expect(sawSpool, format).toBe(true);
      expect(out, format).toBe([...streamReport(STREAMS[format], maskReport(batch), ctx)].join(''));
      expect(readdirSync(tmp), format).toEqual([]);
    }
    await rm(tmp, { recursive: true, force: true });
  }, 60_000);

  it('removes its temporary files when interrupted', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'icp-stream-int-'));
    const child = spawn(process.execPath, [BIN, path.join(dir, 'batch'), '--offline', '--no-cache', '--no-config', '--date', DATE, '--format', 'junit', '--workers', '0'], {
      cwd: REPO_ROOT,
      env: { ...process.env, TMPDIR: tmp, CI: '1', ICP_CHECK_SPOOL_MEMORY: '0' },
    });
    // Interrupted once the spools are on disk, while filings are still being checked.
    const deadline = Date.now() + 30_000;
    while (readdirSync(tmp).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(readdirSync(tmp).length).toBeGreaterThan(0);
    child.kill('SIGINT');
    const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
    expect(signal ?? code).toBe(code === null ? 'SIGINT' : 130);
    expect(readdirSync(tmp)).toEqual([]);
    await rm(tmp, { recursive: true, force: true });
  }, 60_000);
});
