// Every rule icp-check knows, written as code or as data: an id in the contract's form, a source,
// English and Chinese words with the same placeholders, and an explain entry that renders.
import { describe, expect, it } from 'vitest';
import { allRuleMetas } from '../../src/rules/registry.js';
import { renderExplain } from '../../src/commands/explain.js';
import { RULE_AREAS } from '../../src/rules/types.js';

const AREAS: readonly string[] = RULE_AREAS;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const CHINESE = /[\u4e00-\u9fff]/;

describe('every rule', () => {
  const rules = allRuleMetas();

  it('is known by a unique id in the contract form', () => {
    expect(rules.length).toBeGreaterThan(300);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.id).toMatch(/^[a-z][a-z-]*(\/[a-z0-9][a-z0-9-]*)+$/);
      expect(AREAS).toContain(r.id.split('/')[0]);
      if (r.id.startsWith('province/')) expect(r.id.split('/')).toHaveLength(3);
    }
  });

  it('cites its source', () => {
    for (const r of rules) expect(r.source.trim(), r.id).not.toBe('');
  });

  it('has a title, an explanation and messages in English and Chinese with the same placeholders', () => {
    const problems: string[] = [];
    for (const r of rules) {
      const texts = [
        ['title', r.title],
        ['explain', r.explain],
        ...Object.entries(r.messages).flatMap(([k, m]) => [[`${k}.message`, m.message], ...(m.fix ? [[`${k}.fix`, m.fix]] : [])]),
      ] as Array<[string, { en: string; zh: string }]>;
      for (const [where, t] of texts) {
        if (!t.en?.trim() || !t.zh?.trim()) problems.push(`${r.id} ${where}: missing a language`);
        else if (!CHINESE.test(t.zh) && !/^\{\w+\}$/.test(t.zh)) problems.push(`${r.id} ${where}: the Chinese text has no Chinese`);
        else if (placeholders(t.en).join() !== placeholders(t.zh).join()) {
          // Chinese text may use a Chinese-specific argument (provinceZh for province) but never a different set of facts.
          const en = new Set(placeholders(t.en).map((p) => p!.replace(/Zh$/, '')));
          const zh = new Set(placeholders(t.zh).map((p) => p!.replace(/Zh$/, '')));
          if ([...en].some((p) => !zh.has(p)) || [...zh].some((p) => !en.has(p))) problems.push(`${r.id} ${where}: placeholders differ`);
        }
      }
      if (Object.keys(r.messages).length === 0) problems.push(`${r.id}: no messages`);
    }
    expect(problems).toEqual([]);
  });

  it('tells the user what to do whenever it warns or fails', () => {
    // Keys other than these name outcomes; pass-like keys (long-term, declared, imported ...) say nothing is wrong.
    const PASS_LIKE = /^(pass|info|unknown|long-term|declared|imported|organization-code-pass)$/;
    const missing = rules.flatMap((r) =>
      Object.entries(r.messages)
        .filter(([k, m]) => !PASS_LIKE.test(k) && !m.fix)
        .map(([k]) => `${r.id} ${k}`),
    );
    expect(missing).toEqual([]);
  });

  it('has an explain entry in both languages', () => {
    for (const r of rules) {
      const en = renderExplain(r, 'en');
      const zh = renderExplain(r, 'zh');
      expect(en).toContain(r.id);
      expect(en).toContain(r.source);
      expect(zh).toContain(r.id);
      expect(zh).toMatch(CHINESE);
    }
  });
});
