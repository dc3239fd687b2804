// A run looks up at most so many distinct domains; beyond that a domain is answered "not looked
// up" (its checks stay to confirm) and the count of those left out is kept for the closing note.
import { describe, expect, it } from 'vitest';
import { CappedDomainLookups, MAX_LOOKUPS_PER_RUN } from '../../src/check/lookup-cap.js';

describe('CappedDomainLookups', () => {
  it('looks up the first domains, answers the rest as not looked up, and counts them once each', async () => {
    // A WHOIS server the user named that refuses every connection: each lookup fails at once, on loopback.
    const lookups = new CappedDomainLookups({ offline: false, useCache: false, timeoutMs: 1000, whoisServer: '127.0.0.1:1' }, 2);
    expect((await lookups.lookup('a.cn')).error).not.toMatch(/not looked up/);
    expect((await lookups.lookup('b.cn')).error).not.toMatch(/not looked up/);
    // The same domain again is not a new lookup.
    expect((await lookups.lookup('A.cn.')).error).not.toMatch(/not looked up/);
    const third = await lookups.lookup('c.cn');
    expect(third).toMatchObject({ domain: 'c.cn', status: 'error' });
    expect(third.error).toMatch(/not looked up: this run already looked up 2 domains/);
    await lookups.lookup('c.cn');
    await lookups.lookup('d.cn');
    expect(lookups.leftOut).toBe(2);
    await lookups.close();
  });

  it('offline, nothing goes out, so no domain is left out', async () => {
    const lookups = new CappedDomainLookups({ offline: true, useCache: false, timeoutMs: 1000 }, 2);
    for (const d of ['a.cn', 'b.cn', 'c.cn', 'd.cn']) expect((await lookups.lookup(d)).status).toBe('offline');
    expect(lookups.leftOut).toBe(0);
    await lookups.close();
  });

  it('the default cap is far above a real run', () => {
    expect(new CappedDomainLookups({ offline: true, useCache: false, timeoutMs: 1000 }).cap).toBe(MAX_LOOKUPS_PER_RUN);
    expect(MAX_LOOKUPS_PER_RUN).toBeGreaterThanOrEqual(1000);
  });
});
