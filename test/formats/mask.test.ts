// `--mask`: identity numbers, mobiles and e-mail addresses masked in every message, fix, path and
// file name of the reports that travel (github, sarif, junit, markdown, the job summary), printed in
// full where asked (pretty, json, `--no-mask`), and a corrected ID number printed nowhere.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { maskByDefault, maskReport, maskText } from '../../src/report/mask.js';
import { FORMATS } from '../../src/report/formats/index.js';
import { runBin } from '../cli/run-bin.js';

describe('maskText', () => {
  const cases: [string, string][] = [
    ['440305199001011230', '4403**********1230'],
    ['44030519900101123X', '4403**********123X'],
    ['44030519900101123x', '4403**********123x'],
    ['440305900101123', '4403*******1123'],
    ['13800138000', '138****8000'],
    ['+8613800138000', '+86138****8000'],
    ['138 0013 8000', '138 ****  8000'.replace('  ', ' ')],
    ['138-0013-8000', '138-****-8000'],
    ['zhangsan@example.com', 'z***@example.com'],
    ['a@example.com', 'a***@example.com'],
    ['E12345678', 'E****5678'],
    ['H1234567890', 'H******7890'],
    ['张三: 440305199001011230 has a wrong check character.', '张三: 4403**********1230 has a wrong check character.'],
    ['李四 and 张三 share the mobile number 13800138000.', '李四 and 张三 share the mobile number 138****8000.'],
    ['filings/440305199001011230-张三.yaml', 'filings/4403**********1230-张三.yaml'],
    ['写信给 lisi.wang@example.cn。', '写信给 l***@example.cn。'],
  ];
  for (const [input, masked] of cases) it(`${input} → ${masked}`, () => expect(maskText(input)).toBe(masked));

  const untouched = [
    '2026-11-26',
    'person/id-number',
    'GB 11643-1999',
    'Credit code 91440300MA5XXXXXXX is well formed',
    '京ICP备12345678号-1',
    'websites[0].domains[1]',
    '4403051990010112301', // 19 digits: not an ID number
    '138001380001', // 12 digits: not a mobile
    '12800138000', // no mobile starts with 12
    'timeout after 10000 ms',
  ];
  for (const text of untouched) it(`leaves "${text}" alone`, () => expect(maskText(text)).toBe(text));

  it('is idempotent', () => {
    for (const [input] of cases) expect(maskText(maskText(input))).toBe(maskText(input));
  });
});

describe('maskReport', () => {
  const report: Report = {
    tool: { name: 'icp-check', version: '0.1.0', rulesDate: '2026-11-01' },
    date: '2026-11-26',
    filings: [
      {
        file: 'filings/zhangsan@example.com/440305199001011230.yaml',
        province: 'guangdong',
        verdict: 'blocked',
        findings: [
          {
            rule: 'person/mobile-shared',
            status: 'warn',
            path: 'domains["13800138000.cn"]',
            message: '李四 and 张三 share the mobile number 13800138000.',
            fix: 'Call 13800138000 or write to zhangsan@example.com',
            source: 'GB 11643-1999',
            line: 12,
          },
        ],
        documents: [{ kind: 'id-front', for: '张三 440305199001011230', required: true, provided: false, rules: ['document/principal-id-front'], providedBy: 'documents[0]' }],
        summary: { fail: 0, warn: 1, unknown: 0, pass: 0, info: 0, missingDocuments: 1 },
      },
    ],
  };

  it('masks every message, fix, path, file and document property, and nothing else', () => {
    const before = JSON.stringify(report);
    const m = maskReport(report);
    expect(JSON.stringify(report)).toBe(before);
    const f = m.filings[0]!;
    expect(f.file).toBe('filings/z***@example.com/4403**********1230.yaml');
    expect(f.findings[0]).toEqual({
      ...report.filings[0]!.findings[0],
      path: 'domains["138****8000.cn"]',
      message: '李四 and 张三 share the mobile number 138****8000.',
      fix: 'Call 138****8000 or write to z***@example.com',
    });
    expect(f.documents[0]!.for).toBe('张三 4403**********1230');
    expect(m.tool).toEqual(report.tool);
    expect(JSON.stringify(m)).not.toMatch(/440305199001011230|13800138000|zhangsan@/);
  });

  it('masks by default every format but pretty and json, including one added later', () => {
    expect(Object.fromEntries(FORMATS.map((f) => [f, maskByDefault(f)]))).toEqual({
      pretty: false,
      json: false,
      junit: true,
      sarif: true,
      github: true,
      markdown: true,
      html: true,
    });
    expect(maskByDefault('html')).toBe(true);
  });
});

describe('the command', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'icp-mask-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // A mistyped number (its check character wrong) and the valid number it would become.
  const MISTYPED = '440305199001011230';
  const CORRECTED = '44030519900101123X';
  const MOBILE = '13800138000';
  const manifest = path.join(dir, 'zhangsan@example.com.yaml');
  writeFileSync(
    manifest,
    `version: 1
province: guangdong
entity:
  type: individual
  name: 张三
  principal:
    name: 张三
    id: { type: id-card, number: "${MISTYPED}", expires: 2035-03-01 }
    mobile: "${MOBILE}"
websites:
  - name: 张三的博客
    domains: [zhangsan-blog.cn]
    content: [personal-blog]
    admin:
      name: 李四
      id: { type: id-card, number: "110105200001010024", expires: 2033-01-01 }
      mobile: "${MOBILE}"
`,
  );
  const run = (...args: string[]) => runBin([manifest, '--offline', '--no-cache', '--date', '2026-11-26', ...args], { cwd: dir });

  for (const format of FORMATS) {
    const masked = maskByDefault(format);
    it(`${format}: ${masked ? 'masked' : 'in full'} by default, the other way with --${masked ? 'no-' : ''}mask, never the corrected number`, () => {
      const plain = run('-f', format);
      const other = run('-f', format, masked ? '--no-mask' : '--mask');
      expect(plain.code).toBe(1);
      expect(other.code).toBe(1);
      const [m, full] = masked ? [plain.stdout, other.stdout] : [other.stdout, plain.stdout];
      // Markdown escapes the asterisks.
      expect(m).toMatch(/4403(\\?\*){10}1230/);
      expect(m).toMatch(/138(\\?\*){4}8000/);
      for (const secret of [MISTYPED, MOBILE, 'zhangsan@']) expect(m).not.toContain(secret);
      expect(full).toContain(MISTYPED);
      expect(full).toContain(MOBILE);
      for (const out of [plain, other]) {
        expect(out.stdout + out.stderr).not.toContain(CORRECTED);
        expect(out.stdout).not.toMatch(/should be|expected [0-9X]\)/);
      }
    });
  }

  it('masks the GitHub job summary too', () => {
    const summary = path.join(dir, 'summary.md');
    writeFileSync(summary, '');
    const r = runBin([manifest, '--offline', '--no-cache', '-f', 'github'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('z***@example.com');
    expect(text).not.toMatch(/zhangsan@|440305199001011230|13800138000/);
  });
});
