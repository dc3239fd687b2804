// Reads a whole regular file, up to a size cap, without ever opening anything else: no FIFO that
// blocks, no device that never ends, no file swapped for one of those between the checks.
import { constants as fsConstants } from 'node:fs';
import { open, stat } from 'node:fs/promises';

export type FileRead = { ok: true; bytes: Buffer } | { ok: false; error: string };

export async function readRegularFile(file: string, maxBytes: number): Promise<FileRead> {
  try {
    const s = await stat(file);
    if (!s.isFile()) return { ok: false, error: 'not a regular file' };
    if (s.size > maxBytes) return { ok: false, error: `larger than ${maxBytes} bytes` };
  } catch {
    return { ok: false, error: 'cannot be read' };
  }
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    const s = await handle.stat();
    if (!s.isFile()) return { ok: false, error: 'not a regular file' };
    if (s.size > maxBytes) return { ok: false, error: `larger than ${maxBytes} bytes` };
    // No more than the size seen at open: a file that grows meanwhile is cut, not followed.
    const buf = Buffer.allocUnsafe(s.size);
    let got = 0;
    while (got < buf.length) {
      const { bytesRead } = await handle.read(buf, got, buf.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    if (got === 0) return { ok: false, error: 'empty file' };
    return { ok: true, bytes: buf.subarray(0, got) };
  } catch {
    return { ok: false, error: 'cannot be read' };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
