// The on-disk lookup cache: one file per registrable domain and per route (the servers asked), kept
// 24 hours, written atomically (temp file + rename) so a crash or a parallel run never leaves half
// a file.
//
// What it trusts: only what this cache wrote itself. Each entry starts with an HMAC-SHA256 of its
// body under a secret created, on first use, in the cache folder (mode 0600, owned by the user);
// an entry without a valid MAC, larger than the cap, not a regular file, of the wrong shape or for
// another route is ignored, silently, and replaced on the next lookup. A file copied into the folder
// (committed to a repository, dropped by a pull request) cannot carry a valid MAC without the secret,
// and a secret that another user or a checkout could have written (group- or world-readable, a link,
// not ours) is replaced rather than used.
//
// Routes keep answers apart: `public` for the real servers (the IANA bootstrap, node-whois's table),
// one route per `--whois-server` and per `--rdap-url` (and per custom table or bootstrap given to the
// API). A test server's answers are never read by a run against the real servers, and `--offline`
// reads the `public` route only.
import { constants } from 'node:fs';
import { link, mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { DomainLookup, WhoisRecord } from '../types.js';

export const CACHE_TTL_MS = 24 * 60 * 60 * 1000;
/** An entry past this is not one we wrote (answers are capped at 20 000 characters of raw text). */
export const MAX_CACHE_ENTRY_BYTES = 256 * 1024;
const FORMAT = 2;
const MAGIC = 'icp-check-cache';
const SECRET_FILE = 'secret';
/** Entries of this format live under `<dir>/v2/<route>/`; the format-1 `domains/` folder is ignored. */
const ROOT = 'v2';

/** The route for answers from the real servers: the only one `--offline` reads. */
export const PUBLIC_ROUTE = 'public';

/** `$XDG_CACHE_HOME/icp-check`, else `~/.cache/icp-check`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  return xdg?.startsWith('/') ? join(xdg, 'icp-check') : join(homedir(), '.cache', 'icp-check');
}

/**
 * Reads a regular file of at most `maxBytes`, refusing anything else without blocking: opened
 * non-blocking and without following a final symbolic link (a FIFO or a device never hangs the run),
 * then checked with fstat on the open descriptor (so what is read is what was checked).
 * The same guard as the project's bounded reader; kept local here until both are one.
 */
async function readRegularFile(file: string, maxBytes: number): Promise<{ data: Buffer; uid: number; mode: number }> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new Error(`${file}: not a regular file`);
    if (st.size > maxBytes) throw new Error(`${file}: larger than ${maxBytes} bytes`);
    const data = Buffer.alloc(st.size);
    let got = 0;
    while (got < st.size) {
      const { bytesRead } = await handle.read(data, got, st.size - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return { data: data.subarray(0, got), uid: st.uid, mode: st.mode };
  } finally {
    await handle.close();
  }
}

/** Writes beside the target and renames over it: readers see the old file or the new one, never half. */
async function writeAtomically(target: string, content: string | Buffer): Promise<void> {
  const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, content, { mode: 0o600, flag: 'wx' });
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

const isString = (v: unknown): v is string => typeof v === 'string';
const optString = (v: unknown): boolean => v === undefined || typeof v === 'string';
const isIsoDate = (v: unknown): boolean => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** A record rebuilt from validated fields only, or undefined when any field has the wrong type. */
function validRecord(v: unknown, domain: string): WhoisRecord | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const r = v as Record<string, unknown>;
  if (r.domain !== domain || !isString(r.server) || (r.source !== 'rdap' && r.source !== 'whois') || typeof r.redacted !== 'boolean') return undefined;
  if (!Array.isArray(r.statuses) || !r.statuses.every(isString)) return undefined;
  const texts = ['registrar', 'registrantName', 'registrantOrganization', 'privacyMarker', 'notFollowed', 'raw'] as const;
  if (!texts.every((k) => optString(r[k]))) return undefined;
  if ((r.created !== undefined && !isIsoDate(r.created)) || (r.expires !== undefined && !isIsoDate(r.expires))) return undefined;
  const out: WhoisRecord = { domain, statuses: [...(r.statuses as string[])], redacted: r.redacted, source: r.source, server: r.server };
  for (const k of [...texts, 'created', 'expires'] as const) if (r[k] !== undefined) out[k] = r[k] as string;
  return out;
}

/** A lookup rebuilt from validated fields only (found or not-found), or undefined. */
function validLookup(v: unknown, domain: string): DomainLookup | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const l = v as Record<string, unknown>;
  if (l.domain !== domain || (l.status !== 'found' && l.status !== 'not-found') || !optString(l.server) || (l.fetchedAt !== undefined && !isIsoDate(l.fetchedAt))) return undefined;
  const out: DomainLookup = { domain, status: l.status };
  if (l.server !== undefined) out.server = l.server as string;
  if (l.fetchedAt !== undefined) out.fetchedAt = l.fetchedAt as string;
  if (l.status === 'found') {
    const record = validRecord(l.record, domain);
    if (!record) return undefined;
    out.record = record;
  } else if (l.record !== undefined) return undefined;
  return out;
}

export class LookupCache {
  private secret?: Promise<Buffer>;

  constructor(
    readonly dir: string,
    readonly ttlMs = CACHE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The folder of a route: `public`, or the protocol and a hash of the servers. */
  static routeFolder(route: string): string {
    if (route === PUBLIC_ROUTE) return PUBLIC_ROUTE;
    const kind = /^[a-z]+/.exec(route)?.[0] ?? 'route';
    return `${kind}-${createHash('sha256').update(route).digest('hex').slice(0, 20)}`;
  }

  private file(domain: string, route: string): string {
    // Registrable domains are ASCII LDH names; anything else is refused rather than used as a path.
    if (!/^[a-z0-9.-]+$/.test(domain) || domain.includes('..') || domain.startsWith('.')) throw new Error(`not a cacheable domain: ${domain}`);
    return join(this.dir, ROOT, LookupCache.routeFolder(route), `${domain}.json`);
  }

  private mac(key: Buffer, body: Buffer): Buffer {
    return createHmac('sha256', key).update(body).digest();
  }

  /** The folder's secret: read when it is ours and private, created on first use (`create`), replaced when it is not trustworthy. */
  private async key(create: boolean): Promise<Buffer> {
    if (this.secret) {
      try {
        return await this.secret;
      } catch {
        // Not there when last read: read (or create) again below.
      }
    }
    const p = this.loadKey(create);
    this.secret = p;
    p.catch(() => {
      if (this.secret === p) this.secret = undefined;
    });
    return p;
  }

  private async loadKey(create: boolean): Promise<Buffer> {
    const file = join(this.dir, SECRET_FILE);
    const trusted = async (): Promise<Buffer | undefined> => {
      try {
        const { data, uid, mode } = await readRegularFile(file, 128);
        const ours = typeof process.getuid !== 'function' || uid === process.getuid();
        const text = data.toString('ascii').trim();
        if (!ours || (mode & 0o077) !== 0 || !/^[0-9a-f]{64}$/.test(text)) return undefined;
        return Buffer.from(text, 'hex');
      } catch {
        return undefined;
      }
    };
    const existing = await trusted();
    if (existing) return existing;
    if (!create) throw new Error('no trusted cache secret');
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const fresh = `${randomBytes(32).toString('hex')}\n`;
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(tmp, fresh, { mode: 0o600, flag: 'wx' });
      try {
        // First use: `link` fails if another run created the secret meanwhile; theirs is then used.
        await link(tmp, file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const theirs = await trusted();
        if (theirs) return theirs;
        // A secret we cannot trust (a link, not ours, readable by others): replaced, which voids every entry it signed.
        await rename(tmp, file);
        return Buffer.from(fresh.trim(), 'hex');
      }
      return Buffer.from(fresh.trim(), 'hex');
    } finally {
      await rm(tmp, { force: true });
    }
  }

  /** A fresh entry this cache wrote for this route, or undefined (none, stale, forged, corrupt, unreadable). */
  async get(domain: string, route: string = PUBLIC_ROUTE): Promise<DomainLookup | undefined> {
    try {
      const { data } = await readRegularFile(this.file(domain, route), MAX_CACHE_ENTRY_BYTES);
      const nl = data.indexOf(0x0a);
      if (nl < 0) return undefined;
      const [magic, format, mac] = data.subarray(0, nl).toString('ascii').split(' ');
      if (magic !== MAGIC || format !== String(FORMAT) || !mac || !/^[0-9a-f]{64}$/.test(mac)) return undefined;
      const body = data.subarray(nl + 1);
      const key = await this.key(false);
      if (!timingSafeEqual(Buffer.from(mac, 'hex'), this.mac(key, body))) return undefined;
      const entry = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      if (!entry || entry.route !== route || !isString(entry.storedAt)) return undefined;
      const stored = Date.parse(entry.storedAt);
      const age = this.now() - stored;
      if (Number.isNaN(stored) || age < 0 || age > this.ttlMs) return undefined;
      const lookup = validLookup(entry.lookup, domain);
      return lookup && { ...lookup, fromCache: true };
    } catch {
      return undefined;
    }
  }

  /** Stores found and not-found answers under their route; errors are not cached since they may pass. */
  async set(lookup: DomainLookup, route: string = PUBLIC_ROUTE): Promise<void> {
    if (lookup.status !== 'found' && lookup.status !== 'not-found') return;
    const target = this.file(lookup.domain, route);
    const { fromCache: _drop, ...rest } = lookup;
    let body = Buffer.from(JSON.stringify({ route, storedAt: new Date(this.now()).toISOString(), lookup: rest }), 'utf8');
    if (body.length > MAX_CACHE_ENTRY_BYTES - 200 && rest.record?.raw !== undefined) {
      // The raw answer is the only large part; without it the entry still says everything the rules read.
      const { raw: _raw, ...record } = rest.record;
      body = Buffer.from(JSON.stringify({ route, storedAt: new Date(this.now()).toISOString(), lookup: { ...rest, record } }), 'utf8');
    }
    if (body.length > MAX_CACHE_ENTRY_BYTES - 200) return;
    const key = await this.key(true);
    await mkdir(join(this.dir, ROOT, LookupCache.routeFolder(route)), { recursive: true, mode: 0o700 });
    const header = `${MAGIC} ${FORMAT} ${this.mac(key, body).toString('hex')}\n`;
    await writeAtomically(target, Buffer.concat([Buffer.from(header, 'ascii'), body]));
  }
}
