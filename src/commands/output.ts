// Where a report goes: standard output, `--output <file>`, and GitHub's job summary. A file is
// replaced atomically (written beside its real path, then renamed) and never when it is one of the
// run's inputs, by any name; a pipe, a device or /dev/stdout is written directly, never replaced;
// Ctrl-C while writing leaves no temporary file. Failures are the user's to fix: clear messages.
import { randomBytes } from 'node:crypto';
import { constants, rmSync } from 'node:fs';
import { access, appendFile, type FileHandle, lstat, open, realpath, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { describeFailure, failureOf } from '../facts/read-file.js';
import { stripControl } from '../report/sanitize.js';

export type OutputTarget =
  /** Standard output (no `--output`, or `--output /dev/stdout`). */
  | { kind: 'stdout' }
  /** A regular file (existing or to be made), replaced atomically at its real path. */
  | { kind: 'file'; written: string; real: string }
  /** A pipe, character device or socket that already exists: written in place, never replaced. */
  | { kind: 'stream'; written: string; real: string };

/** The names of this process's standard output; writing "to" them must reach the same descriptor. */
const STDOUT_NAMES = new Set(['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1', `/proc/${process.pid}/fd/1`]);

/** How a path is shown in a message: as the user wrote it, with no control character. */
const shown = (p: string) => stripControl(p);

function reason(err: unknown): string {
  return describeFailure(failureOf(err)).replace(/^no such file$/, 'no such file or folder');
}

/**
 * Decides where `--output` writes, before the run, so that a mistake costs no check: refuses a
 * folder, a missing folder, a dangling link, and any target whose real path is one of `inputs`
 * (real paths of every file of the run, all shards included, whatever name or link leads there).
 */
export async function prepareOutput(output: string | undefined, inputs: ReadonlySet<string>): Promise<OutputTarget> {
  if (output === undefined) return { kind: 'stdout' };
  if (output === '') throw new UsageError('--output needs a file name');
  const abs = path.resolve(output);
  if (STDOUT_NAMES.has(abs) || output === '-') return { kind: 'stdout' };
  const st = await stat(abs).catch((e: NodeJS.ErrnoException) => e);
  let real: string;
  if (st instanceof Error) {
    if (st.code !== 'ENOENT') throw new UsageError(`--output ${shown(output)}: ${reason(st)}`);
    // A link to nothing would be replaced by the report rather than followed: refuse it.
    const link = await lstat(abs).catch(() => undefined);
    if (link?.isSymbolicLink()) throw new UsageError(`--output ${shown(output)} is a symbolic link to a file that does not exist`);
    const dir = path.dirname(abs);
    const dirStat = await stat(dir).catch((e: NodeJS.ErrnoException) => e);
    if (dirStat instanceof Error) {
      throw new UsageError(
        dirStat.code === 'ENOENT' || dirStat.code === 'ENOTDIR'
          ? `--output ${shown(output)}: the folder ${shown(path.dirname(output))} does not exist`
          : `--output ${shown(output)}: ${reason(dirStat)}`,
      );
    }
    if (!dirStat.isDirectory()) throw new UsageError(`--output ${shown(output)}: ${shown(path.dirname(output))} is not a folder`);
    real = path.join(await realpath(dir), path.basename(abs));
  } else {
    if (st.isDirectory()) throw new UsageError(`--output ${shown(output)} is a folder; name a file (such as ${shown(path.join(output, 'report.txt'))})`);
    // A descriptor's magic link (/dev/stderr onto a pipe) has no real path; it is written where it points.
    real = await realpath(abs).catch(() => abs);
    if (STDOUT_NAMES.has(real)) return { kind: 'stdout' };
    if (!st.isFile()) return { kind: 'stream', written: output, real };
  }
  if (inputs.has(real)) throw new UsageError(`--output ${shown(output)} is one of the files being checked; it would be overwritten`);
  await access(path.dirname(real), constants.W_OK).catch((e: unknown) => {
    throw new UsageError(`--output ${shown(output)}: cannot write in ${shown(path.dirname(output))}: ${reason(e)}`);
  });
  return { kind: 'file', written: output, real };
}

/** Joins small pieces into writes of about this size: few system calls, no giant string. */
const BATCH_CHARS = 1 << 20;

function* batches(chunks: Iterable<string>): Generator<string> {
  let pending: string[] = [];
  let size = 0;
  for (const c of chunks) {
    if (c.length >= BATCH_CHARS) {
      if (pending.length > 0) yield pending.join('');
      pending = [];
      size = 0;
      yield c;
      continue;
    }
    pending.push(c);
    size += c.length;
    if (size >= BATCH_CHARS) {
      yield pending.join('');
      pending = [];
      size = 0;
    }
  }
  if (pending.length > 0) yield pending.join('');
}

async function writeToStdout(chunks: Iterable<string>): Promise<void> {
  for (const piece of batches(chunks)) {
    if (!process.stdout.write(piece)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          process.stdout.off('drain', done);
          process.stdout.off('close', done);
          resolve();
        };
        process.stdout.once('drain', done);
        process.stdout.once('close', done);
      });
    }
  }
}

async function writeAll(handle: FileHandle, chunks: Iterable<string>): Promise<void> {
  for (const piece of batches(chunks)) await handle.write(piece);
}

/** While a temporary file exists, Ctrl-C (or a TERM from CI) removes it before the process ends. */
function removeOnSignal(tmp: string, written: string): () => void {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const handler = (signal: NodeJS.Signals) => {
    rmSync(tmp, { force: true });
    process.stderr.write(`icp-check: interrupted; ${shown(written)} was left as it was\n`);
    process.exit(128 + (os.constants.signals[signal] ?? 2));
  };
  for (const s of signals) process.once(s, handler);
  return () => {
    for (const s of signals) process.off(s, handler);
  };
}

/** A report being written, piece by piece, where `prepareOutput` decided. */
export interface OutputSink {
  write(chunks: Iterable<string>): Promise<void>;
  /** The report is complete: a file takes its place now (renamed over the target). */
  close(): Promise<void>;
  /** The report is not to be written: a file's temporary copy is removed, the target left as it was. */
  abort(): Promise<void>;
}

/** Opens the target for a report written in pieces. A failure is a UsageError that says what to fix. */
export async function openOutput(target: OutputTarget): Promise<OutputSink> {
  if (target.kind === 'stdout') return { write: writeToStdout, close: async () => undefined, abort: async () => undefined };
  const failed = (err: unknown) => new UsageError(`could not write the report to ${shown(target.written)}: ${reason(err)}`);
  if (target.kind === 'stream') {
    let handle: FileHandle;
    try {
      // No O_CREAT, no O_TRUNC, no rename: the pipe or device stays what it is.
      handle = await open(target.real, constants.O_WRONLY);
    } catch (err) {
      throw failed(err);
    }
    const closeHandle = () => handle.close().catch(() => undefined);
    return {
      write: (chunks) =>
        writeAll(handle, chunks).catch(async (err: unknown) => {
          await closeHandle();
          throw failed(err);
        }),
      close: closeHandle,
      abort: closeHandle,
    };
  }
  const dir = path.dirname(target.real);
  const tmp = path.join(dir, `.${path.basename(target.real)}.${randomBytes(6).toString('hex')}.tmp`);
  const release = removeOnSignal(tmp, target.written);
  let handle: FileHandle | undefined;
  const abort = async () => {
    await handle?.close().catch(() => undefined);
    handle = undefined;
    await rm(tmp, { force: true }).catch(() => undefined);
    release();
  };
  try {
    handle = await open(tmp, 'wx', 0o644);
  } catch (err) {
    await abort();
    throw failed(err);
  }
  return {
    write: async (chunks) => {
      try {
        await writeAll(handle!, chunks);
      } catch (err) {
        await abort();
        throw failed(err);
      }
    },
    close: async () => {
      try {
        await handle!.close();
        handle = undefined;
        // The real path: a link named as the output stays a link, and its target gets the report.
        await rename(tmp, target.real);
      } catch (err) {
        await abort();
        throw failed(err);
      }
      release();
    },
    abort,
  };
}

/** Writes a whole report where `prepareOutput` decided. A failure is a UsageError that says what to fix. */
export async function writeOutput(target: OutputTarget, chunks: Iterable<string>): Promise<void> {
  const sink = await openOutput(target);
  await sink.write(chunks);
  await sink.close();
}

/**
 * Appends to GitHub's job summary. The summary is a courtesy beside the report: when it cannot be
 * written, the returned warning says why, and the run's exit code stays the report's.
 */
export async function appendStepSummary(file: string, text: Iterable<string>): Promise<string | undefined> {
  try {
    const st = await stat(file).catch(() => undefined);
    if (st?.isDirectory()) return `could not write the job summary to ${shown(file)} ($GITHUB_STEP_SUMMARY): a folder, not a file`;
    for (const piece of batches(text)) await appendFile(file, piece);
    return undefined;
  } catch (err) {
    return `could not write the job summary to ${shown(file)} ($GITHUB_STEP_SUMMARY): ${reason(err)}`;
  }
}
