// The whole-file reader OCR uses: regular files only, never a FIFO or a device, and a size cap.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRegularFile } from '../../src/facts/ocr/file.js';

describe('readRegularFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'icp-ocr-file-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a regular file whole', async () => {
    await writeFile(path.join(dir, 'a.jpg'), Buffer.from([1, 2, 3]));
    expect(await readRegularFile(path.join(dir, 'a.jpg'), 10)).toEqual({ ok: true, bytes: Buffer.from([1, 2, 3]) });
  });

  it('refuses a file over the cap without reading it, and an empty one', async () => {
    await writeFile(path.join(dir, 'big.jpg'), Buffer.alloc(11));
    expect(await readRegularFile(path.join(dir, 'big.jpg'), 10)).toEqual({ ok: false, error: 'larger than 10 bytes' });
    await writeFile(path.join(dir, 'empty.jpg'), '');
    expect(await readRegularFile(path.join(dir, 'empty.jpg'), 10)).toEqual({ ok: false, error: 'empty file' });
  });

  it('never opens a FIFO, a folder or a device, and says a missing file cannot be read', async () => {
    execFileSync('mkfifo', [path.join(dir, 'pipe.jpg')]);
    expect(await readRegularFile(path.join(dir, 'pipe.jpg'), 10)).toEqual({ ok: false, error: 'not a regular file' });
    expect(await readRegularFile(dir, 10)).toEqual({ ok: false, error: 'not a regular file' });
    expect(await readRegularFile('/dev/zero', 10)).toEqual({ ok: false, error: 'not a regular file' });
    expect(await readRegularFile(path.join(dir, 'missing.jpg'), 10)).toEqual({ ok: false, error: 'cannot be read' });
  });
});
