// The one bounded reader: regular files only, checked on the open descriptor, never past a cap.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeFailure, openRegularFile, readRegularFile, readRegularFileHead, readRegularFileSync, readRegularText } from '../../src/facts/read-file.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'icp-read-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);

writeFileSync(at('small.txt'), '\ufeffhello\n');
writeFileSync(at('ten.txt'), '0123456789');
mkdirSync(at('folder'));
execFileSync('mkfifo', [at('pipe')]);
symlinkSync('/dev/zero', at('zero'));
symlinkSync('loop-b', at('loop-a'));
symlinkSync('loop-a', at('loop-b'));

describe('readRegularFile', () => {
  it('reads a regular file whole, and as text without its byte order mark', async () => {
    const r = await readRegularFile(at('small.txt'), { maxBytes: 100 });
    expect(r.ok && r.bytes.length).toBe(9);
    const t = await readRegularText(at('small.txt'), { maxBytes: 100 });
    expect(t.ok && t.text).toBe('hello\n');
  });

  it('reads a file of exactly the cap, and refuses one byte more', async () => {
    expect((await readRegularFile(at('ten.txt'), { maxBytes: 10 })).ok).toBe(true);
    const r = await readRegularFile(at('ten.txt'), { maxBytes: 9 });
    expect(r).toMatchObject({ ok: false, reason: 'too-large', size: 10 });
  });

  it('never opens a FIFO for long, never reads a device, never follows a loop', async () => {
    expect(await readRegularFile(at('pipe'), { maxBytes: 10 })).toMatchObject({ ok: false, reason: 'not-a-file', kind: 'fifo' });
    expect(await readRegularFile(at('zero'), { maxBytes: 10 })).toMatchObject({ ok: false, reason: 'not-a-file', kind: 'device' });
    expect(await readRegularFile('/dev/zero', { maxBytes: 10 })).toMatchObject({ ok: false, reason: 'not-a-file', kind: 'device' });
    expect(await readRegularFile(at('loop-a'), { maxBytes: 10 })).toMatchObject({ ok: false, reason: 'symlink-loop' });
    expect(await readRegularFile(at('folder'), { maxBytes: 10 })).toMatchObject({ ok: false, reason: 'directory' });
    expect(await readRegularFile(at('none'), { maxBytes: 10 })).toMatchObject({ ok: false, reason: 'missing' });
  });

  it('says why in plain words', async () => {
    const r = await readRegularFile(at('pipe'), { maxBytes: 10 });
    expect(!r.ok && describeFailure(r)).toBe('a named pipe, not a file');
    const big = await readRegularFile(at('ten.txt'), { maxBytes: 5 });
    expect(!big.ok && describeFailure(big, 5)).toBe('larger than the limit of 5 bytes');
  });

  it('the synchronous reader applies the same guard and cap', () => {
    expect(readRegularFileSync(at('ten.txt'), { maxBytes: 10 })).toMatchObject({ ok: true });
    expect(readRegularFileSync(at('ten.txt'), { maxBytes: 9 })).toMatchObject({ ok: false, reason: 'too-large' });
    expect(readRegularFileSync(at('pipe'), { maxBytes: 9 })).toMatchObject({ ok: false, reason: 'not-a-file', kind: 'fifo' });
    expect(readRegularFileSync(at('zero'), { maxBytes: 9 })).toMatchObject({ ok: false, reason: 'not-a-file', kind: 'device' });
  });

  it('reads only the head when asked, and opens only regular files for header readers', async () => {
    const head = await readRegularFileHead(at('ten.txt'), 4);
    expect(head.ok && head.bytes.toString()).toBe('0123');
    const opened = await openRegularFile(at('ten.txt'));
    expect(opened.ok && opened.stats.size).toBe(10);
    if (opened.ok) await opened.handle.close();
    expect(await openRegularFile(at('pipe'))).toMatchObject({ ok: false, kind: 'fifo' });
  });
});

describe('read buffers sized to the file', () => {
  it('reads a file whose size the system does not know (/proc) up to its end or the cap', async () => {
    if (process.platform !== 'linux') return;
    const r = await readRegularFile('/proc/self/status', { maxBytes: 1024 * 1024 });
    expect(r.ok && r.bytes.toString('latin1')).toMatch(/^Name:[\s\S]*\nPid:/);
    expect(await readRegularFile('/proc/self/status', { maxBytes: 16 })).toMatchObject({ ok: false, reason: 'too-large', size: 17 });
  });

  it('reads a larger file whole, and its head only when asked', async () => {
    const big = Buffer.alloc(300_000, 'abcdefghij');
    writeFileSync(at('big.txt'), big);
    const r = await readRegularFile(at('big.txt'), { maxBytes: 1024 * 1024 });
    expect(r.ok && r.bytes.equals(big)).toBe(true);
    const head = await readRegularFileHead(at('big.txt'), 10);
    expect(head.ok && head.bytes.toString()).toBe('abcdefghij');
    expect(await readRegularFileHead(at('pipe'), 10)).toMatchObject({ ok: false, reason: 'not-a-file', kind: 'fifo' });
  });
});
