// `icp-check update-rdap-bootstrap`: fetches IANA's RDAP bootstrap for domains (dns.json) and
// replaces the bundled snapshot atomically, so a failed or partial download never leaves a broken file.
import { rename, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import { BUNDLED_BOOTSTRAP_FILE, IANA_DNS_BOOTSTRAP_URL, MAX_BOOTSTRAP_BYTES, validateBootstrap } from '../facts/domains/bootstrap.js';
import { MAX_TIMER_MS } from './options.js';

/** The body, read only up to `max` bytes: an endless or oversized answer stops there and the download is abandoned. */
async function readCapped(res: Response, max: number): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => undefined);
    throw new Error(`the answer is ${declared} bytes, more than the ${max} a bootstrap file can be`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body?.getReader();
  if (!reader) return '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw new Error(`the answer is larger than the ${max} bytes a bootstrap file can be; stopped reading`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface UpdateBootstrapOptions {
  url: string;
  output: string;
  timeoutMs: number;
}

/** Downloads, validates and writes the bootstrap; returns how many suffixes it names. */
export async function updateRdapBootstrap(opts: UpdateBootstrapOptions): Promise<{ suffixes: number; publication?: string }> {
  let text: string;
  try {
    const res = await fetch(opts.url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(opts.timeoutMs) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    text = await readCapped(res, MAX_BOOTSTRAP_BYTES);
  } catch (err) {
    throw new UsageError(`could not fetch ${opts.url}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(`${opts.url} did not return JSON`);
  }
  let bootstrap: ReturnType<typeof validateBootstrap>;
  try {
    bootstrap = validateBootstrap(json, opts.url);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const suffixes = bootstrap.services.reduce((n, [s]) => n + s.length, 0);
  if (suffixes === 0) throw new UsageError(`${opts.url} names no suffixes; the bundled file was left as it was`);
  const tmp = `${opts.output}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, `${JSON.stringify(bootstrap, null, 2)}\n`);
    await rename(tmp, opts.output);
  } catch (err) {
    await rm(tmp, { force: true });
    throw new UsageError(`could not write ${opts.output}: ${(err as Error).message}`);
  }
  return bootstrap.publication ? { suffixes, publication: bootstrap.publication } : { suffixes };
}

export function updateRdapBootstrapCommand(): Command {
  return new Command('update-rdap-bootstrap')
    .description(`refresh the bundled RDAP bootstrap (which registry serves which suffix) from ${IANA_DNS_BOOTSTRAP_URL}`)
    .addOption(new Option('--url <url>', 'where to fetch dns.json').default(IANA_DNS_BOOTSTRAP_URL))
    .addOption(new Option('--output <file>', 'the file to replace').default(BUNDLED_BOOTSTRAP_FILE, 'the bundled regulations/rdap-dns.json'))
    .addOption(
      new Option('--timeout <ms>', 'give up after this many milliseconds').default(30_000).argParser((v) => {
        const n = Number(v);
        if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--timeout expects milliseconds, got "${v}"`);
        if (n > MAX_TIMER_MS) throw new UsageError(`--timeout can be at most ${MAX_TIMER_MS} ms (about 24.8 days), got "${v}"`);
        return n;
      }),
    )
    .action(async (o: { url: string; output: string; timeout: number }) => {
      const r = await updateRdapBootstrap({ url: o.url, output: o.output, timeoutMs: o.timeout });
      process.stdout.write(`Wrote ${o.output}: ${r.suffixes} suffixes${r.publication ? `, published ${r.publication}` : ''}.\n`);
    });
}
