// The generator writes images real decoders accept: PNG chunks with valid CRCs and inflatable data,
// GIF LZW that decodes to every pixel, JPEG that jpeg-js decodes; and example images of the right size.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { describe, expect, test } from 'vitest';
import { crc32, exampleSpecFromManifest, makeExampleImages, makeGif, makeJpeg, makePng } from '../../scripts/make-images.mjs';
import { ImageInspector } from '../../src/facts/images.js';

function pngChunks(buf: Buffer) {
  const chunks: Array<{ type: string; data: Buffer }> = [];
  let i = 8;
  while (i < buf.length) {
    const len = buf.readUInt32BE(i);
    const type = buf.toString('latin1', i + 4, i + 8);
    const data = buf.subarray(i + 8, i + 8 + len);
    expect(buf.readUInt32BE(i + 8 + len), `CRC of ${type}`).toBe(crc32(buf.subarray(i + 4, i + 8 + len)));
    chunks.push({ type, data });
    i += 12 + len;
  }
  return chunks;
}

/** A plain GIF LZW decoder: returns the number of pixels the stream holds. */
function gifPixels(buf: Buffer): number {
  const tableSize = 2 << (buf[10]! & 7);
  let i = 13 + tableSize * 3;
  expect(buf[i]).toBe(0x2c);
  i += 10;
  const minCode = buf[i++]!;
  const data: number[] = [];
  while (buf[i] !== 0) {
    const n = buf[i]!;
    data.push(...buf.subarray(i + 1, i + 1 + n));
    i += n + 1;
  }
  expect(buf[i + 1]).toBe(0x3b);
  const clear = 1 << minCode;
  let size = minCode + 1;
  let dict: number[][] = [];
  const reset = () => {
    dict = Array.from({ length: clear + 2 }, (_, k) => (k < clear ? [k] : []));
    size = minCode + 1;
  };
  reset();
  let bit = 0;
  let prev: number[] | undefined;
  let pixels = 0;
  for (;;) {
    let code = 0;
    for (let b = 0; b < size; b++, bit++) code |= ((data[bit >> 3]! >> (bit & 7)) & 1) << b;
    if (code === clear) {
      reset();
      prev = undefined;
      continue;
    }
    if (code === clear + 1) break;
    const entry = code < dict.length ? dict[code]! : [...prev!, prev![0]!];
    if (prev) dict.push([...prev, entry[0]!]);
    if (dict.length === 1 << size && size < 12) size++;
    pixels += entry.length;
    prev = entry;
  }
  return pixels;
}

describe('make-images', () => {
  test('PNG: valid chunks, data inflates to every row', () => {
    const buf = makePng({ width: 37, height: 21, seed: 3 });
    const chunks = pngChunks(buf);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(inflateSync(chunks[1]!.data).length).toBe(21 * (37 * 3 + 1));
    const padded = makePng({ width: 37, height: 21, padTo: 10_000 });
    expect(padded.length).toBe(10_000);
    expect(pngChunks(padded).map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'tEXt', 'IEND']);
  });

  test('GIF: the LZW stream decodes to width x height pixels', () => {
    expect(gifPixels(makeGif({ width: 123, height: 45 }))).toBe(123 * 45);
  });

  test('JPEG: decodes, also with APP segments before the frame and padding to an exact size', () => {
    expect(jpeg.decode(makeJpeg({ width: 50, height: 40 }))).toMatchObject({ width: 50, height: 40 });
    expect(jpeg.decode(makeJpeg({ width: 50, height: 40, appSegments: 2 }))).toMatchObject({ width: 50, height: 40 });
    const padded = makeJpeg({ width: 50, height: 40, padTo: 300_000 });
    expect(padded.length).toBe(300_000);
    expect(jpeg.decode(padded)).toMatchObject({ width: 50, height: 40 });
  });

  test('example images: a certificate over 200 KB and under 4 MB, ID sides at 1:1', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'icp-examples-'));
    try {
      const spec = exampleSpecFromManifest({
        entity: {
          certificate: { image: 'docs/business-license.jpg' },
          principal: { id: { front: 'docs/id-front.jpg', back: 'docs/id-back.jpg' } },
        },
        documents: [{ file: 'docs/poa.jpg' }, { reuse: {} }],
      });
      expect(spec).toEqual([
        { file: 'docs/business-license.jpg', kind: 'certificate' },
        { file: 'docs/id-front.jpg', kind: 'id' },
        { file: 'docs/id-back.jpg', kind: 'id' },
        { file: 'docs/poa.jpg', kind: 'document' },
      ]);
      expect(makeExampleImages(dir, spec)).toHaveLength(4);
      expect(makeExampleImages(dir, spec)).toHaveLength(0);
      const size = (await stat(path.join(dir, 'docs/business-license.jpg'))).size;
      expect(size).toBeGreaterThan(200 * 1024);
      expect(size).toBeLessThan(4 * 1024 * 1024);
      const ins = new ImageInspector();
      const [front, back] = await Promise.all([ins.inspect('docs/id-front.jpg', dir), ins.inspect('docs/id-back.jpg', dir)]);
      expect([front.width, front.height]).toEqual([back.width, back.height]);
      expect(jpeg.decode(await readFile(path.join(dir, 'docs/poa.jpg')))).toMatchObject({ width: 794 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
