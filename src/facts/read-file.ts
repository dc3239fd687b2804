// The one way icp-check reads a file it did not write: opened without blocking (a FIFO has no
// writer to wait for), checked to be a regular file on the open descriptor itself (a path swapped
// between a check and the open cannot slip through), and read only up to a cap, so that /dev/zero,
// a FIFO, a device or a file that grows while it is read can neither hang the run nor fill memory.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';

/** Why a file could not be read, as data: callers word it (each has its own rule and catalogue). */
export type ReadFailureReason = 'missing' | 'directory' | 'not-a-file' | 'too-large' | 'permission-denied' | 'symlink-loop' | 'name-too-long' | 'too-many-open-files' | 'error';

export interface ReadFailure {
  ok: false;
  reason: ReadFailureReason;
  /** The system's error code, when there was one (`EIO`, `EMFILE` …). */
  code?: string;
  /** For `too-large`: the size seen (at least `limit + 1`). */
  size?: number;
  /** For `not-a-file`: what the path is instead. */
  kind?: FileKind;
}

export type FileKind = 'file' | 'directory' | 'fifo' | 'device' | 'socket' | 'other';

export interface ReadOptions {
  /** The most bytes that may be read; a larger file is `too-large` and is not read. */
  maxBytes: number;
}

export type ReadResult = { ok: true; bytes: Buffer } | ReadFailure;
export type TextResult = { ok: true; text: string } | ReadFailure;
export type OpenResult = { ok: true; handle: FileHandle; stats: Stats } | ReadFailure;

const ERRNO_REASONS: Record<string, ReadFailureReason> = {
  ENOENT: 'missing',
  ENOTDIR: 'missing',
  EACCES: 'permission-denied',
  EPERM: 'permission-denied',
  ELOOP: 'symlink-loop',
  ENAMETOOLONG: 'name-too-long',
  EISDIR: 'directory',
  EMFILE: 'too-many-open-files',
  ENFILE: 'too-many-open-files',
  ENXIO: 'not-a-file',
};

/** What kind of file system entry `stats` describes. */
export function kindOf(stats: Stats): FileKind {
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'directory';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  if (stats.isSocket()) return 'socket';
  return 'other';
}

/** A failure from a thrown system error. */
export function failureOf(err: unknown): ReadFailure {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined) return { ok: false, reason: 'error' };
  const reason = ERRNO_REASONS[code] ?? 'error';
  return reason === 'not-a-file' ? { ok: false, reason, code, kind: 'other' } : { ok: false, reason, code };
}

function notRegular(stats: Stats): ReadFailure | undefined {
  const kind = kindOf(stats);
  if (kind === 'file') return undefined;
  return kind === 'directory' ? { ok: false, reason: 'directory', kind } : { ok: false, reason: 'not-a-file', kind };
}

/** Plain English for a failure, for messages that are not findings (usage errors of options). */
export function describeFailure(f: ReadFailure, maxBytes?: number): string {
  switch (f.reason) {
    case 'missing':
      return 'no such file';
    case 'directory':
      return 'a folder, not a file';
    case 'not-a-file':
      return f.kind === 'fifo' ? 'a named pipe, not a file' : f.kind === 'device' ? 'a device, not a file' : 'not a regular file';
    case 'too-large':
      return maxBytes === undefined ? 'too large' : `larger than the limit of ${maxBytes} bytes`;
    case 'permission-denied':
      return 'permission denied';
    case 'symlink-loop':
      return 'a loop of symbolic links';
    case 'name-too-long':
      return 'name too long';
    case 'too-many-open-files':
      return 'too many open files';
    default:
      return f.code ?? 'cannot be read';
  }
}

/**
 * Opens a regular file for reading and nothing else: the handle is returned only when the open
 * descriptor is a regular file. The caller closes it. For readers that need only a file's header.
 */
export async function openRegularFile(file: string): Promise<OpenResult> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return failureOf(err);
  }
  try {
    const stats = await handle.stat();
    const bad = notRegular(stats);
    if (bad) {
      await handle.close().catch(() => undefined);
      return bad;
    }
    return { ok: true, handle, stats };
  } catch (err) {
    await handle.close().catch(() => undefined);
    return failureOf(err);
  }
}

/**
 * Reads a whole regular file of at most `maxBytes` bytes; reads one byte past the cap to see a file
 * that grew. The system calls inside are synchronous (see `readRegularFileSync`): on a regular file
 * each takes microseconds, where an asynchronous call costs a trip through the thread pool.
 */
export async function readRegularFile(file: string, options: ReadOptions): Promise<ReadResult> {
  return readRegularFileSync(file, options);
}

/** `readRegularFile` decoded as UTF-8 (invalid sequences replaced; a leading BOM removed). */
export async function readRegularText(file: string, options: ReadOptions): Promise<TextResult> {
  const r = await readRegularFile(file, options);
  if (!r.ok) return r;
  return { ok: true, text: r.bytes.toString('utf8').replace(/^\uFEFF/, '') };
}

/** Runs `read` on a regular file opened without blocking, closing it after; anything else is a failure unread. */
function withRegularFile<T>(file: string, read: (fd: number, stats: Stats) => T): T | ReadFailure {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return failureOf(err);
  }
  try {
    const stats = fstatSync(fd);
    return notRegular(stats) ?? read(fd, stats);
  } catch (err) {
    return failureOf(err);
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Opened for reading only: a failed close loses nothing.
    }
  }
}

/** The same guard and cap, synchronously (for the few files read at start-up, and inside `readRegularFile`). */
export function readRegularFileSync(file: string, options: ReadOptions): ReadResult {
  return withRegularFile(file, (fd, stats): ReadResult => {
    if (stats.size > options.maxBytes) return { ok: false, reason: 'too-large', size: stats.size };
    // Sized to the file, and one byte more to see one that grew since fstat (a log; /proc says 0): then grown up to the cap.
    let buf = Buffer.allocUnsafe(stats.size + 1);
    let total = 0;
    for (;;) {
      if (total === buf.length) {
        if (buf.length > options.maxBytes) break;
        const bigger = Buffer.allocUnsafe(Math.min(options.maxBytes + 1, buf.length * 2));
        buf.copy(bigger, 0, 0, total);
        buf = bigger;
      }
      const want = buf.length - total;
      const n = readSync(fd, buf, total, want, total);
      if (n === 0) break;
      total += n;
      // A short read of a regular file is its end: the size fstat gave, read in full.
      if (n < want && total === stats.size) break;
    }
    if (total > options.maxBytes) return { ok: false, reason: 'too-large', size: total };
    return { ok: true, bytes: buf.subarray(0, total) };
  });
}

/** Reads at most `length` bytes from the start of a regular file (a sniff of its first lines). */
export async function readRegularFileHead(file: string, length: number): Promise<ReadResult> {
  return withRegularFile(file, (fd, stats): ReadResult => {
    const buf = Buffer.allocUnsafe(Math.min(length, Math.max(0, stats.size)));
    let total = 0;
    while (total < buf.length) {
      const n = readSync(fd, buf, total, buf.length - total, total);
      if (n === 0) break;
      total += n;
    }
    return { ok: true, bytes: buf.subarray(0, total) };
  });
}
