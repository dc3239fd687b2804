// Memoised answers: each distinct key once, the oldest forgotten past the bound, undefined kept too.
import { describe, expect, it } from 'vitest';
import { memoise, ownString, remember } from '../../src/memo.js';

describe('memoise', () => {
  it('answers each key once, and again once it was forgotten past the bound', () => {
    const asked: string[] = [];
    const f = memoise((k) => {
      asked.push(k);
      return k === 'none' ? undefined : k.length;
    }, 3);
    expect([f('a'), f('bb'), f('a'), f('none'), f('none')]).toEqual([1, 2, 1, undefined, undefined]);
    expect(asked).toEqual(['a', 'bb', 'none']);
    f('cccc'); // a fourth key: 'a', the oldest, is forgotten
    f('a');
    f('bb');
    expect(asked).toEqual(['a', 'bb', 'none', 'cccc', 'a', 'bb']);
  });

  it('hands the function a string equal to the key', () => {
    const text = `name: ${'x'.repeat(100)}\nother: 1`;
    const key = text.slice(6, 106);
    expect(memoise((k) => k)(key)).toBe(key);
    expect(ownString(key)).toBe(key);
  });
});

describe('remember', () => {
  it('keeps at most max entries, forgetting the oldest', () => {
    const m = new Map<number, number>();
    for (let i = 0; i < 10; i++) remember(m, i, i * i, 4);
    expect([...m.keys()]).toEqual([6, 7, 8, 9]);
  });
});
