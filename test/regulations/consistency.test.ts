// The general rule files and the loaded data as a whole: ids, sources, both languages, explain
// entries, quotes that really occur in the seeds, known document kinds and fillable placeholders.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledRegulations, GENERAL_FILES } from '../../src/regulations/loader.js';
import { dataRuleMetas, regulationCodeRules } from '../../src/regulations/index.js';

const regs = bundledRegulations();
const general = regs.rules.filter((r) => r.province === undefined);

// The seeds live in shared/ beside the repository.
const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
const SEEDS = `${SHARED}seeds`;
/** Markup of the converted seed (`<i>`, `<li>`) and whitespace do not count. */
const squash = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();

const KINDS = new Set([
  'entity-certificate', 'id-front', 'id-back', 'authenticity-statement', 'power-of-attorney', 'domain-certificate',
  'domain-holder-certificate', 'residence-permit', 'proof-of-study-work-or-residence', 'website-construction-plan',
  'letter-of-guarantee', 'finance-commitment-letter', 'guangdong-authenticity-commitment', 'scopsr-certificate',
  'change-certificate', 'business-statement', 'phone-bills', 'proof-of-employment', 'proof-of-employment-or-income',
  'guardian-id', 'holding-id-photo',
]);
const PRE_APPROVALS = ['news', 'publishing', 'medicine', 'culture', 'broadcasting', 'education', 'healthcare', 'online-taxi', 'finance'];

/** Placeholders the engine fills in every scope, and those only some scopes have. */
const ALWAYS = ['name', 'certificateType', 'province', 'provinceZh', 'person', 'address', 'count', 'keyword', 'age', 'domains', 'prefixes', 'domainsUnderSubject', 'prefixesUnderSubject', 'websites', 'domainCount', 'prefixCount', 'websiteCount'];
const BY_SCOPE: Record<string, string[]> = { filing: [], website: ['website'], person: [], domain: ['domain'] };

describe('general rule files', () => {
  it('are all present and hold rules of the expected areas', () => {
    expect(GENERAL_FILES.every((f) => regs.rules.some((r) => r.file === f))).toBe(true);
    const areas = new Set(general.map((r) => r.id.split('/')[0]));
    expect([...areas].sort()).toEqual(['document', 'pre-approval', 'process']);
  });

  it('every rule has an id, a source, a quote, en and zh words and an explain text', () => {
    for (const r of general) {
      expect(r.id).toMatch(/^(document|pre-approval|process)\/[a-z0-9-]+$/);
      expect(r.source).toMatch(/^(before §\d|materials: |reuse: |guide: step \d|Huawei Cloud |Alibaba Cloud )/);
      for (const t of [r.title, r.message, r.explain, ...(r.fix ? [r.fix] : []), ...(r.unknown ? [r.unknown] : [])]) {
        expect(t.en.trim().length).toBeGreaterThan(0);
        expect(t.zh).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('uses only the contract’s document kinds', () => {
    for (const r of general)
      for (const d of r.documents) {
        const [kind, type] = d.kind.split(':');
        expect(type === undefined ? KINDS.has(kind!) : kind === 'pre-approval' && PRE_APPROVALS.includes(type)).toBe(true);
      }
  });

  it('has a pre-approval rule for every type', () => {
    for (const t of PRE_APPROVALS) expect(regs.byId.has(`pre-approval/${t}`)).toBe(true);
  });

  it.skipIf(!existsSync(SEEDS))('every rule quotes passages that occur in the seeds (whitespace aside; "..." joins excerpts)', () => {
    const seeds = readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => squash(readFileSync(`${SEEDS}/${f}`, 'utf8')));
    const seedText = seeds.join('\n');
    const extra = `${SHARED}design/EXTRA-RULES.md`;
    const extraText = existsSync(extra) ? squash(readFileSync(extra, 'utf8')) : '';
    const missing: string[] = [];
    for (const r of regs.rules) {
      // The reuse table is quoted row by row, joined with "; ".
      // Quotes joining several bullets are checked sentence by sentence.
      const pieces = r.quote.split(/ \.\.\. |; |(?<=[.。”])\s+/).map(squash).filter((p) => p.length > 0);
      for (const piece of pieces) if (!seedText.includes(piece) && !extraText.includes(piece)) missing.push(`${r.id}: ${piece}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('all loaded rules', () => {
  it('have a RuleMeta with explain, quote, both languages and pass/unknown messages', () => {
    const metas = new Map(dataRuleMetas().map((m) => [m.id, m]));
    expect(metas.size).toBe(regs.rules.length);
    for (const r of regs.rules) {
      const m = metas.get(r.id)!;
      expect(m.quote).toBe(r.quote);
      expect(m.explain.zh.length).toBeGreaterThan(0);
      expect(m.messages[r.status]!.message).toEqual(r.message);
      expect(Object.keys(m.messages).sort()).toEqual([...new Set([r.status, 'pass', 'unknown'])].sort());
      expect(m.province).toBe(r.province);
    }
  });

  it('use only placeholders the engine fills for their scope', () => {
    const bad: string[] = [];
    for (const r of regs.rules) {
      const allowed = new Set([...ALWAYS, ...BY_SCOPE[r.for]!]);
      for (const t of [r.message, r.fix, r.unknown, r.title])
        for (const s of t ? [t.en, t.zh] : [])
          for (const m of s.matchAll(/\{([A-Za-z]+)\}/g)) if (!allowed.has(m[1]!)) bad.push(`${r.id} (${r.for}): {${m[1]}}`);
    }
    expect(bad).toEqual([]);
  });

  it('code rules of the regulations have ids, sources and words', () => {
    for (const r of regulationCodeRules) {
      expect(r.id).toMatch(/^document\/reuse-[a-z-]+$/);
      expect(r.source).toMatch(/^reuse: /);
      expect(r.quote!.length).toBeGreaterThan(0);
      for (const m of Object.values(r.messages)) expect(m.message.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
