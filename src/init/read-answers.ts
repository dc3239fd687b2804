// Reads an answers file: a regular file only (a FIFO, a device such as /dev/zero or a folder is
// refused before a byte is read), opened without waiting for a writer, and never more than
// MAX_ANSWERS_BYTES, whatever the file claims its size to be.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Far above any real answers file (a filing with many websites is a few kilobytes). */
export const MAX_ANSWERS_BYTES = 1024 * 1024;

export type ReadProblem = 'not-regular' | 'too-large' | 'not-utf8' | { code: string };

export type ReadResult = { ok: true; text: string } | { ok: false; problem: ReadProblem };

export function readAnswersText(file: string, limit: number = MAX_ANSWERS_BYTES): ReadResult {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return { ok: false, problem: { code: (err as NodeJS.ErrnoException).code ?? 'EIO' } };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, problem: 'not-regular' };
    if (st.size > limit) return { ok: false, problem: 'too-large' };
    // The size can change while reading: read at most one byte past the limit to notice.
    const buf = Buffer.alloc(limit + 1);
    let n = 0;
    for (;;) {
      if (n === buf.length) break;
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
    }
    if (n > limit) return { ok: false, problem: 'too-large' };
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, n)) };
    } catch {
      return { ok: false, problem: 'not-utf8' };
    }
  } catch (err) {
    return { ok: false, problem: { code: (err as NodeJS.ErrnoException).code ?? 'EIO' } };
  } finally {
    closeSync(fd);
  }
}
