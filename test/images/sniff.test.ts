// The type sniffer on real generated files and on the first bytes of the formats a phone, a
// scanner or an editor makes; it names each type as the `file-type` package does (a development
// dependency kept to compare with), so reports name a type as they did with that package.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { describe, expect, test } from 'vitest';
import { sniffType } from '../../src/facts/sniff.js';
import { makeGif, makeJpeg, makePdf, makePng } from '../../scripts/make-images.mjs';
import { FIXTURE_IMAGES } from './helpers.js';

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const chunk = (type: string, length: number) => {
  const b = Buffer.alloc(12 + length);
  b.writeInt32BE(length, 0);
  b.write(type, 4, 'latin1');
  return b;
};

const generated: Record<string, Buffer> = {
  jpg: makeJpeg({ width: 40, height: 30, seed: 1 }),
  'jpg with APP segments': makeJpeg({ width: 64, height: 48, seed: 2, appSegments: 2 }),
  png: makePng({ width: 30, height: 20, seed: 3 }),
  gif: makeGif({ width: 12, height: 8, seed: 4 }),
  pdf: makePdf(),
};

const headers: Array<[string, Buffer, string | undefined]> = [
  ['WebP', latin1('RIFF\x10\x00\x00\x00WEBPVP8 '), 'webp'],
  ['HEIC from an iPhone', latin1('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic'), 'heic'],
  ['HEIF', latin1('\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00mif1heic'), 'heic'],
  ['AVIF', latin1('\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf'), 'avif'],
  ['MP4', latin1('\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2'), 'mp4'],
  ['TIFF, little-endian', latin1('II*\x00\x08\x00\x00\x00\x00\x00'), 'tif'],
  ['TIFF, big-endian', latin1('MM\x00*\x00\x00\x00\x08\x00\x00'), 'tif'],
  ['BMP', latin1('BM\x36\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00'), 'bmp'],
  ['Photoshop', latin1('8BPS\x00\x01\x00\x00\x00\x00\x00\x00'), 'psd'],
  ['ICO', Buffer.from([0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0]), 'ico'],
  ['JPEG XL', Buffer.from([0xff, 0x0a, 1, 2, 3, 4]), 'jxl'],
  ['animated PNG', Buffer.concat([PNG_SIGNATURE, chunk('IHDR', 13), chunk('acTL', 8), chunk('IDAT', 10)]), 'apng'],
  ['PNG whose first chunk is a wrong IHDR', Buffer.concat([PNG_SIGNATURE, chunk('IHDR', 12), chunk('IDAT', 10)]), undefined],
  ['PNG signature alone', PNG_SIGNATURE, undefined],
  ['a byte order mark, then a GIF', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), generated.gif!]), 'gif'],
  ['text', Buffer.from('just some text, not a picture\n'.repeat(10)), undefined],
  ['nothing', Buffer.alloc(0), undefined],
];

describe('sniffType', () => {
  test.each(Object.entries(generated))('a generated %s', async (name, buf) => {
    expect(sniffType(buf)?.ext).toBe(name.split(' ')[0]);
    expect(sniffType(buf)).toEqual(await fileTypeFromBuffer(buf));
  });

  test.each(headers)('%s', async (_, buf, ext) => {
    expect(sniffType(buf)?.ext).toBe(ext);
    expect(sniffType(buf)).toEqual(await fileTypeFromBuffer(buf));
  });

  test('every prefix of a real file is named as file-type names it (truncated uploads)', async () => {
    for (const buf of Object.values(generated)) {
      for (let n = 0; n <= 64; n++) expect([n, sniffType(buf.subarray(0, n))]).toEqual([n, await fileTypeFromBuffer(buf.subarray(0, n))]);
    }
  });

  test('the fixture images, whatever their names say', async () => {
    const files = readdirSync(FIXTURE_IMAGES).filter((f) => statSync(path.join(FIXTURE_IMAGES, f)).isFile());
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const head = readFileSync(path.join(FIXTURE_IMAGES, f)).subarray(0, 65536);
      expect([f, sniffType(head)]).toEqual([f, await fileTypeFromBuffer(head)]);
    }
    expect(sniffType(readFileSync(path.join(FIXTURE_IMAGES, 'document.pdf.jpg')))?.ext).toBe('pdf');
  });

  test('random bytes: the same answer as file-type for the types it knows, never a throw', async () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    for (let i = 0; i < 2000; i++) {
      const buf = Buffer.alloc(next() % 200);
      for (let j = 0; j < buf.length; j++) buf[j] = next() & 0xff;
      // A random start that file-type knows as some other format (an archive, audio …) is no image here.
      const expected = await fileTypeFromBuffer(buf);
      const got = sniffType(buf);
      if (got !== undefined || expected === undefined) expect(got).toEqual(expected);
    }
  });
});
