// The connection guard: which addresses are refused unless named, and a host name checked by what
// DNS answers, at connection time, through a real `net.connect` to 127.0.0.1.
import { connect, createServer, type AddressInfo } from 'node:net';
import type { LookupAddress } from 'node:dns';
import { afterEach, describe, expect, it } from 'vitest';
import { Destinations, isUnder, ownDomainOf, specialAddress } from '../../src/facts/domains/destinations.js';

describe('specialAddress', () => {
  const refused: [string, RegExp][] = [
    ['127.0.0.1', /loopback/],
    ['127.0.0.2', /loopback/],
    ['0.0.0.0', /loopback/],
    ['::1', /loopback/],
    ['[::1]', /loopback/],
    ['::ffff:127.0.0.1', /loopback/],
    ['::ffff:7f00:1', /loopback/],
    ['169.254.169.254', /link-local/],
    ['fe80::1', /link-local/],
    ['fe80::1%eth0', /link-local/],
    ['10.1.2.3', /private/],
    ['172.16.0.1', /private/],
    ['172.31.255.255', /private/],
    ['192.168.1.1', /private/],
    ['100.64.0.1', /private/],
    ['fd00::1', /private/],
    ['224.0.0.1', /multicast/],
    ['239.255.255.250', /multicast/],
    ['ff02::1', /multicast/],
    ['255.255.255.255', /reserved/],
    ['64:ff9b::a9fe:a9fe', /private|reserved/],
  ];
  for (const [address, why] of refused) it(`refuses ${address}`, () => expect(specialAddress(address)).toMatch(why));

  for (const address of ['1.1.1.1', '203.119.25.1', '172.32.0.1', '2001:dc7::1', 'whois.cnnic.cn'])
    it(`lets ${address} through`, () => expect(specialAddress(address)).toBeUndefined());
});

describe('the registry domain and suffix checks', () => {
  it('takes the registry domain from its server host', () => {
    expect(ownDomainOf('rdap.verisign.com')).toBe('verisign.com');
    expect(ownDomainOf('rdap.nic.co.uk')).toBe('nic.co.uk');
    expect(ownDomainOf('rdap.nic.top')).toBe('nic.top');
  });
  it('matches a host under a domain by whole labels only', () => {
    expect(isUnder('whois.nic.top', 'top')).toBe(true);
    expect(isUnder('evilnic.top', 'nic.top')).toBe(false);
    expect(isUnder('NIC.TOP.', 'nic.top')).toBe(true);
  });
});

describe('Destinations', () => {
  const servers: { close(cb: () => void): void }[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
  });

  async function listener(): Promise<{ port: number; accepted: () => number }> {
    let accepted = 0;
    const s = createServer((socket) => {
      accepted++;
      socket.end();
    });
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    servers.push(s);
    return { port: (s.address() as AddressInfo).port, accepted: () => accepted };
  }

  /** Connects through the guard; resolves with the error or undefined once connected. */
  function tryConnect(d: Destinations, host: string, port: number): Promise<Error | undefined> {
    return new Promise((resolve) => {
      try {
        d.checkLiteral(host);
      } catch (err) {
        return resolve(err as Error);
      }
      const socket = connect({ host, port, lookup: d.lookup as never });
      socket.on('connect', () => {
        socket.destroy();
        resolve(undefined);
      });
      socket.on('error', (err) => resolve(err));
    });
  }

  it('refuses a literal loopback address nobody named, and connects when it is named', async () => {
    const l = await listener();
    expect((await tryConnect(new Destinations([]), '127.0.0.1', l.port))?.message).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(await tryConnect(new Destinations(['127.0.0.1']), '127.0.0.1', l.port)).toBeUndefined();
  });

  it('refuses a host name whose DNS answer is loopback (`localhost`) before any byte is sent', async () => {
    const l = await listener();
    const err = await tryConnect(new Destinations(['127.0.0.1']), 'localhost', l.port);
    expect(err?.message).toMatch(/localhost resolves to (127\.0\.0\.1|::1), a loopback address; refused/);
    expect(l.accepted()).toBe(0);
  });

  it('refuses a name when any of its DNS answers is private, even with a public one first', async () => {
    const answers: LookupAddress[] = [
      { address: '203.119.25.1', family: 4 },
      { address: '10.0.0.8', family: 4 },
    ];
    const resolver = ((_h: string, _o: unknown, cb: (e: null, a: LookupAddress[]) => void) => cb(null, answers)) as never;
    const d = new Destinations([], resolver);
    const err = await new Promise<Error | null>((resolve) => d.lookup('whois.registrar.example', { all: true }, (e) => resolve(e)));
    expect(err?.message).toBe('whois.registrar.example resolves to 10.0.0.8, a private or reserved address; refused');
  });

  it('passes a named host through whatever it resolves to', async () => {
    const l = await listener();
    expect(await tryConnect(new Destinations(['localhost']), 'localhost', l.port)).toBeUndefined();
  });
});
