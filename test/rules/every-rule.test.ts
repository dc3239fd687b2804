// Every rule icp-check knows, written as code or as data: an id in the contract's form, a source,
// English and Chinese words with the same placeholders, and an explain entry that renders.
import { describe, expect, it } from 'vitest';
import { allRuleMetas } from '../../src/rules/registry.js';
import { renderExplain } from '../../src/commands/explain.js';
import { RULE_AREAS } from '../../src/rules/types.js';
import { CATALOGUES, placeholdersOf } from '../../src/report/catalogue/index.js';
import { NAME_TABLES, nameOf } from '../../src/report/catalogue/names.js';
import { bundledRegulations } from '../../src/regulations/index.js';
import { PROVINCES } from '../../src/manifest/provinces.js';
import { PRODUCTS } from '../../src/manifest/schema.js';

const DATA_RULES = new Set(bundledRegulations().rules.map((r) => r.id));

const AREAS: readonly string[] = RULE_AREAS;
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
        else if (placeholdersOf(t.en).join() !== placeholdersOf(t.zh).join()) {
          // Arguments are typed values rendered in the reader's language: no `…Zh` twin of an argument.
          // Rule texts in regulations/*.yaml still write {provinceZh} for {province} (the same value).
          const yaml = DATA_RULES.has(r.id);
          const en = new Set(placeholdersOf(t.en).map((p) => (yaml ? p.replace(/Zh$/, '') : p)));
          const zh = new Set(placeholdersOf(t.zh).map((p) => (yaml ? p.replace(/Zh$/, '') : p)));
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

describe('the message catalogue', () => {
  it('has every key in both languages with the same placeholders, and Chinese words in Chinese', () => {
    const keys = Object.keys(CATALOGUES.en).sort();
    expect(Object.keys(CATALOGUES.zh).sort()).toEqual(keys);
    const problems: string[] = [];
    for (const key of keys as Array<keyof typeof CATALOGUES.en>) {
      const en = CATALOGUES.en[key];
      const zh = CATALOGUES.zh[key];
      if (placeholdersOf(en).join() !== placeholdersOf(zh).join()) problems.push(`${key}: placeholders differ`);
      if (/[a-z]{3,}/.test(zh.replace(/\{[^}]*\}/g, '').replace(/--verbose|UTC|domains:/g, ''))) problems.push(`${key}: Latin words in Chinese: ${zh}`);
    }
    expect(problems).toEqual([]);
  });

  it('names every enum value a person sees in both languages', () => {
    for (const [kind, table] of Object.entries(NAME_TABLES)) {
      for (const [value, text] of Object.entries(table!)) {
        expect(text.en.trim(), `${kind} ${value}`).not.toBe('');
        expect(text.zh, `${kind} ${value}`).toMatch(CHINESE);
      }
    }
    for (const p of PROVINCES) expect(nameOf('province', p.slug, 'zh')).toMatch(CHINESE);
    for (const product of PRODUCTS) {
      expect(nameOf('product', product, 'en')).not.toBe(product);
      expect(nameOf('product', product, 'zh')).toMatch(CHINESE);
    }
    for (const list of ['tlds', 'registrars']) expect(nameOf('confirmAt', list, 'zh')).toMatch(CHINESE);
  });

  it('is the only place words are chosen by language', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const root = path.join(import.meta.dirname, '..', '..', 'src');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        // The questionnaire of `init` speaks to the person at the terminal, not through the report.
        else if (p.endsWith('.ts') && !p.includes(`${path.sep}init`) && !p.endsWith('options.ts')) {
          if (/lang === 'zh'|=== 'zh' \?/.test(readFileSync(p, 'utf8'))) offenders.push(path.relative(root, p));
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});
