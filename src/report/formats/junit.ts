// JUnit XML for CI test reports (Jenkins, GitLab): a testsuite per filing, a testcase per rule
// evaluated, the shape of the common junit-10.xsd so both systems read it.
import type { FilingReport, Finding, Report, RequiredDocument } from '../../model.js';
import { cleanText as stripControl } from './outside-text.js';
import type { FormatContext, Formatter } from './context.js';
import { groupByRule, isFailing, positionText, relativeFile, type RuleGroup } from './finding-groups.js';
import { documentKindName as documentLabel } from '../document-kinds.js';
import { statusLabel, verdictLabel } from './labels.js';
import { message } from '../catalogue/index.js';
import { citationText } from '../sources.js';
import { holderName } from '../catalogue/names.js';
import { type StreamFormat, streamReport } from './stream.js';

// Characters XML 1.0 does not allow at all, even escaped (lone surrogates, U+FFFE, U+FFFF ...).
const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function clean(text: string): string {
  return stripControl(text, true).replace(XML_FORBIDDEN, '');
}

/** Text content: `]]>` cannot occur since `>` is always escaped. */
export function xmlText(text: string): string {
  return clean(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values: newlines and tabs as character references so attribute normalisation keeps them. */
export function xmlAttr(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
}

interface TestCase {
  name: string;
  failure?: { message: string; type: string; body: string };
  out?: string;
}

function findingText(f: Finding, file: string, ctx: FormatContext): string {
  const where = positionText(f);
  const lines = [`${statusLabel(f.status, ctx.lang)}: ${f.message}`];
  const w = (key: 'ci.at' | 'ci.fix' | 'ci.source') => message(key, undefined, ctx.lang);
  lines.push(`  ${w('ci.at')} ${file}${where ? `:${where}` : ''}${f.path ? ` (${f.path})` : ''}`);
  if (f.fix) lines.push(`  ${w('ci.fix')}: ${f.fix}`);
  if (f.source) lines.push(`  ${w('ci.source')}: ${citationText(f.source, ctx.lang)}`);
  if (f.alsoRequiredBy?.length) lines.push(`  ${message('md.alsoRequiredBy', undefined, ctx.lang)}: ${f.alsoRequiredBy.join(', ')}`);
  return lines.join('\n');
}

function documentText(d: RequiredDocument, ctx: FormatContext): string {
  return message('ci.missingDocument', { name: documentLabel(d.kind, ctx.lang), kind: d.kind, holder: holderName(d.for, ctx.lang) }, ctx.lang);
}

function ruleCase(group: RuleGroup, missing: RequiredDocument[], file: string, ctx: FormatContext): TestCase {
  const failing = group.findings.filter((f) => isFailing(f.status, ctx.strict) && !f.accepted);
  const others = group.findings.filter((f) => !failing.includes(f) && f.status !== 'pass');
  const testCase: TestCase = { name: group.rule };
  if (failing.length > 0 || missing.length > 0) {
    const first = failing[0];
    const message = first ? `${first.message}${positionText(first) ? ` (${file}:${positionText(first)})` : ''}` : documentText(missing[0]!, ctx);
    testCase.failure = {
      message,
      type: first ? first.status : 'missing-document',
      body: [...failing.map((f) => findingText(f, file, ctx)), ...missing.map((d) => documentText(d, ctx))].join('\n'),
    };
  }
  if (others.length > 0) testCase.out = others.map((f) => findingText(f, file, ctx)).join('\n');
  return testCase;
}

function filingCases(filing: FilingReport, file: string, ctx: FormatContext): TestCase[] {
  if (filing.verdict === 'invalid') {
    const failing = filing.findings.filter((f) => f.status !== 'pass');
    const first = failing[0];
    return [
      {
        name: 'manifest',
        failure: {
          message: first
            ? `${verdictLabel('invalid', ctx.lang)}: ${first.message}${positionText(first) ? ` (${file}:${positionText(first)})` : ''}`
            : verdictLabel('invalid', ctx.lang),
          type: 'invalid',
          body: failing.map((f) => findingText(f, file, ctx)).join('\n'),
        },
      },
    ];
  }
  const missingByRule = new Map<string, RequiredDocument[]>();
  for (const d of filing.documents) {
    if (!d.required || d.provided || d.reportedBy) continue;
    for (const rule of d.rules.length > 0 ? d.rules : ['document/required']) {
      const list = missingByRule.get(rule) ?? [];
      list.push(d);
      missingByRule.set(rule, list);
    }
  }
  const groups = groupByRule(filing.findings);
  // A rule that demands a missing document but reported nothing still gets its testcase.
  for (const rule of missingByRule.keys()) {
    if (!groups.some((g) => g.rule === rule)) groups.push({ rule, findings: [], worst: 'pass' });
  }
  groups.sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  let cases = groups.map((g) => ruleCase(g, missingByRule.get(g.rule) ?? [], file, ctx));
  // -q: only the cases that fail, without the notes of the others.
  if (ctx.quiet) cases = cases.filter((c) => c.failure).map(({ out: _out, ...c }) => c);
  // JUnit consumers treat a suite without cases as an error; a filing with nothing to report passed.
  if (cases.length === 0) cases.push({ name: 'filing' });
  return cases;
}

function renderCase(c: TestCase, classname: string): string {
  const open = `    <testcase${attrs({ name: c.name, classname, time: '0' })}`;
  if (!c.failure && !c.out) return `${open}/>`;
  const inner: string[] = [];
  if (c.failure) {
    inner.push(`      <failure${attrs({ message: c.failure.message, type: c.failure.type })}>${xmlText(c.failure.body)}</failure>`);
  }
  if (c.out) inner.push(`      <system-out>${xmlText(c.out)}</system-out>`);
  return `${open}>\n${inner.join('\n')}\n    </testcase>`;
}

/** One test suite: a filing. */
function suiteText(filing: FilingReport, date: string, rulesDate: string, ctx: FormatContext): { text: string; tests: number; failures: number } {
  const file = relativeFile(filing, ctx.cwd);
  const cases = filingCases(filing, file, ctx);
  const failed = cases.filter((c) => c.failure).length;
  const props = [['verdict', filing.verdict], ['province', filing.province ?? ''], ['date', date], ['rulesDate', rulesDate], ...datesProperties(filing)]
    .map(([name, value]) => `      <property${attrs({ name, value })}/>`)
    .join('\n');
  const text = [
    `  <testsuite${attrs({ name: file, tests: cases.length, failures: failed, errors: 0, skipped: 0, time: '0', file })}>`,
    `    <properties>\n${props}\n    </properties>`,
    ...cases.map((c) => renderCase(c, file)),
    '  </testsuite>',
  ].join('\n');
  return { text: `${text}\n`, tests: cases.length, failures: failed };
}

/** The totals head the document: the suites wait in a spool until the last filing is in. */
export const junitStream: StreamFormat = (head, ctx, spools) => {
  let tests = 0;
  let failures = 0;
  const suites = spools.spool();
  return {
    begin: () => [],
    filing(filing) {
      const suite = suiteText(filing, head.date, head.tool.rulesDate, ctx);
      tests += suite.tests;
      failures += suite.failures;
      suites.append(suite.text);
      return [];
    },
    *end() {
      yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attrs({ name: head.tool.name, tests, failures, errors: 0, time: '0' })}>\n`;
      yield* suites.read();
      yield '</testsuites>\n';
    },
  };
};

/** The JUnit XML in pieces, a test suite (a filing) at a time. */
export const junitChunks = (report: Report, ctx: FormatContext) => streamReport(junitStream, report, ctx);

export const junit: Formatter = (report: Report, ctx: FormatContext): string => [...junitChunks(report, ctx)].join('');

/** `submitFrom` and `readyUntil` of a filing as suite properties (src/report/validity.ts). */
function datesProperties(f: FilingReport): string[][] {
  const out: string[][] = [];
  if (f.submitFrom) out.push(['submitFrom', f.submitFrom.date], ['submitFromRule', f.submitFrom.rule], ['submitFromReason', f.submitFrom.reason]);
  if (f.readyUntil)
    out.push(['readyUntil', f.readyUntil.date], ['readyUntilRule', f.readyUntil.rule], ['readyUntilPath', f.readyUntil.path], ['readyUntilReason', f.readyUntil.reason]);
  return out;
}
