// `icp-check rules` and `icp-check explain`, run through their commander commands.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rulesCommand, renderRules, ruleRows } from '../../src/commands/rules.js';
import { explainCommand, closeIds } from '../../src/commands/explain.js';
import { allRuleMetas } from '../../src/rules/registry.js';
import { PROVINCES } from '../../src/manifest/provinces.js';

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

const run = async (command: ReturnType<typeof rulesCommand>, args: string[]) => {
  command.exitOverride();
  await command.parseAsync(args, { from: 'user' });
};

describe('icp-check rules', () => {
  it('lists rules of all 31 provinces and the general ones as JSON', async () => {
    await run(rulesCommand(), ['--format', 'json']);
    const rows = JSON.parse(out) as Array<{ id: string; province: string | null; source: string }>;
    const provinces = new Set(rows.map((r) => r.province).filter(Boolean));
    expect(provinces.size).toBe(PROVINCES.length);
    expect(rows.some((r) => r.id === 'document/reuse-window')).toBe(true);
    expect(rows.some((r) => r.id === 'pre-approval/news')).toBe(true);
    expect(rows.every((r) => r.source.length > 0)).toBe(true);
  });

  it('shows one province (any spelling) with its thresholds and sources, plus the general rules', async () => {
    await run(rulesCommand(), ['--province', '广东省']);
    expect(out).toContain('Guangdong');
    expect(out).toContain('prefixesUnderSubject ≥ 32');
    expect(out).toContain('prefixesUnderSubject ≥ 6');
    expect(out).toContain('prefixesUnderSubject ≥ 10');
    expect(out).toContain('letter-of-guarantee');
    expect(out).toMatch(/province\/guangdong\/\S+\s+\[\w+\]\s+before §5\.(5\.1|9\.3)/);
    expect(out).toContain('document/authenticity-statement');
    expect(out).not.toContain('province/henan/');
  });

  it('renders Markdown tables in Chinese', async () => {
    await run(rulesCommand(), ['-p', 'tianjin', '--format', 'markdown', '--lang', 'zh']);
    expect(out).toContain('## 天津市');
    expect(out).toContain('## 通用规则');
    expect(out).toContain('| id | 结果 |');
    expect(out).not.toContain('province/beijing/');
  });

  it('exits 2 on an unknown province', async () => {
    const codes: number[] = [];
    const c = rulesCommand((code) => codes.push(code));
    c.exitOverride();
    await c.parseAsync(['--province', 'atlantis\u001b[31m'], { from: 'user' });
    expect(process.exitCode).toBe(2);
    expect(codes).toEqual([2]);
    expect(err).toContain('unknown province "atlantis[31m"');
    expect(err).not.toContain('\u001b');
    expect(out).toBe('');
  });

  it('renders rows without the command', () => {
    const rows = ruleRows(allRuleMetas(), 'en', 'henan');
    expect(rows.every((r) => r.province === null || r.province === 'henan')).toBe(true);
    expect(renderRules(rows, 'pretty', 'en')).toMatch(/\d+ rules \(1 province\)\n$/);
  });
});

describe('icp-check explain', () => {
  it('prints what a data rule checks, the fix, the source and the quoted passage', async () => {
    await run(explainCommand(), ['document/scopsr-certificate']);
    expect(out).toContain('Public institutions and government bodies in Yunnan');
    expect(out).toContain('Source: materials: Enterprise or organizational ICP filing entity');
    expect(out).toContain('> Certificate issued by the State Commission Office for Public Sector Reform (SCOPSR)');
    expect(out).toContain('Applies when: province in [yunnan, inner-mongolia, heilongjiang, jiangxi]');
    expect(out).toContain('Fix: Add a `documents[]` entry with `kind: scopsr-certificate`');
  });

  it('explains code rules and province rules, in Chinese too', async () => {
    await run(explainCommand(), ['document/reuse-authenticity-verification', '--lang', 'zh']);
    expect(out).toContain('来源：《ICP备案材料复用》');
    expect(out).toContain('reuse: ICP备案材料复用，阿里云文档');
    expect(out).toContain('you must complete a new authenticity verification');
    out = '';
    const id = allRuleMetas().find((m) => m.province === 'guangdong')!.id;
    await run(explainCommand(), [id]);
    expect(out).toContain('Province: Guangdong');
    expect(out).toMatch(/Source: before §5/);
  });

  it('exits 2 on an unknown id and suggests close ones', async () => {
    const codes: number[] = [];
    const c = explainCommand((code) => codes.push(code));
    c.exitOverride();
    await c.parseAsync(['document/reuse-windw'], { from: 'user' });
    expect(process.exitCode).toBe(2);
    expect(codes).toEqual([2]);
    expect(err).toContain('no rule "document/reuse-windw"; did you mean: document/reuse-window');
  });

  it('suggests by last segment', () => {
    expect(closeIds('scopsr-certificate', ['document/scopsr-certificate', 'document/entity-certificate', 'process/psb-filing'])).toEqual([
      'document/scopsr-certificate',
    ]);
    expect(closeIds('zzzzzzzzzzzz', ['process/psb-filing'])).toEqual([]);
  });
});
