// Every recorded answer of the WHOIS corpus, served by a loopback port-43 server and read through
// DomainLookupService, compared with the fields whois-parser extracted from the same answer.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainLookupService } from '../../src/facts/domains/lookup.js';
import { parseWhoisAnswer } from '../../src/facts/domains/parse-whois.js';
import { startWhoisServer, type LoopbackWhois } from './loopback-servers.js';

const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'whois-corpus');
const found = readdirSync(join(CORPUS, 'noterror')).filter((f) => !f.endsWith('.json'));
const notFound = readdirSync(join(CORPUS, 'notfound'));

/** `cn_google.cn` → `google.cn`; `cn_cn` (the IANA answer for the TLD itself) → `cn`. */
const domainOf = (file: string) => file.slice(file.indexOf('_') + 1);

interface Expected {
  domain?: { status?: string[]; created_date?: string; created_date_in_time?: string; expiration_date?: string; expiration_date_in_time?: string };
  registrar?: { name?: string };
  registrant?: { name?: string; organization?: string };
}

/**
 * Where whois-parser has no `_in_time` value it could not read the date (offsets like `-0700`,
 * Uniregistry's `2001-06-14-T10:32:43Z`); we read those, so the raw text is compared by hand-normalising it.
 */
function expectedInstant(inTime: string | undefined, text: string | undefined): number | undefined {
  if (inTime) return Date.parse(inTime);
  if (!text) return undefined;
  const t = Date.parse(text.replace(/^(\d{4}-\d{2}-\d{2})-T/, '$1T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(t) ? undefined : t;
}

/** CNNIC prints China Standard Time without a zone; whois-parser reads it as UTC, we as +08:00 (8 hours earlier in UTC). */
const CNNIC_SHIFT_MS = 8 * 3600 * 1000;

let server: LoopbackWhois;
let service: DomainLookupService;

beforeAll(async () => {
  const byDomain = new Map<string, string>();
  for (const f of found) byDomain.set(domainOf(f).toLowerCase(), readFileSync(join(CORPUS, 'noterror', f), 'utf8'));
  for (const f of notFound) byDomain.set(domainOf(f).toLowerCase(), readFileSync(join(CORPUS, 'notfound', f), 'utf8'));
  server = await startWhoisServer((q) => byDomain.get(q.trim().toLowerCase()) ?? 'No matching record.\r\n');
  service = new DomainLookupService({ offline: false, useCache: false, timeoutMs: 5000, whoisServer: server.address });
});

afterAll(async () => {
  await service.close();
  await server.close();
});

describe('recorded answers with expected fields', () => {
  it('has the 33 answers and 12 not-found answers', () => {
    expect(found).toHaveLength(33);
    expect(notFound).toHaveLength(12);
  });

  it.each(found)('%s', async (file) => {
    const exp = JSON.parse(readFileSync(join(CORPUS, 'noterror', `${file}.json`), 'utf8')) as Expected;
    const result = await service.lookup(domainOf(file));
    expect(result.status).toBe('found');
    const r = result.record!;
    expect(r.source).toBe('whois');
    expect(r.server).toBe(server.address);

    expect(r.registrar).toBe(exp.registrar?.name);
    expect(r.registrantName).toBe(exp.registrant?.name);
    expect(r.registrantOrganization).toBe(exp.registrant?.organization);
    expect(r.statuses).toEqual(exp.domain?.status ?? []);

    const cnnic = parseWhoisAnswer(readFileSync(join(CORPUS, 'noterror', file), 'utf8')).style === 'cnnic';
    const shift = cnnic ? CNNIC_SHIFT_MS : 0;
    const created = expectedInstant(exp.domain?.created_date_in_time, exp.domain?.created_date);
    const expires = expectedInstant(exp.domain?.expiration_date_in_time, exp.domain?.expiration_date);
    expect(r.created === undefined ? undefined : Date.parse(r.created)).toBe(created === undefined ? undefined : created - shift);
    expect(r.expires === undefined ? undefined : Date.parse(r.expires)).toBe(expires === undefined ? undefined : expires - shift);
  });
});

describe('not-found answers', () => {
  it.each(notFound)('%s is not registered', async (file) => {
    const result = await service.lookup(domainOf(file));
    expect(result.status).toBe('not-found');
    expect(result.record).toBeUndefined();
  });
});

describe('the loopback server was really asked', () => {
  it('received one query per answer', () => {
    expect(server.queries.length).toBe(found.length + notFound.length);
  });
});
