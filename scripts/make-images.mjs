#!/usr/bin/env node
// Generates real image files (JPEG via jpeg-js, PNG and GIF89a written here) for the test fixtures,
// the benchmarks and the example filings.
//
//   node scripts/make-images.mjs fixtures [dir]   small committed fixtures (default test/fixtures/images)
//   node scripts/make-images.mjs examples [dir]   the images every examples/<name>/*.yaml refers to
//   node scripts/make-images.mjs examples --force regenerate even when the files exist
import { createHash, randomFillSync } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import YAML from 'yaml';

export const MB = 1024 * 1024;
export const KB = 1024;

/** A small seeded generator so committed fixtures are byte-for-byte reproducible. */
export function prng(seed = 1) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG chunks use it (ISO 3309, polynomial 0xEDB88320). */
export function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Noise pixels (RGB) around a base colour; amplitude 255 is pure noise (incompressible). */
function noisePixels(width, height, { seed = 1, amplitude = 255, channels = 3, fast = false } = {}) {
  const out = Buffer.alloc(width * height * channels);
  if (fast && amplitude >= 255) {
    // Cryptographic noise is much quicker than a JS loop for the large files of the tests.
    randomFillSync(out);
    if (channels === 4) for (let i = 3; i < out.length; i += 4) out[i] = 255;
    return out;
  }
  const rnd = prng(seed);
  const base = [200, 190, 170];
  for (let p = 0; p < width * height; p++) {
    const n = (rnd() - 0.5) * amplitude;
    for (let c = 0; c < 3; c++) out[p * channels + c] = Math.max(0, Math.min(255, Math.round(base[c] + n)));
    if (channels === 4) out[p * channels + 3] = 255;
  }
  return out;
}

/**
 * A valid 8-bit RGB PNG of noise. `padTo` adds a tEXt chunk so the file is exactly that many bytes
 * (for size boundaries); it must leave room for the chunk (at least 20 bytes).
 */
export function makePng({ width, height, seed = 1, amplitude = 255, level = 6, padTo, fast = false } = {}) {
  const pixels = noisePixels(width, height, { seed, amplitude, fast });
  const stride = width * 3;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) pixels.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw, { level }))];
  const iend = pngChunk('IEND', Buffer.alloc(0));
  if (padTo !== undefined) {
    const used = parts.reduce((n, b) => n + b.length, 0) + iend.length;
    const textLen = padTo - used - 12;
    if (textLen < 8) throw new Error(`cannot pad a ${used}-byte PNG to ${padTo} bytes`);
    parts.push(pngChunk('tEXt', Buffer.concat([Buffer.from('Comment\0', 'latin1'), Buffer.alloc(textLen - 8, 0x20)])));
  }
  parts.push(iend);
  return Buffer.concat(parts);
}

/**
 * A baseline JPEG of noise from jpeg-js. `appSegments` inserts that many APP2 segments of
 * `appSegmentSize` bytes before the frame header, as split ICC profiles do, so the SOF marker sits
 * far from the start. `padTo` adds COM segments after the frame header to reach an exact size.
 */
export function makeJpeg({ width, height, quality = 80, seed = 1, amplitude = 255, appSegments = 0, appSegmentSize = 65000, padTo, fast = false } = {}) {
  const data = noisePixels(width, height, { seed, amplitude, channels: 4, fast });
  let buf = Buffer.from(jpeg.encode({ data, width, height }, quality).data);
  if (appSegments > 0) {
    const segs = [];
    for (let i = 0; i < appSegments; i++) segs.push(jpegSegment(0xe2, Buffer.alloc(appSegmentSize - 4, 0x41 + (i % 26))));
    // After SOI (2 bytes) and the APP0/JFIF segment jpeg-js writes first.
    const app0End = 2 + 2 + buf.readUInt16BE(4);
    buf = Buffer.concat([buf.subarray(0, app0End), ...segs, buf.subarray(app0End)]);
  }
  if (padTo !== undefined) {
    let missing = padTo - buf.length;
    if (missing < 0 || (missing > 0 && missing < 4)) throw new Error(`cannot pad a ${buf.length}-byte JPEG to ${padTo} bytes`);
    const sof = findMarker(buf, [0xc0, 0xc1, 0xc2]);
    const sofEnd = sof + 2 + buf.readUInt16BE(sof + 2);
    const coms = [];
    while (missing > 0) {
      let n = Math.min(missing, 65537);
      if (missing - n > 0 && missing - n < 4) n -= 4; // leave room for one more segment header
      coms.push(jpegSegment(0xfe, Buffer.alloc(n - 4, 0x20)));
      missing -= n;
    }
    buf = Buffer.concat([buf.subarray(0, sofEnd), ...coms, buf.subarray(sofEnd)]);
  }
  return buf;
}

function jpegSegment(marker, payload) {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

function findMarker(buf, markers) {
  let i = 2;
  while (i + 4 <= buf.length) {
    if (buf[i] !== 0xff) throw new Error('not at a JPEG marker');
    if (markers.includes(buf[i + 1])) return i;
    i += 2 + buf.readUInt16BE(i + 2);
  }
  throw new Error('marker not found');
}

/**
 * A minimal valid GIF89a of noise with a 128-colour table. Image data is LZW with a clear code
 * every 100 pixels, which keeps every code 8 bits wide (one byte each) and the stream valid.
 */
export function makeGif({ width, height, seed = 1 } = {}) {
  const rnd = prng(seed);
  const header = Buffer.alloc(13);
  header.write('GIF89a', 0, 'latin1');
  header.writeUInt16LE(width, 6);
  header.writeUInt16LE(height, 8);
  header[10] = 0x80 | (7 << 4) | 6; // global table, 8-bit colour resolution, 2^(6+1) = 128 entries
  const palette = Buffer.alloc(128 * 3);
  for (let i = 0; i < 128; i++) {
    palette[i * 3] = i * 2;
    palette[i * 3 + 1] = 255 - i * 2;
    palette[i * 3 + 2] = (i * 37) & 0xff;
  }
  const descriptor = Buffer.alloc(10);
  descriptor[0] = 0x2c;
  descriptor.writeUInt16LE(width, 5);
  descriptor.writeUInt16LE(height, 7);
  const clear = 128;
  const end = 129;
  const codes = [];
  for (let p = 0; p < width * height; p++) {
    if (p % 100 === 0) codes.push(clear);
    codes.push(Math.floor(rnd() * 128));
  }
  codes.push(end);
  const lzw = Buffer.from(codes);
  const blocks = [];
  for (let i = 0; i < lzw.length; i += 255) {
    const chunk = lzw.subarray(i, i + 255);
    blocks.push(Buffer.from([chunk.length]), chunk);
  }
  return Buffer.concat([header, palette, descriptor, Buffer.from([7]), ...blocks, Buffer.from([0x00, 0x3b])]);
}

/** A one-page PDF, for "a PDF named .jpg". */
export function makePdf() {
  const body = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n');
  return Buffer.from(body, 'latin1');
}

/** The small fixtures committed under test/fixtures/images. */
export function fixtureFiles() {
  const certificate = makeJpeg({ width: 800, height: 600, quality: 80, seed: 7 });
  return {
    'photo.jpg': makeJpeg({ width: 640, height: 400, quality: 75, seed: 1, amplitude: 60 }),
    'photo.jpeg': makeJpeg({ width: 640, height: 400, quality: 75, seed: 2, amplitude: 60 }),
    'photo.png': makePng({ width: 320, height: 200, seed: 3, amplitude: 60 }),
    'photo.gif': makeGif({ width: 320, height: 200, seed: 4 }),
    'tiny.png': makePng({ width: 40, height: 30, seed: 5 }),
    'id-front.jpg': makeJpeg({ width: 856, height: 540, quality: 75, seed: 11, amplitude: 50 }),
    'id-back.jpg': makeJpeg({ width: 856, height: 540, quality: 75, seed: 12, amplitude: 50 }),
    'id-back-square.jpg': makeJpeg({ width: 600, height: 600, quality: 75, seed: 13, amplitude: 50 }),
    'id-back-small.jpg': makeJpeg({ width: 428, height: 270, quality: 75, seed: 14, amplitude: 50 }),
    'certificate.jpg': certificate,
    'document.pdf.jpg': makePdf(),
    'truncated.jpg': certificate.subarray(0, Math.floor(certificate.length / 2)),
    'icc-profile.jpg': makeJpeg({ width: 320, height: 240, quality: 70, seed: 15, amplitude: 40, appSegments: 3 }),
    'empty.jpg': Buffer.alloc(0),
    'png-named.jpg': makePng({ width: 64, height: 48, seed: 6, amplitude: 40 }),
  };
}

/**
 * Writes noise-filled example images. `spec` lists files relative to `dir`, each with a `kind`:
 * `certificate` (over 200 KB, under 4 MB), `id` (a card at 856x540; front and back alike) or
 * `document` (an A4-ish page). Existing files are kept unless `force`.
 */
export function makeExampleImages(dir, spec, { force = false } = {}) {
  const written = [];
  for (const item of spec) {
    const file = path.resolve(dir, item.file);
    if (!force && existsSync(file)) continue;
    const seed = seedFrom(item.file);
    let buf;
    if (item.kind === 'certificate') buf = makeJpeg({ width: 1000, height: 700, quality: 80, seed, amplitude: 120 });
    else if (item.kind === 'id') buf = makeJpeg({ width: 856, height: 540, quality: 80, seed, amplitude: 50 });
    else buf = makeJpeg({ width: 794, height: 1123, quality: 75, seed, amplitude: 40 });
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, buf);
    written.push(file);
  }
  return written;
}

function seedFrom(text) {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

/** The image references of a manifest, by kind, for `makeExampleImages`. */
export function exampleSpecFromManifest(manifest) {
  const spec = [];
  const add = (file, kind) => {
    if (typeof file === 'string' && /\.(jpe?g)$/i.test(file)) spec.push({ file, kind });
  };
  const person = (p) => {
    if (!p || typeof p !== 'object') return;
    add(p.id?.front, 'id');
    add(p.id?.back, 'id');
    add(p.residencePermit, 'document');
  };
  add(manifest?.entity?.certificate?.image, 'certificate');
  person(manifest?.entity?.principal);
  person(manifest?.entity?.legalRepresentative);
  for (const w of manifest?.websites ?? []) {
    person(w?.admin);
    for (const pa of w?.preApprovals ?? []) add(pa?.image, 'document');
  }
  for (const d of manifest?.documents ?? []) add(d?.file, 'document');
  return spec;
}

function examplesMode(root, force) {
  if (!existsSync(root)) return [];
  const written = [];
  for (const name of readdirSync(root, { withFileTypes: true })) {
    if (!name.isDirectory()) continue;
    const folder = path.join(root, name.name);
    for (const file of readdirSync(folder)) {
      if (!/\.ya?ml$/.test(file)) continue;
      const manifest = YAML.parse(readFileSync(path.join(folder, file), 'utf8'));
      written.push(...makeExampleImages(folder, exampleSpecFromManifest(manifest), { force }));
    }
  }
  return written;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const [mode, dirArg] = args.filter((a) => !a.startsWith('--'));
  if (mode === 'fixtures') {
    const dir = path.resolve(dirArg ?? path.join(repo, 'test/fixtures/images'));
    mkdirSync(dir, { recursive: true });
    const files = Object.entries(fixtureFiles());
    for (const [name, buf] of files) writeFileSync(path.join(dir, name), buf);
    console.log(`wrote ${files.length} fixtures to ${dir}`);
  } else if (mode === 'examples') {
    const written = examplesMode(path.resolve(dirArg ?? path.join(repo, 'examples')), force);
    for (const f of written) console.log(`wrote ${path.relative(process.cwd(), f)}`);
    if (written.length === 0) console.log('nothing to write (every referenced image exists; --force rewrites)');
  } else {
    console.error('usage: node scripts/make-images.mjs fixtures [dir] | examples [dir] [--force]');
    process.exitCode = 2;
  }
}
