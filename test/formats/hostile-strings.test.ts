// Text from outside (manifest values, WHOIS fields, file names) reaches every format; none of it
// may break the format's syntax or reach a terminal as a control sequence.
import { describe, expect, it } from 'vitest';
import type { FilingReport, Report } from '../../src/model.js';
import type { FormatContext } from '../../src/report/formats/context.js';
import { github } from '../../src/report/formats/github.js';
import { junit } from '../../src/report/formats/junit.js';
import { markdown } from '../../src/report/formats/markdown.js';
import { sarif } from '../../src/report/formats/sarif.js';
import { githubStepSummary } from '../../src/report/formats/github.js';
import { RULE_MAP } from './filings-fixture.js';
import { parseXml, type XmlElement } from './xml-parse.js';

const HOSTILE = 'a <b> & c ]]> d \x1b[2J e\nf %0A g \r h " \' | ` * _ [x](javascript:1) \u202e i \ud800 j';
const ctx: FormatContext = { lang: 'en', rules: RULE_MAP, cwd: '/work/repo' };

function hostileReport(): Report {
  const filing: FilingReport = {
    file: `/work/repo/clients/evil ${HOSTILE.replace(/\n|\r/g, '')}.yaml`,
    province: 'guangdong',
    verdict: 'blocked',
    findings: [
      {
        rule: 'whois/real-name-verified',
        status: 'fail',
        path: `domains["x${HOSTILE}"]`,
        message: `Holder: ${HOSTILE}`,
        fix: `Fix ${HOSTILE}`,
        source: 'before §3',
        line: 3,
        column: 7,
      },
      { rule: 'domain/suffix-approved', status: 'warn', path: 'websites[0]', message: HOSTILE, source: HOSTILE, line: 9, column: 3 },
    ],
    documents: [{ kind: 'website-construction-plan', for: HOSTILE, required: true, provided: false, rules: ['province/guangdong/website-construction-plan'] }],
    summary: { fail: 1, warn: 1, unknown: 0, pass: 0, info: 0, missingDocuments: 1 },
  };
  return { tool: { name: 'icp-check', version: '0.1.0', rulesDate: '2019-08-06' }, date: '2026-11-26', filings: [filing] };
}

// ESC, other C0/C1 controls (tab and newline aside), bidi overrides and lone surrogates.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function allText(el: XmlElement): string[] {
  return [el.text, ...Object.values(el.attrs), ...el.children.flatMap(allText)];
}

describe('hostile strings', () => {
  const report = hostileReport();
  const outputs = { junit: junit(report, ctx), sarif: sarif(report, ctx), github: github(report, ctx), markdown: markdown(report, ctx), summary: githubStepSummary(report, ctx) };

  it('never pass a control character, bidi override or lone surrogate through', () => {
    for (const [name, text] of Object.entries(outputs)) expect(UNSAFE.test(text), name).toBe(false);
  });

  it('junit stays well-formed and keeps the words', () => {
    const root = parseXml(outputs.junit);
    const texts = allText(root).join('\n');
    expect(texts).toContain('a <b> & c ]]> d [2J e');
    expect(outputs.junit).not.toContain(']]>');
  });

  it('sarif stays valid JSON and keeps the words', () => {
    const log = JSON.parse(outputs.sarif);
    const messages = log.runs[0].results.map((r: { message: { text: string } }) => r.message.text).join('\n');
    expect(messages).toContain('Holder: a <b> & c ]]> d [2J e\nf %0A g  h');
  });

  it('github: one line per command, so a newline in data cannot start a new command', () => {
    const lines = outputs.github.trimEnd().split('\n');
    const commands = lines.filter((l) => l.startsWith('::'));
    // Two findings and the missing document (no failing finding names it), then the summary line.
    expect(commands).toHaveLength(3);
    expect(lines).toHaveLength(4);
    expect(commands[0]).toContain('%0Af %250A g %0D h');
    expect(lines[3]).toMatch(/^icp-check: /);
  });

  it('markdown: outside text cannot open tags, links or table cells, nor break lines', () => {
    // Code spans show their content literally, so only the text outside them can be markup.
    const outsideCode = (t: string) => t.replace(/(?<![\\`])(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
    for (const text of [outsideCode(outputs.markdown), outsideCode(outputs.summary)]) {
      expect(text).not.toMatch(/(?<!\\)<b>/);
      expect(text).not.toMatch(/(?<!\\)\[x(?<!\\)\]\(/);
      expect(text).not.toMatch(/^f %0A/m);
    }
    const row = outputs.markdown.split('\n').find((l) => l.startsWith('| clients/'))!;
    // Five cells: the file name's `|` is escaped.
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(5);
  });
});
