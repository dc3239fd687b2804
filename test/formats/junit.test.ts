import { describe, expect, it } from 'vitest';
import { junit } from '../../src/report/formats/junit.js';
import type { FormatContext } from '../../src/report/formats/context.js';
import { makeFilings, makeReport, RULE_MAP } from './filings-fixture.js';
import { parseXml, type XmlElement } from './xml-parse.js';

const ctx: FormatContext = { lang: 'en', rules: RULE_MAP, cwd: process.cwd() };

// The element and attribute rules of junit-10.xsd (the schema Jenkins' xunit plugin and GitLab read).
const XSD: Record<string, { attrs: string[]; required: string[]; children: string[] }> = {
  testsuites: { attrs: ['name', 'time', 'tests', 'failures', 'errors'], required: [], children: ['testsuite'] },
  testsuite: {
    attrs: ['name', 'tests', 'failures', 'errors', 'group', 'time', 'skipped', 'timestamp', 'hostname', 'id', 'package', 'file', 'log', 'url'],
    required: ['name', 'tests', 'failures', 'errors'],
    children: ['testsuite', 'properties', 'testcase', 'system-out', 'system-err'],
  },
  properties: { attrs: [], required: [], children: ['property'] },
  property: { attrs: ['name', 'value'], required: ['name', 'value'], children: [] },
  testcase: {
    attrs: ['name', 'time', 'classname', 'group'],
    required: ['name'],
    children: ['skipped', 'error', 'failure', 'rerunFailure', 'rerunError', 'flakyFailure', 'flakyError', 'system-out', 'system-err'],
  },
  failure: { attrs: ['type', 'message'], required: [], children: [] },
  error: { attrs: ['type', 'message'], required: [], children: [] },
  skipped: { attrs: ['type', 'message'], required: [], children: [] },
  'system-out': { attrs: [], required: [], children: [] },
  'system-err': { attrs: [], required: [], children: [] },
};
const SUREFIRE_TIME = /^(([0-9]{0,3},)*[0-9]{3}|[0-9]{0,3})*(\.[0-9]*)?$/;

function conformsToJunitXsd(el: XmlElement, where = el.name): string[] {
  const rule = XSD[el.name];
  if (!rule) return [`${where}: element <${el.name}> is not in the schema`];
  const problems: string[] = [];
  for (const a of Object.keys(el.attrs)) if (!rule.attrs.includes(a)) problems.push(`${where}: attribute ${a} not allowed`);
  for (const a of rule.required) if (!(a in el.attrs)) problems.push(`${where}: attribute ${a} required`);
  if ((el.name === 'testsuite' || el.name === 'testsuites') && el.attrs.time !== undefined && !SUREFIRE_TIME.test(el.attrs.time)) {
    problems.push(`${where}: time ${el.attrs.time} is not a SUREFIRE_TIME`);
  }
  for (const c of el.children) {
    if (!rule.children.includes(c.name)) problems.push(`${where}: <${c.name}> not allowed inside <${el.name}>`);
    else problems.push(...conformsToJunitXsd(c, `${where}/${c.name}`));
  }
  if (el.name !== 'testsuites' && rule.children.length > 0 && el.text.trim() !== '') problems.push(`${where}: text not allowed`);
  return problems;
}

const byName = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);

describe('junit', () => {
  const filings = makeFilings(30);
  const report = makeReport(filings);

  it('is well-formed XML that follows junit-10.xsd', () => {
    const root = parseXml(junit(report, ctx));
    expect(root.name).toBe('testsuites');
    expect(conformsToJunitXsd(root)).toEqual([]);
  });

  it('has a testsuite per filing with counts that match its testcases', () => {
    const root = parseXml(junit(report, ctx));
    const suites = byName(root, 'testsuite');
    expect(suites.map((s) => s.attrs.name)).toEqual(report.filings.map((f) => f.file));
    let tests = 0;
    let failures = 0;
    for (const suite of suites) {
      const cases = byName(suite, 'testcase');
      const failed = cases.filter((c) => byName(c, 'failure').length > 0);
      expect(Number(suite.attrs.tests)).toBe(cases.length);
      expect(Number(suite.attrs.failures)).toBe(failed.length);
      tests += cases.length;
      failures += failed.length;
    }
    expect(Number(root.attrs.tests)).toBe(tests);
    expect(Number(root.attrs.failures)).toBe(failures);
  });

  it('fails exactly the filings that are not ready, with a testcase per rule evaluated', () => {
    const root = parseXml(junit(report, ctx));
    const suites = byName(root, 'testsuite');
    for (const [i, suite] of suites.entries()) {
      const filing = report.filings[i]!;
      const cases = byName(suite, 'testcase');
      const failed = cases.filter((c) => byName(c, 'failure').length > 0);
      const verdict = byName(byName(suite, 'properties')[0]!, 'property').find((p) => p.attrs.name === 'verdict')?.attrs.value;
      expect(verdict).toBe(filing.verdict);
      if (filing.verdict === 'invalid') {
        expect(cases).toHaveLength(1);
        expect(failed).toHaveLength(1);
        continue;
      }
      const rules = [...new Set([...filing.findings.map((f) => f.rule), ...filing.documents.flatMap((d) => d.rules)])].sort();
      expect(cases.map((c) => c.attrs.name)).toEqual(rules);
      expect(failed.length > 0).toBe(filing.verdict === 'blocked');
      const failingRules = new Set([
        ...filing.findings.filter((f) => f.status === 'fail').map((f) => f.rule),
        ...filing.documents.filter((d) => d.required && !d.provided).flatMap((d) => d.rules),
      ]);
      expect(failed.map((c) => c.attrs.name).sort()).toEqual([...failingRules].sort());
    }
  });

  it('puts the message, fix and position of a failing finding into the failure', () => {
    const blocked = filings.find((f) => f.kind === 'blocked')!;
    const root = parseXml(junit(makeReport([blocked]), ctx));
    const testcase = byName(byName(root, 'testsuite')[0]!, 'testcase').find((c) => c.attrs.name === 'person/mobile-format')!;
    const failure = byName(testcase, 'failure')[0]!;
    const f = blocked.report.findings.find((x) => x.rule === 'person/mobile-format')!;
    expect(failure.attrs.message).toContain(f.message);
    expect(failure.attrs.message).toContain(`${blocked.file}:${f.line}:${f.column}`);
    expect(failure.text).toContain(`fix: ${f.fix}`);
    expect(failure.text).toContain(`source: ${f.source}`);
  });

  it('names missing documents in the failure of the rule that demands them', () => {
    const withDocs = filings.find((f) => f.kind === 'blocked-documents')!;
    const root = parseXml(junit(makeReport([withDocs]), ctx));
    const testcase = byName(byName(root, 'testsuite')[0]!, 'testcase').find((c) => c.attrs.name === 'province/guangdong/website-construction-plan')!;
    expect(byName(testcase, 'failure')[0]!.text).toContain('website-construction-plan');
  });

  it('fails warnings and unknowns under --strict only', () => {
    const warned = filings.find((f) => f.kind === 'warnings')!;
    const relaxed = parseXml(junit(makeReport([warned]), ctx));
    const strict = parseXml(junit(makeReport([warned]), { ...ctx, strict: true }));
    expect(Number(relaxed.attrs.failures)).toBe(0);
    // Warnings still show in the log of a passing testcase.
    expect(byName(byName(relaxed, 'testsuite')[0]!, 'testcase').some((c) => byName(c, 'system-out').length > 0)).toBe(true);
    const warnedRules = new Set(warned.report.findings.filter((f) => f.status === 'warn' || f.status === 'unknown').map((f) => f.rule));
    expect(Number(strict.attrs.failures)).toBe(warnedRules.size);
  });

  it('still has a passing testcase for a filing with nothing to report, and an empty run is valid', () => {
    const bare = { ...filings[0]!.report, findings: [], documents: [] };
    const root = parseXml(junit(makeReport([bare]), ctx));
    const cases = byName(byName(root, 'testsuite')[0]!, 'testcase');
    expect(cases).toHaveLength(1);
    expect(byName(cases[0]!, 'failure')).toHaveLength(0);
    const empty = parseXml(junit(makeReport([]), ctx));
    expect(empty.attrs.tests).toBe('0');
    expect(conformsToJunitXsd(empty)).toEqual([]);
  });
});
