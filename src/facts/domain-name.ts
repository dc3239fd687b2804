// Domain names as filed: lower-case ASCII (punycode) for lookups, Unicode for display, and the
// registrable domain and its prefix (`before` §3 item 2; §5.5.1 "domain names with different prefixes").
import { domainToASCII, domainToUnicode } from 'node:url';
import { parse } from 'tldts';
import { memoise } from '../memo.js';

export interface DomainName {
  /** As written in the manifest. */
  input: string;
  /** The host, lower-case ASCII (punycode), trailing dot removed. */
  ascii: string;
  /** The host for display (例子.中国). */
  unicode: string;
  /** The registrable domain (what is filed), ASCII. */
  registrable: string;
  registrableUnicode: string;
  /** The registrable domain without its public suffix: `example` for example.com and example.com.cn. */
  prefix: string;
  /** The public suffix, ASCII (`com.cn`, `xn--fiqs8s`). */
  suffix: string;
  suffixUnicode: string;
  /** The input names a subdomain of the registrable domain (`www.example.com`). */
  isSubdomain: boolean;
}

export type DomainNameError = 'url' | 'ip' | 'syntax' | 'no-registrable-domain';

export type ParsedDomain = { ok: true; domain: DomainName } | { ok: false; input: string; error: DomainNameError };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Parses once per distinct input (the most recent few thousand): rules ask about the same domains many times. */
export const parseDomain: (input: string) => ParsedDomain = memoise((input) => parseUncached(input), 4096);

function parseUncached(input: string): ParsedDomain {
  const raw = input.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) || /[/?#@:\\]/.test(raw)) return { ok: false, input, error: 'url' };
  const host = raw.replace(/\.$/, '');
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':') || /^\[.*\]$/.test(host)) return { ok: false, input, error: 'ip' };
  if (host === '' || /\s/.test(host)) return { ok: false, input, error: 'syntax' };
  const ascii = domainToASCII(host).toLowerCase();
  if (!ascii || ascii.length > 253) return { ok: false, input, error: 'syntax' };
  const labels = ascii.split('.');
  if (labels.length < 2 || labels.some((l) => !LABEL.test(l))) return { ok: false, input, error: 'syntax' };
  const p = parse(ascii, { allowPrivateDomains: false });
  if (p.isIp) return { ok: false, input, error: 'ip' };
  if (!p.domain || !p.publicSuffix || !p.domainWithoutSuffix) return { ok: false, input, error: 'no-registrable-domain' };
  return {
    ok: true,
    domain: {
      input,
      ascii,
      unicode: domainToUnicode(ascii),
      registrable: p.domain,
      registrableUnicode: domainToUnicode(p.domain),
      prefix: p.domainWithoutSuffix,
      suffix: p.publicSuffix,
      suffixUnicode: domainToUnicode(p.publicSuffix),
      isSubdomain: (p.subdomain ?? '') !== '',
    },
  };
}
