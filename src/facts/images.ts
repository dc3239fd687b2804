// Image inspection: only the header bytes of regular files (and a few bytes at the end, to tell a
// truncated file), so a 50 MB photo costs as little as a 50 KB one. Nothing but a regular file is
// ever opened. The common case is a few quick system calls in a row: lstat, open (refusing a
// symbolic link swapped in since), fstat on the descriptor, one read of the header, one of the tail
// when the header did not reach the end, close; its real path is that of its folder, asked once
// per folder. Anything else (a symbolic link, a missing file, a folder, a pipe, a device) is looked
// at with `lstat`/`stat`/`realpath`, to say exactly what it is.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { lstat, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { imageSize } from 'image-size';
import type { Manifest, Person } from '../manifest/schema.js';
import type { ImageFacts } from './types.js';
import { failureOf, type FileKind, kindOf } from './read-file.js';
import { sniffType } from './sniff.js';
import { remember } from '../memo.js';

/** First read: enough for the type sniffer and for the header of PNG, GIF and most JPEGs. */
export const HEADER_CHUNK_BYTES = 64 * 1024;
/** A JPEG's frame header may follow large EXIF/ICC segments; past this, dimensions stay unknown. */
export const HEADER_CAP_BYTES = 1024 * 1024;
/** Bytes read at the end of a file to see its end marker. */
export const TAIL_BYTES = 4 * 1024;
export const DEFAULT_IMAGE_CONCURRENCY = 16;
/** The `error` of a symbolic link whose target does not exist. */
export const DANGLING_LINK = 'symbolic link to a missing file';
/** The `error` of an image whose end marker is missing. */
export const TRUNCATED = 'the file ends before the image does (truncated)';

export interface ImageReference {
  /** Manifest path of the reference, the key of `facts.images`. */
  path: string;
  /** The path as written in the manifest. */
  written: string;
  /** What the file is: a document kind (`entity-certificate`, `id-front`, `pre-approval:news`, a `documents[].kind`). */
  role: string;
}

/** Every file reference in the manifest, keyed by its manifest path; pure. */
export function imageReferences(manifest: Manifest): ImageReference[] {
  const refs: ImageReference[] = [];
  const add = (p: string, written: string | undefined, role: string) => {
    if (typeof written === 'string' && written.length > 0) refs.push({ path: p, written, role });
  };
  const person = (p: Person | undefined, at: string) => {
    if (!p) return;
    add(`${at}.id.front`, p.id?.front, 'id-front');
    add(`${at}.id.back`, p.id?.back, 'id-back');
    add(`${at}.residencePermit`, p.residencePermit, 'residence-permit');
  };
  add('entity.certificate.image', manifest.entity.certificate?.image, 'entity-certificate');
  person(manifest.entity.principal, 'entity.principal');
  person(manifest.entity.legalRepresentative, 'entity.legalRepresentative');
  manifest.websites.forEach((w, i) => {
    // `admin: principal` is the principal's documents again, already listed.
    if (w.admin && typeof w.admin === 'object') person(w.admin, `websites[${i}].admin`);
    w.preApprovals.forEach((pa, j) => add(`websites[${i}].preApprovals[${j}].image`, pa.image, `pre-approval:${pa.type}`));
  });
  manifest.documents.forEach((d, k) => add(`documents[${k}].file`, d.file, d.kind));
  return refs;
}

/** What `inspect` learns about the file itself, shared by every reference to it. */
type FileFacts = Omit<ImageFacts, 'written' | 'outsideManifestDir'> & { real?: string };

export interface ImageInspectorOptions {
  /** Files inspected at once (each holds one file descriptor). */
  concurrency?: number;
}

/** Files (and folders) remembered: filings that share a file are usually near each other in a run. */
export const REMEMBERED = 4096;

/** Inspects each file once per run (the most recent few thousand), however many filings refer to it. */
export class ImageInspector {
  private readonly cache = new Map<string, Promise<FileFacts>>();
  /** The real path of each folder of a manifest or an inspected file (undefined where it cannot be had). */
  private readonly realDirs = new Map<string, string | undefined>();
  private readonly watched = new Set<string>();
  private readonly seen = new Set<string>();
  private readonly limit: number;
  private active = 0;
  private peak = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(options: ImageInspectorOptions = {}) {
    this.limit = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_IMAGE_CONCURRENCY));
  }

  inspect(written: string, manifestDir: string): Promise<ImageFacts> {
    const resolved = path.resolve(manifestDir, written);
    let p = this.cache.get(resolved);
    if (!p) {
      p = this.run(() => inspectFile(resolved, (dir) => this.realDir(dir))).then((f) => {
        const real = f.real ?? f.resolved;
        if (this.watched.has(real)) this.seen.add(real);
        return f;
      });
      remember(this.cache, resolved, p, REMEMBERED);
    }
    return p.then(({ real, ...facts }) => {
      // Outside by the path as written, or by where its symbolic links lead.
      const realDir = this.realDir(path.resolve(manifestDir)) ?? path.resolve(manifestDir);
      const outside = isOutside(path.resolve(manifestDir), resolved) || (real !== undefined && isOutside(realDir, real));
      return { ...facts, written, outsideManifestDir: outside };
    });
  }

  /** Notes whether a file at this real path is inspected (links followed): no report is written over one. */
  watch(real: string): void {
    this.watched.add(real);
  }

  /** The real paths `watch` named. */
  watchedPaths(): string[] {
    return [...this.watched];
  }

  /** Notes that a watched file was inspected elsewhere (by a worker thread). */
  markInspected(real: string): void {
    if (this.watched.has(real)) this.seen.add(real);
  }

  /** Whether a file `watch` named was inspected. */
  inspected(real: string): boolean {
    return this.seen.has(real);
  }

  /** How many distinct files are remembered (inspected, or being). */
  get size(): number {
    return this.cache.size;
  }

  /** The most files inspected at the same time so far (never above the limit). */
  get peakConcurrency(): number {
    return this.peak;
  }

  /** A folder's real path (links followed), asked once per folder (the most recent few thousand): one quick system call. */
  private realDir(dir: string): string | undefined {
    if (this.realDirs.has(dir)) return this.realDirs.get(dir);
    let real: string | undefined;
    try {
      real = realpathSync.native(dir);
    } catch {
      real = undefined;
    }
    remember(this.realDirs, dir, real, REMEMBERED);
    return real;
  }

  private async run<T>(task: () => Promise<T>): Promise<T> {
    // A finishing task hands its slot straight to the next waiter, so a newcomer cannot slip in between.
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    this.peak = Math.max(this.peak, this.active);
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

function isOutside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
}

function describeError(e: unknown): { entry: ImageFacts['entry']; error: string } {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return { entry: 'missing', error: 'no such file' };
    case 'ENOTDIR':
      return { entry: 'missing', error: 'a folder on the way is a file' };
    case 'ELOOP':
      return { entry: 'symlink-loop', error: 'too many levels of symbolic links' };
    case 'EACCES':
    case 'EPERM':
      return { entry: 'unreadable', error: 'permission denied' };
    case 'ENAMETOOLONG':
      return { entry: 'unreadable', error: 'name too long' };
    default:
      // Node's message repeats the path; the code alone is enough and carries nothing from outside.
      return { entry: 'unreadable', error: code ? `cannot read (${code})` : 'cannot read' };
  }
}

function entryOf(s: Stats): ImageFacts['entry'] {
  if (s.isFile()) return 'file';
  if (s.isDirectory()) return 'directory';
  if (s.isFIFO()) return 'fifo';
  if (s.isSocket()) return 'socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'device';
  return 'other';
}

/** Opened without blocking (a FIFO has no writer to wait for), never for writing. */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;
/** Refuses a symbolic link as the last part of the path, where the system can (not on Windows). */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

async function inspectFile(resolved: string, realDir: (dir: string) => string | undefined): Promise<FileFacts> {
  // The common case: a regular file, not a symbolic link (lstat), opened refusing a link swapped in since.
  if (isPlainFile(resolved)) {
    const read = readGuarded(resolved, OPEN_FLAGS | NO_FOLLOW);
    if (read.ok || read.opened) {
      // No link as the last part: the file's real path is its folder's, with its own name.
      const dir = realDir(path.dirname(resolved));
      const real = dir === undefined ? undefined : path.join(dir, path.basename(resolved));
      return read.ok ? { resolved, entry: 'file', real, ...read.facts } : { resolved, ...describeError(read.error), real };
    }
  }
  // A symbolic link, a missing file, a folder, a pipe …: said exactly by the careful way.
  return inspectByStat(resolved);
}

function isPlainFile(file: string): boolean {
  try {
    return lstatSync(file, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
}

/** `lstat`, `stat` and `realpath` first; then, for a regular file only, the same guarded read. */
async function inspectByStat(resolved: string): Promise<FileFacts> {
  let link: Stats;
  try {
    link = await lstat(resolved);
  } catch (e) {
    return { resolved, ...describeError(e) };
  }
  let target = link;
  if (link.isSymbolicLink()) {
    try {
      target = await stat(resolved);
    } catch (e) {
      const d = describeError(e);
      return { resolved, ...d, error: d.entry === 'missing' ? DANGLING_LINK : d.error };
    }
  }
  // A folder on the way may itself be a link; the real path tells where the file truly is.
  const real = await realpath(resolved).catch(() => undefined);
  const entry = entryOf(target);
  // Never open anything but a regular file: a FIFO blocks, /dev/zero never ends.
  if (entry !== 'file') return { resolved, entry, real };
  const read = readGuarded(resolved, OPEN_FLAGS);
  if (read.ok) return { resolved, entry: 'file', real, ...read.facts };
  if (read.opened) return { resolved, ...describeError(read.error), real };
  const failure = read.kind ? { kind: read.kind } : failureOf(read.error);
  return failure.kind ? { resolved, entry: failure.kind, real } : { resolved, ...describeError(read.error), real };
}

type Guarded = { ok: true; facts: HeaderFacts } | { ok: false; opened: false; error?: unknown; kind?: FileKind } | { ok: false; opened: true; error: unknown };

/**
 * The one guard every read goes through (as in read-file.ts): opened without blocking, a regular
 * file on the open descriptor, then only its header and tail. Synchronous: for a regular file these
 * are a few microseconds each, where each asynchronous call costs a trip through the thread pool.
 * `opened`: the file was a regular file and the failure came while reading it.
 */
function readGuarded(file: string, flags: number): Guarded {
  let fd: number;
  try {
    fd = openSync(file, flags);
  } catch (error) {
    return { ok: false, opened: false, error };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, opened: false, kind: kindOf(stats) };
    try {
      return { ok: true, facts: readHeader(fd, stats.size) };
    } catch (error) {
      return { ok: false, opened: true, error };
    }
  } catch (error) {
    return { ok: false, opened: false, error };
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Nothing was written; a failed close loses nothing.
    }
  }
}

/** The buffer of the first read, reused: each inspection is done with it before the next begins. */
let firstChunk: Buffer | undefined;

type HeaderFacts = Pick<ImageFacts, 'size' | 'type' | 'mime' | 'width' | 'height' | 'corrupt' | 'bytesRead' | 'error'>;

function readHeader(fd: number, size: number): HeaderFacts {
  let bytesRead = 0;
  const readAt = (position: number, length: number, into?: Buffer): Buffer => {
    const buf = into ?? Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length) {
      const n = readSync(fd, buf, got, length - got, position + got);
      if (n === 0) break;
      got += n;
    }
    bytesRead += got;
    return buf.subarray(0, got);
  };

  if (size === 0) return { size, bytesRead: 0, error: 'empty file' };
  firstChunk ??= Buffer.allocUnsafe(HEADER_CHUNK_BYTES);
  let header = readAt(0, Math.min(size, HEADER_CHUNK_BYTES), firstChunk);
  const detected = sniffType(header);
  const facts: HeaderFacts = { size, type: detected?.ext, mime: detected?.mime };

  // Dimensions: a JPEG's frame header may lie beyond the first chunk; read on in chunks up to the cap.
  let dims: { width?: number; height?: number } | undefined;
  let lastError = '';
  for (;;) {
    try {
      dims = imageSize(header);
      break;
    } catch (e) {
      lastError = (e as Error).message;
    }
    if (detected?.ext !== 'jpg' || header.length >= size || header.length >= HEADER_CAP_BYTES) break;
    const more = readAt(header.length, Math.min(HEADER_CHUNK_BYTES, size - header.length, HEADER_CAP_BYTES - header.length));
    if (more.length === 0) break;
    header = Buffer.concat([header, more]);
  }
  if (dims?.width !== undefined && dims.height !== undefined) {
    facts.width = dims.width;
    facts.height = dims.height;
  } else if (isImageType(detected?.ext)) {
    if (header.length >= HEADER_CAP_BYTES && header.length < size) {
      facts.error = `no frame header in the first ${HEADER_CAP_BYTES} bytes; dimensions not read`;
    } else {
      facts.corrupt = true;
      facts.error = lastError.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ') || 'unreadable header';
    }
  }

  if (!facts.corrupt && detected && hasEndMarker(detected.ext)) {
    const tailLength = Math.min(size, TAIL_BYTES);
    const tail = size <= header.length ? header.subarray(size - tailLength) : readAt(size - tailLength, tailLength);
    if (!endsProperly(detected.ext, tail)) {
      facts.corrupt = true;
      facts.error = TRUNCATED;
    }
  }
  facts.bytesRead = bytesRead;
  return facts;
}

function isImageType(ext: string | undefined): boolean {
  return ext === 'jpg' || ext === 'png' || ext === 'gif' || ext === 'bmp' || ext === 'webp' || ext === 'tif';
}

function hasEndMarker(ext: string): boolean {
  return ext === 'jpg' || ext === 'png' || ext === 'gif';
}

const PNG_IEND = Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** Whether the last bytes hold the format's end marker (data after it, such as a camera trailer, is allowed). */
export function endsProperly(ext: string, tail: Buffer): boolean {
  if (ext === 'jpg') {
    // Some phones append a trailer after the image ending in "SEFT"; the EOI then lies further back.
    if (tail.subarray(-4).toString('latin1') === 'SEFT') return true;
    return tail.includes(Buffer.from([0xff, 0xd9]));
  }
  if (ext === 'png') return tail.includes(PNG_IEND);
  if (ext === 'gif') {
    let end = tail.length;
    while (end > 0 && tail[end - 1] === 0x00) end--;
    return end > 0 && tail[end - 1] === 0x3b;
  }
  return true;
}
