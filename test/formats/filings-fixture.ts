// Builds reports for many filings of mixed verdicts from real manifest text, with each finding's
// line and column read from the YAML document, so formatters are tested on realistic reports.
import { LineCounter, parseDocument } from 'yaml';
import { Positions } from '../../src/manifest/load.js';
import type { Finding, FilingReport, Report, RequiredDocument, Status, Summary, Verdict } from '../../src/model.js';
import type { RuleMeta } from '../../src/rules/types.js';

export type Kind = 'ready' | 'warnings' | 'blocked' | 'blocked-documents' | 'invalid';
export const KINDS: Kind[] = ['ready', 'warnings', 'blocked', 'blocked-documents', 'invalid'];

function meta(id: string, source: string, en: string, zh: string, extra: Partial<RuleMeta> = {}): RuleMeta {
  return {
    id,
    source,
    title: { en, zh },
    explain: { en: `${en}: what is checked and why.`, zh: `${zh}：检查内容与原因。` },
    messages: {},
    ...extra,
  };
}

export const RULES: RuleMeta[] = [
  meta('entity/uscc-check', 'before §5.5.1', 'Unified social credit code is valid', '统一社会信用代码有效'),
  meta('person/mobile-format', 'materials: Requirements for material uploading', 'Mobile number format', '手机号码格式'),
  meta('domain/suffix-approved', 'before §5.4', 'Domain suffix approved by MIIT', '域名后缀已获工信部批准'),
  meta('whois/real-name-verified', 'before §3', 'Domain real-name verification', '域名实名认证'),
  meta('image/size', 'materials: Requirements for material uploading', 'Image file size', '图片文件大小'),
  meta('province/guangdong/website-construction-plan', 'before §5.9.3', 'Website construction plan', '网站建设方案书', {
    province: 'guangdong',
    quote: 'A website construction plan is required.',
  }),
  meta('process/review-time', 'guide: step 6', 'Review takes days to weeks', '审核需要数天到数周'),
  meta('manifest/yaml-syntax', 'CONTRACT.md', 'The manifest is valid YAML', '清单是有效的 YAML'),
];

export const RULE_MAP: ReadonlyMap<string, RuleMeta> = new Map(RULES.map((r) => [r.id, r]));

export interface GeneratedFiling {
  file: string;
  text: string;
  kind: Kind;
  report: FilingReport;
}

const SUFFIXES = ['com', 'cn', 'net', 'xyz', 'top'];
const CITIES = ['深圳市', '广州市', '佛山市', '东莞市'];

/** A realistic manifest; `i` varies names, domains and optional lines so positions differ. */
export function manifestText(i: number, kind: Kind): string {
  const n = String(i + 1).padStart(2, '0');
  const domain = `client${n}.${SUFFIXES[i % SUFFIXES.length]}`;
  const mobile = kind === 'blocked' || kind === 'blocked-documents' ? `1380013${n}0` : `1380013${n}00`;
  const lines = [
    `# Client ${n}: generated for the format tests`,
    'version: 1',
    'province: guangdong',
    'entity:',
    '  type: enterprise',
    `  name: ${CITIES[i % CITIES.length]}示例${n}科技有限公司`,
    '  certificate:',
    '    type: business-license',
    `    number: 91440300MA5X${n}XXXX`,
    '    expires: long-term',
    '    image: docs/license.jpg',
  ];
  if (i % 3 === 0) lines.push(`  address: 广东省${CITIES[i % CITIES.length]}南山区科技园路${i + 1}号`);
  lines.push(
    '  principal:',
    `    name: 张${n}`,
    '    id:',
    '      type: id-card',
    '      number: "440305199001011234"',
    '      front: docs/id-front.jpg',
    '      back: docs/id-back.jpg',
    `    mobile: "${mobile}"`,
    'websites:',
    `  - name: 示例${n}官网`,
    `    domains: [${domain}, www2.${domain}]`,
    '    admin: principal',
  );
  if (i % 4 === 1) lines.push('  - name: 帮助中心', `    domains: [help.${domain}]`);
  lines.push('instances:', `  - id: i-wz9example${n}`, '    product: ecs', '    region: cn-shenzhen');
  if (kind === 'invalid') {
    // An unclosed flow sequence: a YAML syntax error on a known line.
    const at = lines.findIndex((l) => l.includes('domains: ['));
    lines[at] = lines[at]!.replace(/\]$/, '');
  }
  return `${lines.join('\n')}\n`;
}

/** Line and column of a manifest path, by the checker's own mapping (a missing key maps to its parent). */
export function positionOf(text: string, manifestPath: string): { line: number; column: number } | undefined {
  return Positions.fromText(text).of(manifestPath);
}

function finding(text: string, rule: string, status: Status, path: string, message: string, extra: Partial<Finding> = {}): Finding {
  const f: Finding = { rule, status, path, message, source: RULE_MAP.get(rule)?.source ?? '', ...extra };
  const pos = positionOf(text, path);
  if (pos && f.line === undefined) {
    f.line = pos.line;
    f.column = pos.column;
  }
  return f;
}

function summarise(findings: Finding[], documents: RequiredDocument[]): Summary {
  const s: Summary = { fail: 0, warn: 0, unknown: 0, pass: 0, info: 0, missingDocuments: 0 };
  for (const f of findings) s[f.status] += 1;
  s.missingDocuments = documents.filter((d) => d.required && !d.provided).length;
  return s;
}

/** The verdict the checker gives: invalid manifests, then blocking findings or missing documents, then warnings. */
export function verdictOf(kind: Kind, findings: Finding[], documents: RequiredDocument[]): Verdict {
  if (kind === 'invalid') return 'invalid';
  if (findings.some((f) => f.status === 'fail') || documents.some((d) => d.required && !d.provided)) return 'blocked';
  if (findings.some((f) => f.status === 'warn' || f.status === 'unknown')) return 'ready-with-warnings';
  return 'ready';
}

function filingFindings(i: number, kind: Kind, text: string): { findings: Finding[]; documents: RequiredDocument[] } {
  if (kind === 'invalid') {
    const lc = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lc });
    const err = doc.errors[0]!;
    const pos = lc.linePos(err.pos[0]);
    return {
      findings: [
        {
          rule: 'manifest/yaml-syntax',
          status: 'fail',
          path: '',
          message: `The manifest is not valid YAML: ${err.code}`,
          fix: 'Close the bracket of the list.',
          source: 'CONTRACT.md',
          line: pos.line,
          column: pos.col,
        },
      ],
      documents: [],
    };
  }
  const blocked = kind === 'blocked' || kind === 'blocked-documents';
  const findings: Finding[] = [
    finding(text, 'entity/uscc-check', 'pass', 'entity.certificate.number', 'The unified social credit code is valid.'),
    finding(text, 'image/size', 'pass', 'entity.certificate.image', 'The image size is within limits.'),
    finding(text, 'domain/suffix-approved', 'pass', 'websites[0].domains[0]', 'The suffix is approved.'),
    finding(text, 'process/review-time', 'info', '', 'Review takes 1 to 20 working days.'),
  ];
  findings.push(
    blocked
      ? finding(text, 'person/mobile-format', 'fail', 'entity.principal.mobile', 'The mobile number must have 11 digits.', {
          fix: 'Write the 11-digit mainland mobile number.',
        })
      : finding(text, 'person/mobile-format', 'pass', 'entity.principal.mobile', 'The mobile number is well formed.'),
  );
  if (kind === 'warnings') {
    findings.push(
      finding(text, 'domain/suffix-approved', 'warn', 'websites[0].domains[1]', 'The suffix is on neither list.', {
        fix: 'Confirm the suffix with MIIT.',
      }),
      finding(text, 'whois/real-name-verified', 'unknown', `domains.client${String(i + 1).padStart(2, '0')}`, 'WHOIS does not say whether the domain is verified.', {
        fix: 'Declare realNameVerified under domains.',
      }),
    );
  }
  const documents: RequiredDocument[] = [
    { kind: 'entity-certificate', for: 'entity', required: true, provided: true, rules: ['image/size'], providedBy: 'entity.certificate.image' },
  ];
  if (kind === 'blocked-documents') {
    findings.push(
      finding(text, 'province/guangdong/website-construction-plan', 'info', 'websites[0]', 'Guangdong asks for a website construction plan.', {
        documents: ['website-construction-plan'],
      }),
    );
    documents.push({
      kind: 'website-construction-plan',
      for: 'websites[0]',
      required: true,
      provided: false,
      rules: ['province/guangdong/website-construction-plan'],
    });
  }
  return { findings, documents };
}

/** `count` filings cycling through every kind, as files under `folder`. */
export function makeFilings(count = 30, folder = 'filings'): GeneratedFiling[] {
  const out: GeneratedFiling[] = [];
  for (let i = 0; i < count; i++) {
    const kind = KINDS[i % KINDS.length]!;
    const file = `${folder}/client-${String(i + 1).padStart(2, '0')}.yaml`;
    const text = manifestText(i, kind);
    const { findings, documents } = filingFindings(i, kind, text);
    out.push({
      file,
      text,
      kind,
      report: {
        file,
        province: kind === 'invalid' ? null : 'guangdong',
        verdict: verdictOf(kind, findings, documents),
        findings,
        documents,
        summary: summarise(findings, documents),
      },
    });
  }
  return out;
}

export function makeReport(filings: GeneratedFiling[] | FilingReport[]): Report {
  return {
    tool: { name: 'icp-check', version: '0.1.0', rulesDate: '2019-08-06' },
    date: '2026-11-26',
    filings: filings.map((f) => ('report' in f ? f.report : f)),
  };
}

/** 1-based line of the first line containing `needle` (an oracle independent of the YAML library). */
export function lineContaining(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`no line contains ${needle}`);
  return index + 1;
}
