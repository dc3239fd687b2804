// Where a lookup may connect. Answers come from outside, so a redirect, an RDAP `related` link or a
// WHOIS referral could send us anywhere, including services on the machine or the private network
// (a 302 to `http://127.0.0.2:4343/latest/meta-data/`). Every connection goes through this guard:
// loopback, private, link-local, multicast and reserved addresses are refused unless the user named
// that host, and a host name is resolved and its addresses checked before the connection is made,
// at connection time, so a DNS answer pointing inside is refused too.
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

const SPECIAL = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
] as const)
  SPECIAL.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96], // NAT64: the IPv4 address inside is checked below
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const)
  SPECIAL.addSubnet(net, bits, 'ipv6');

/** The IPv4 address inside an IPv4-mapped or -compatible IPv6 address (`::ffff:127.0.0.1`), if any. */
function embeddedIpv4(address: string): string | undefined {
  const m = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (m) return m[1];
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hex) {
    const hi = Number.parseInt(hex[1]!, 16);
    const lo = Number.parseInt(hex[2]!, 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return undefined;
}

/** Why an IP address may not be contacted unless named, or undefined for a public address. */
export function specialAddress(address: string): string | undefined {
  const a = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(a);
  if (family === 0) return undefined;
  if (family === 6) {
    const v4 = embeddedIpv4(a);
    if (v4) return specialAddress(v4);
  }
  if (!SPECIAL.check(a, family === 4 ? 'ipv4' : 'ipv6')) return undefined;
  if (family === 4) {
    if (a.startsWith('127.') || a === '0.0.0.0') return 'a loopback address';
    if (a.startsWith('169.254.')) return 'a link-local address';
    const first = Number(a.split('.')[0]);
    if (first >= 224 && first < 240) return 'a multicast address';
    return 'a private or reserved address';
  }
  const l = a.toLowerCase();
  if (l === '::1' || l === '::') return 'a loopback address';
  if (/^fe[89ab]/.test(l)) return 'a link-local address';
  if (l.startsWith('ff')) return 'a multicast address';
  return 'a private or reserved address';
}

/** A host as written in a URL or `host:port`, lower-case, without IPv6 brackets or a final dot. */
export function normaliseHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}

export class RefusedDestination extends Error {
  readonly code = 'EREFUSEDDESTINATION';
}

/** The hosts the user named (`--whois-server`, `--rdap-url`, trusted hosts): exempt from the address check. */
export class Destinations {
  private readonly named: Set<string>;

  constructor(
    named: Iterable<string>,
    /** System DNS; replaceable so a test can feed an answer that points inside. */
    private readonly resolve: typeof dnsLookup = dnsLookup,
  ) {
    this.named = new Set([...named].map(normaliseHost));
  }

  isNamed(host: string): boolean {
    return this.named.has(normaliseHost(host));
  }

  /** Refuses a literal address that is not public, unless named; a host name is checked at connection (see `lookup`). */
  checkLiteral(host: string): void {
    const h = normaliseHost(host);
    if (this.isNamed(h) || isIP(h) === 0) return;
    const why = specialAddress(h);
    if (why) throw new RefusedDestination(`${h} is ${why}; only addresses named with --whois-server or --rdap-url may be private`);
  }

  /**
   * A `lookup` for `net.connect` and `http.request`: resolves the name, and refuses it when any of
   * its addresses is not public (unless the host is named), so the checked address is the one used.
   */
  readonly lookup = (
    hostname: string,
    options: LookupOneOptions | LookupAllOptions | number | undefined,
    callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    const opts = typeof options === 'number' ? { family: options } : (options ?? {});
    this.resolve(hostname, { ...opts, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as LookupAddress[];
      if (list.length === 0) return callback(Object.assign(new Error(`${hostname}: no address`), { code: 'ENOTFOUND' }), '', 0);
      if (!this.isNamed(hostname)) {
        for (const a of list) {
          const why = specialAddress(a.address);
          if (why) return callback(new RefusedDestination(`${normaliseHost(hostname)} resolves to ${a.address}, ${why}; refused`), '', 0);
        }
      }
      if ((opts as LookupAllOptions).all) callback(null, list);
      else callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/** Second-level labels under which names are registered, as in `co.uk` or `com.cn`. */
const SECOND_LEVEL = new Set(['ac', 'co', 'com', 'edu', 'gov', 'net', 'or', 'org']);

/** The registry's own domain from its server's host: `rdap.verisign.com` → `verisign.com`, `rdap.nic.co.uk` → `nic.co.uk`. */
export function ownDomainOf(host: string): string {
  const labels = normaliseHost(host).split('.');
  const keep = labels.length >= 3 && SECOND_LEVEL.has(labels[labels.length - 2]!) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** `host` is `domain` or a name under it. */
export function isUnder(host: string, domain: string): boolean {
  const h = normaliseHost(host);
  const d = normaliseHost(domain);
  return d !== '' && (h === d || h.endsWith(`.${d}`));
}
