// The IANA RDAP bootstrap (RFC 9224, `dns.json`): which RDAP server serves which suffix. A dated
// snapshot ships in `regulations/rdap-dns.json`; `icp-check update-rdap-bootstrap` refreshes it.
import { fileURLToPath } from 'node:url';
import { describeFailure, readRegularFileSync } from '../read-file.js';

export const IANA_DNS_BOOTSTRAP_URL = 'https://data.iana.org/rdap/dns.json';

export interface RdapBootstrap {
  version: string;
  publication?: string;
  description?: string;
  services: [string[], string[]][];
}

/** The bundled snapshot, beside `src/` and `dist/` alike. */
export const BUNDLED_BOOTSTRAP_FILE = fileURLToPath(new URL('../../../regulations/rdap-dns.json', import.meta.url));

/** Checks the shape of a bootstrap file; throws with what is wrong. */
export function validateBootstrap(json: unknown, where = 'RDAP bootstrap'): RdapBootstrap {
  const fail = (why: string): never => {
    throw new Error(`${where}: ${why}`);
  };
  if (!json || typeof json !== 'object') fail('expected a JSON object');
  const b = json as Record<string, unknown>;
  if (typeof b.version !== 'string') fail('expected "version"');
  if (!Array.isArray(b.services)) fail('expected "services" as an array');
  (b.services as unknown[]).forEach((s, i) => {
    if (!Array.isArray(s) || s.length < 2 || !Array.isArray(s[0]) || !Array.isArray(s[1])) fail(`services[${i}]: expected [[suffixes], [urls]]`);
    const [labels, urls] = s as unknown[][];
    if (!labels!.every((l) => typeof l === 'string') || !urls!.every((u) => typeof u === 'string')) fail(`services[${i}]: expected strings`);
  });
  return b as unknown as RdapBootstrap;
}

/** IANA's dns.json is about 30 KB; a bootstrap file far larger is not one. */
export const MAX_BOOTSTRAP_BYTES = 4 * 1024 * 1024;

export function loadBootstrap(file = BUNDLED_BOOTSTRAP_FILE): RdapBootstrap {
  const r = readRegularFileSync(file, { maxBytes: MAX_BOOTSTRAP_BYTES });
  if (!r.ok) throw new Error(`${file}: ${describeFailure(r, MAX_BOOTSTRAP_BYTES)}`);
  return validateBootstrap(JSON.parse(r.bytes.toString('utf8')), file);
}

/** The RDAP base URL (ending in `/`) for a domain: the longest matching suffix, https preferred. */
export function rdapBaseFor(bootstrap: RdapBootstrap, domain: string): string | undefined {
  const labels = domain.toLowerCase().replace(/\.$/, '').split('.');
  let best: { len: number; url: string } | undefined;
  for (const [suffixes, urls] of bootstrap.services) {
    const url = urls.find((u) => u.startsWith('https://')) ?? urls.find((u) => u.startsWith('http://'));
    if (!url) continue;
    for (const suffix of suffixes) {
      const s = suffix.toLowerCase().split('.');
      if (s.length > labels.length) continue;
      if (labels.slice(-s.length).join('.') === s.join('.') && (!best || s.length > best.len)) best = { len: s.length, url };
    }
  }
  return best && (best.url.endsWith('/') ? best.url : `${best.url}/`);
}
