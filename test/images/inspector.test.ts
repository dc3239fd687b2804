// The image inspector on real generated files: types, sizes, damage, and paths that are not files.
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HEADER_CHUNK_BYTES, ImageInspector, REMEMBERED, TAIL_BYTES } from '../../src/facts/images.js';
import { makeGif, makeJpeg, makePdf, makePng, MB } from '../../scripts/make-images.mjs';
import { FIXTURE_IMAGES } from './helpers.js';

let dir: string;
const FOUR_MB = 4 * MB;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'icp-images-'));
  const jpeg = makeJpeg({ width: 400, height: 300, seed: 21, amplitude: 80 });
  const files: Record<string, Buffer> = {
    'a.jpg': jpeg,
    'a.jpeg': makeJpeg({ width: 300, height: 400, seed: 22, amplitude: 80 }),
    'a.png': makePng({ width: 300, height: 200, seed: 23, amplitude: 80 }),
    'a.gif': makeGif({ width: 120, height: 80, seed: 24 }),
    'under-4mb.png': makePng({ width: 1000, height: 1000, padTo: FOUR_MB - 1, fast: true, level: 1 }),
    'over-4mb.png': makePng({ width: 1000, height: 1000, padTo: FOUR_MB + 1, fast: true, level: 1 }),
    'under-4mb.jpg': makeJpeg({ width: 300, height: 200, padTo: FOUR_MB - 1 }),
    'over-4mb.jpg': makeJpeg({ width: 300, height: 200, padTo: FOUR_MB + 1 }),
    'report.jpg': makePdf(),
    'half.jpg': jpeg.subarray(0, Math.floor(jpeg.length / 2)),
    'header-only.png': makePng({ width: 300, height: 200, seed: 25 }).subarray(0, 20),
    'no-iend.png': makePng({ width: 300, height: 200, seed: 26 }).subarray(0, -12),
    'no-trailer.gif': makeGif({ width: 120, height: 80, seed: 27 }).subarray(0, -1),
    'zero.jpg': Buffer.alloc(0),
    'not-an-image.jpg': Buffer.from('just some text, not a picture\n'.repeat(10)),
    'icc-then-frame.jpg': makeJpeg({ width: 64, height: 48, seed: 28, appSegments: 5 }),
  };
  for (const [name, buf] of Object.entries(files)) await writeFile(path.join(dir, name), buf);
  await mkdir(path.join(dir, 'a-folder.jpg'));
  execFileSync('mkfifo', [path.join(dir, 'pipe.jpg')]);
  await symlink('gone.jpg', path.join(dir, 'dangling.jpg'));
  await symlink('loop-b.jpg', path.join(dir, 'loop-a.jpg'));
  await symlink('loop-a.jpg', path.join(dir, 'loop-b.jpg'));
  await symlink('a.png', path.join(dir, 'link-to-png.png'));
  await symlink(path.join(FIXTURE_IMAGES, 'photo.jpg'), path.join(dir, 'link-outside.jpg'));
  await writeFile(path.join(dir, 'locked.jpg'), jpeg);
  await chmod(path.join(dir, 'locked.jpg'), 0o000);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ImageInspector', () => {
  test.each([
    ['a.jpg', 'jpg', 400, 300],
    ['a.jpeg', 'jpg', 300, 400],
    ['a.png', 'png', 300, 200],
    ['a.gif', 'gif', 120, 80],
  ])('%s: type %s, %ix%i, from content', async (file, type, width, height) => {
    const f = await new ImageInspector().inspect(file, dir);
    expect(f).toMatchObject({ entry: 'file', type, width, height, written: file, resolved: path.join(dir, file), outsideManifestDir: false });
    expect(f.corrupt).toBeUndefined();
  });

  test.each([
    ['under-4mb.png', FOUR_MB - 1],
    ['over-4mb.png', FOUR_MB + 1],
    ['under-4mb.jpg', FOUR_MB - 1],
    ['over-4mb.jpg', FOUR_MB + 1],
  ])('%s is %i bytes by stat, read only in part', async (file, size) => {
    const f = await new ImageInspector().inspect(file, dir);
    expect(f).toMatchObject({ entry: 'file', size });
    expect(f.corrupt).toBeUndefined();
    expect(f.bytesRead).toBeLessThanOrEqual(HEADER_CHUNK_BYTES + TAIL_BYTES);
  });

  test('a PDF named .jpg is a pdf', async () => {
    expect(await new ImageInspector().inspect('report.jpg', dir)).toMatchObject({ type: 'pdf', mime: 'application/pdf' });
  });

  test.each(['half.jpg', 'header-only.png', 'no-iend.png', 'no-trailer.gif'])('%s is corrupt', async (file) => {
    const f = await new ImageInspector().inspect(file, dir);
    expect(f.corrupt).toBe(true);
    expect(f.error).toBeTruthy();
  });

  test('a JPEG whose frame header lies past the first chunk is read on in chunks', async () => {
    const f = await new ImageInspector().inspect('icc-then-frame.jpg', dir);
    expect(f).toMatchObject({ type: 'jpg', width: 64, height: 48 });
    expect(f.bytesRead).toBeGreaterThan(HEADER_CHUNK_BYTES);
  });

  test('a zero-byte file and text are not images', async () => {
    const ins = new ImageInspector();
    expect(await ins.inspect('zero.jpg', dir)).toMatchObject({ entry: 'file', size: 0, bytesRead: 0 });
    const text = await ins.inspect('not-an-image.jpg', dir);
    expect(text.type).toBeUndefined();
    expect(text.width).toBeUndefined();
  });

  test.each([
    ['a-folder.jpg', 'directory'],
    ['pipe.jpg', 'fifo'],
    ['dangling.jpg', 'missing'],
    ['loop-a.jpg', 'symlink-loop'],
    ['no-such-file.jpg', 'missing'],
    ['a.png/inside.jpg', 'missing'],
    ['/dev/zero', 'device'],
  ])('%s is %s, reported without opening it', async (file, entry) => {
    const f = await new ImageInspector().inspect(file, dir);
    expect(f.entry).toBe(entry);
    expect(f.bytesRead).toBeUndefined();
    expect(f.written).toBe(file);
  });

  test('a dangling symbolic link says so', async () => {
    expect((await new ImageInspector().inspect('dangling.jpg', dir)).error).toBe('symbolic link to a missing file');
  });

  test.skipIf(process.getuid?.() === 0)('a file without read permission is unreadable', async () => {
    expect(await new ImageInspector().inspect('locked.jpg', dir)).toMatchObject({ entry: 'unreadable', error: 'permission denied' });
  });

  test('symbolic links are followed; one leading out of the folder is flagged', async () => {
    const ins = new ImageInspector();
    expect(await ins.inspect('link-to-png.png', dir)).toMatchObject({ entry: 'file', type: 'png', outsideManifestDir: false });
    expect(await ins.inspect('link-outside.jpg', dir)).toMatchObject({ entry: 'file', type: 'jpg', outsideManifestDir: true });
    expect(await ins.inspect('../elsewhere.jpg', dir)).toMatchObject({ entry: 'missing', outsideManifestDir: true });
    expect(await ins.inspect(path.join(FIXTURE_IMAGES, 'photo.png'), dir)).toMatchObject({ outsideManifestDir: true });
  });

  test('each file is inspected once per run, whatever the spelling of the reference', async () => {
    const ins = new ImageInspector();
    const [a, b, c] = await Promise.all([ins.inspect('a.png', dir), ins.inspect('./a.png', dir), ins.inspect('a.png', path.join(dir, 'a-folder.jpg', '..'))]);
    expect(ins.size).toBe(1);
    expect(a.written).toBe('a.png');
    expect(b.written).toBe('./a.png');
    expect(c).toMatchObject({ type: 'png', width: 300 });
  });

  test('a watched real path is noticed through any link or spelling, others are not', async () => {
    const ins = new ImageInspector();
    const real = await realpath(path.join(dir, 'a.png'));
    ins.watch(real);
    ins.watch(path.join(dir, 'never-named.png'));
    await ins.inspect('./a.png', dir);
    expect(ins.inspected(real)).toBe(true);
    expect(ins.inspected(path.join(dir, 'never-named.png'))).toBe(false);
  });

  test('a run remembers a bounded number of files', async () => {
    const ins = new ImageInspector();
    for (let i = 0; i < REMEMBERED + 50; i += 1) await ins.inspect(`no-such-${i}.png`, dir);
    expect(ins.size).toBe(REMEMBERED);
  });

  test('many references at once respect the concurrency limit and all finish', async () => {
    const ins = new ImageInspector({ concurrency: 2 });
    const names = ['a.jpg', 'a.jpeg', 'a.png', 'a.gif', 'report.jpg', 'half.jpg', 'pipe.jpg', 'a-folder.jpg', 'zero.jpg'];
    const all = await Promise.all(names.map((n) => ins.inspect(n, dir)));
    expect(all.map((f) => f.written)).toEqual(names);
    expect(ins.size).toBe(names.length);
    expect(ins.peakConcurrency).toBe(2);
  });
});

describe('a 50 MB image', () => {
  test.each([
    ['big.png', () => makePng({ width: 4200, height: 4200, level: 0, fast: true })],
    ['big.jpg', () => makeJpeg({ width: 320, height: 240, padTo: 50 * MB })],
  ])('%s is judged from its header and tail, not read whole', async (name, make) => {
    const file = path.join(dir, name);
    await writeFile(file, make());
    const f = await new ImageInspector().inspect(name, dir);
    expect(f.size).toBeGreaterThanOrEqual(50 * MB);
    expect(f.corrupt).toBeUndefined();
    expect(f.width).toBeGreaterThan(0);
    // The header chunk and the tail: about 68 KB of more than 50 MB.
    expect(f.bytesRead).toBeLessThanOrEqual(HEADER_CHUNK_BYTES + TAIL_BYTES);
    expect(f.bytesRead! * 500).toBeLessThan(f.size!);
    await rm(file);
  });
});

describe('where a file really is', () => {
  test('a folder on the way that is a symbolic link: the file is found through it and flagged as outside', async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'icp-images-linked-'));
    try {
      await symlink(FIXTURE_IMAGES, path.join(base, 'linked'));
      await mkdir(path.join(base, 'own'));
      await writeFile(path.join(base, 'own', 'a.png'), makePng({ width: 30, height: 20, seed: 30 }));
      const ins = new ImageInspector();
      // No report may be written over an input: the real paths name the files where they are.
      const reals = [path.join(await realpath(FIXTURE_IMAGES), 'photo.jpg'), path.join(await realpath(base), 'own', 'a.png')];
      for (const r of [...reals, path.join(base, 'linked', 'photo.jpg')]) ins.watch(r);
      expect(await ins.inspect('linked/photo.jpg', base)).toMatchObject({ entry: 'file', type: 'jpg', outsideManifestDir: true });
      expect(await ins.inspect('own/a.png', base)).toMatchObject({ entry: 'file', type: 'png', outsideManifestDir: false });
      for (const r of reals) expect(ins.inspected(r)).toBe(true);
      expect(ins.inspected(path.join(base, 'linked', 'photo.jpg'))).toBe(false);
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });

  test('a file replaced by a symbolic link is followed as a link, whatever it was', async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'icp-images-swapped-'));
    try {
      await writeFile(path.join(base, 'a.gif'), makeGif({ width: 12, height: 8, seed: 31 }));
      expect(await new ImageInspector().inspect('a.gif', base)).toMatchObject({ type: 'gif', outsideManifestDir: false });
      await rm(path.join(base, 'a.gif'));
      await symlink(path.join(FIXTURE_IMAGES, 'photo.png'), path.join(base, 'a.gif'));
      expect(await new ImageInspector().inspect('a.gif', base)).toMatchObject({ entry: 'file', type: 'png', outsideManifestDir: true });
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });
});
