// Filings checked several at once are handed on in input order, with few finished ones waiting,
// and a slow reader slows the checks down.
import { describe, expect, it } from 'vitest';
import { eachInOrder } from '../../src/check/limit.js';
import { Spools } from '../../src/report/formats/stream.js';
import { existsSync } from 'node:fs';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('eachInOrder', () => {
  it('emits in input order, at most n at once, never more than the window ahead', async () => {
    const items = Array.from({ length: 60 }, (_, i) => i);
    // Early items are slow, so later ones finish first and must wait.
    const delay = (i: number) => (i % 7 === 0 ? 12 : (i * 5) % 4);
    let running = 0;
    let most = 0;
    let emitted = 0;
    let furthest = 0;
    const seen: number[] = [];
    await eachInOrder(
      items,
      4,
      6,
      async (i) => {
        running++;
        most = Math.max(most, running);
        furthest = Math.max(furthest, i - emitted);
        await sleep(delay(i));
        running--;
        return i * 10;
      },
      async (r, i) => {
        expect(r).toBe(i * 10);
        seen.push(i);
        await sleep(1);
        emitted++;
      },
    );
    expect(seen).toEqual(items);
    expect(most).toBe(4);
    expect(furthest).toBeLessThan(6);
    expect(furthest).toBeGreaterThan(3);
  });

  it('a slow emit holds the work back', async () => {
    let started = 0;
    let emitted = 0;
    let ahead = 0;
    await eachInOrder(
      Array.from({ length: 30 }, (_, i) => i),
      8,
      3,
      async () => {
        started++;
        ahead = Math.max(ahead, started - emitted);
      },
      async () => {
        await sleep(3);
        emitted++;
      },
    );
    expect(ahead).toBeLessThanOrEqual(3);
  });

  it('an emit that throws ends the run with its error', async () => {
    await expect(
      eachInOrder(
        [1, 2, 3],
        2,
        4,
        async (x) => x,
        (x) => {
          if (x === 2) throw new Error('disk full');
        },
      ),
    ).rejects.toThrow('disk full');
  });
});

describe('Spool', () => {
  it('gives back text, records and lines the same from memory and from disk, across multi-byte characters', () => {
    const text = '备案资料文件：身份证人像面 ✓\n'.repeat(80_000); // about 2.8 MB of UTF-8, past one read
    const records = ['', 'a:b', '12:34', '中文\n两行', 'x'.repeat(5000)];
    for (const memory of [undefined, 0, 7]) {
      const spools = new Spools(memory);
      const a = spools.spool();
      const b = spools.spool();
      const c = spools.spool();
      a.append(text);
      for (const r of records) b.appendRecord(r);
      c.append('one\ntwo\n');
      c.append('three');
      expect(spools.folder !== undefined, String(memory)).toBe(memory !== undefined);
      expect([...a.read()].join('')).toBe(text);
      expect([...b.records()]).toEqual(records);
      expect([...c.lines()]).toEqual(['one', 'two', 'three']);
      const folder = spools.folder;
      spools.close();
      if (folder) expect(existsSync(folder)).toBe(false);
    }
  });
});
