// Formats that take a run's filings one at a time, so that a report of any number of filings is
// written with memory that does not grow with their number. What a format can write as a filing
// finishes it returns at once; what must wait for the end (JUnit's totals, SARIF's rule list, the
// pretty details after the one-line summary of every filing) it puts in a `Spool`: text kept in
// memory up to a limit, then in a temporary file that is read back in order and removed.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { FilingReport, Report } from '../../model.js';
import type { FormatContext } from './context.js';

/** What a format knows before the first filing. */
export interface StreamHead {
  tool: Report['tool'];
  date: string;
  /** How many filings will follow. */
  total: number;
}

/** What a format learns after the last filing: the report's other fields, in their order. */
export type StreamTail = Omit<Report, 'tool' | 'date' | 'filings'>;

export interface FormatStream {
  /** Text before the first filing. */
  begin(): Iterable<string>;
  /** Text to write as this filing (the `index`th, in input order) finishes; the rest waits in spools. */
  filing(filing: FilingReport, index: number): Iterable<string>;
  /** The rest, spools included, read back in order. */
  end(tail: StreamTail): Iterable<string>;
}

export type StreamFormat = (head: StreamHead, ctx: FormatContext, spools: Spools) => FormatStream;

/** Default memory a spool keeps before it moves to a temporary file. */
export const SPOOL_MEMORY_CHARS = 4 << 20;

const READ_BYTES = 1 << 20;

/** Text appended now and read back later, in order: in memory up to a limit, then in a temporary file. */
export class Spool {
  private pending: string[] = [];
  private pendingChars = 0;
  private fd: number | undefined;
  private file: string | undefined;
  private written = false;

  constructor(
    private readonly owner: Spools,
    private readonly limit: number,
  ) {}

  get empty(): boolean {
    return !this.written && this.pendingChars === 0;
  }

  append(text: string): void {
    if (text.length === 0) return;
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars > this.limit) this.flush();
  }

  /** A record read back whole by `records()`, whatever characters it holds. */
  appendRecord(text: string): void {
    this.append(`${text.length}:${text}`);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    if (this.fd === undefined) {
      this.file = this.owner.tempFile();
      this.fd = openSync(this.file, 'wx+', 0o600);
    }
    writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
    this.written = true;
  }

  /** Everything appended, in pieces, in order. The spool is emptied. */
  *read(): Generator<string> {
    if (this.fd === undefined) {
      const text = this.pending.join('');
      this.pending = [];
      this.pendingChars = 0;
      if (text) yield text;
      return;
    }
    this.flush();
    const decoder = new StringDecoder('utf8');
    const buf = Buffer.allocUnsafe(READ_BYTES);
    let at = 0;
    for (;;) {
      const n = readSync(this.fd, buf, 0, READ_BYTES, at);
      if (n === 0) break;
      at += n;
      const text = decoder.write(buf.subarray(0, n));
      if (text) yield text;
    }
    const rest = decoder.end();
    if (rest) yield rest;
    this.discard();
  }

  /** The records of `appendRecord`, one by one. */
  *records(): Generator<string> {
    let carry = '';
    for (const piece of this.read()) {
      carry += piece;
      for (;;) {
        const colon = carry.indexOf(':');
        if (colon < 0) break;
        const length = Number(carry.slice(0, colon));
        if (carry.length < colon + 1 + length) break;
        yield carry.slice(colon + 1, colon + 1 + length);
        carry = carry.slice(colon + 1 + length);
      }
    }
  }

  /** Lines of text appended with a trailing newline each, one by one (without it). */
  *lines(): Generator<string> {
    let carry = '';
    for (const piece of this.read()) {
      carry += piece;
      let nl = carry.indexOf('\n');
      let from = 0;
      while (nl >= 0) {
        yield carry.slice(from, nl);
        from = nl + 1;
        nl = carry.indexOf('\n', from);
      }
      carry = carry.slice(from);
    }
    if (carry) yield carry;
  }

  discard(): void {
    this.pending = [];
    this.pendingChars = 0;
    if (this.fd !== undefined) closeSync(this.fd);
    if (this.file) rmSync(this.file, { force: true });
    this.fd = undefined;
    this.file = undefined;
  }
}

/** The spools of one report: one temporary folder, removed with everything in it by `close()`. */
export class Spools {
  private dir: string | undefined;
  private count = 0;
  private readonly all: Spool[] = [];

  constructor(private readonly memoryChars = SPOOL_MEMORY_CHARS) {}

  spool(): Spool {
    const s = new Spool(this, this.memoryChars);
    this.all.push(s);
    return s;
  }

  tempFile(): string {
    if (!this.dir) {
      this.dir = mkdtempSync(path.join(os.tmpdir(), 'icp-check-'));
      this.guard();
    }
    return path.join(this.dir, `spool-${this.count++}`);
  }

  private unguard: (() => void) | undefined;

  /** While the folder exists, an exit or a signal (Ctrl-C, a TERM from CI) removes it first; the signal then ends the process as it would have. */
  private guard(): void {
    const remove = () => {
      if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    };
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    const onSignal = (signal: NodeJS.Signals) => {
      remove();
      this.unguard?.();
      // Another handler (the output file's) ends the process itself; otherwise the signal's own action does.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on('exit', remove);
    for (const s of signals) process.on(s, onSignal);
    this.unguard = () => {
      process.off('exit', remove);
      for (const s of signals) process.off(s, onSignal);
      this.unguard = undefined;
    };
  }

  /** The temporary folder, once a spool has gone to disk. */
  get folder(): string | undefined {
    return this.dir;
  }

  close(): void {
    for (const s of this.all) s.discard();
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
    this.unguard?.();
  }
}

/** The report's fields other than its head and filings, in their order: what a format learns at the end. */
export function tailOf(report: Report): StreamTail {
  const { tool: _tool, date: _date, filings: _filings, ...tail } = report;
  return tail;
}

/** A whole report through a stream format, in pieces (spools in memory unless they grow past `memoryChars`). */
export function* streamReport(format: StreamFormat, report: Report, ctx: FormatContext, memoryChars?: number): Generator<string> {
  const spools = new Spools(memoryChars);
  try {
    const stream = format({ tool: report.tool, date: report.date, total: report.filings.length }, ctx, spools);
    yield* stream.begin();
    for (const [i, f] of report.filings.entries()) yield* stream.filing(f, i);
    yield* stream.end(tailOf(report));
  } finally {
    spools.close();
  }
}
