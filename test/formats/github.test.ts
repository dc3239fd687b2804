import { describe, expect, it } from 'vitest';
import { commandFor, escapeData, escapeProperty, github, githubStepSummary } from '../../src/report/formats/github.js';
import type { FormatContext } from '../../src/report/formats/context.js';
import { lineContaining, makeFilings, makeReport, RULE_MAP } from './filings-fixture.js';

const ctx: FormatContext = { lang: 'en', rules: RULE_MAP, cwd: '/work/repo' };

interface Annotation {
  command: string;
  props: Record<string, string>;
  message: string;
}

/** Reads workflow commands back the way the runner does, undoing the documented escapes. */
function parseCommands(output: string): Annotation[] {
  const unescapeValue = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  return output
    .split('\n')
    .filter((l) => l.startsWith('::'))
    .map((line) => {
      const m = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(line);
      if (!m) throw new Error(`not a workflow command: ${line}`);
      const props: Record<string, string> = {};
      for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
        const eq = pair.indexOf('=');
        props[pair.slice(0, eq)] = unescapeValue(pair.slice(eq + 1));
      }
      return { command: m[1]!, props, message: unescapeValue(m[3]!) };
    });
}

describe('github', () => {
  const filings = makeFilings(30, '/work/repo/filings');
  const report = makeReport(filings);

  it('reports every fail, warn and unknown finding of every filing, as an annotation or past the cap in the log, and nothing else', () => {
    const out = github(report, ctx);
    const annotations = parseCommands(out);
    const plain = out
      .split('\n')
      .map((l) => /^(error|warning): ([^:]+):\d+/.exec(l))
      .filter((m) => m !== null)
      .map((m) => ({ command: m[1]!, file: m[2]! }));
    for (const filing of report.filings) {
      const file = filing.file.replace('/work/repo/', '');
      const byCommand = (c: string) => annotations.filter((a) => a.props.file === file && a.command === c).length + plain.filter((p) => p.file === file && p.command === c).length;
      const named = new Set(filing.findings.filter((f) => f.status === 'fail').flatMap((f) => f.documents ?? []));
      const missing = filing.documents.filter((d) => d.required && !d.provided && !named.has(d.kind)).length;
      expect(byCommand('error')).toBe(filing.findings.filter((f) => f.status === 'fail').length + missing);
      expect(byCommand('warning')).toBe(filing.findings.filter((f) => f.status === 'warn' || f.status === 'unknown').length);
      expect(byCommand('notice')).toBe(0);
    }
    expect(out.trimEnd().split('\n').at(-1)).toBe('icp-check: 30 filings: 6 ready, 6 ready with warnings, 12 blocked, 6 invalid');
  });

  it('keeps within GitHub’s 10 annotations per level: failures first, invalid manifests first among them, then a count of the rest', () => {
    const out = github(report, ctx);
    const annotations = parseCommands(out);
    const levels = annotations.map((a) => a.command);
    expect(levels).toEqual([...levels].sort((a, b) => ['error', 'warning', 'notice'].indexOf(a) - ['error', 'warning', 'notice'].indexOf(b)));
    for (const level of ['error', 'warning']) {
      const of = annotations.filter((a) => a.command === level);
      expect(of.length).toBeLessThanOrEqual(10);
      const rest = out.split('\n').filter((l) => l.startsWith(`${level}: `)).length;
      if (rest > 0) {
        expect(of).toHaveLength(10);
        expect(of[9]!.props).toEqual({ title: 'icp-check' });
        expect(of[9]!.message).toMatch(new RegExp(`^${rest} more .* not annotated \\(GitHub shows 10 per level and step\\): the job summary and the log below list them all\\.$`));
      }
      for (const a of of.slice(0, -1)) expect(Number(a.props.line)).toBeGreaterThanOrEqual(1);
    }
    const errors = annotations.filter((a) => a.command === 'error' && a.props.file);
    const invalidFiles = new Set(report.filings.filter((f) => f.verdict === 'invalid').map((f) => f.file.replace('/work/repo/', '')));
    const firstOther = errors.findIndex((a) => !invalidFiles.has(a.props.file!));
    expect(errors.slice(firstOther).every((a) => !invalidFiles.has(a.props.file!))).toBe(true);
  });

  it('carries the manifest line numbers of three known findings', () => {
    const annotations = parseCommands(github(report, ctx));
    const blocked = filings.find((f) => f.kind === 'blocked')!;
    const warned = filings.find((f) => f.kind === 'warnings')!;
    const invalid = filings.find((f) => f.kind === 'invalid')!;
    const at = (f: typeof blocked, rule: string) => annotations.find((a) => a.props.file === f.file.replace('/work/repo/', '') && a.props.title === rule)!;

    // The lines are found by searching the manifest text, independently of the YAML library.
    const mobile = at(blocked, 'person/mobile-format');
    expect(mobile.command).toBe('error');
    expect(Number(mobile.props.line)).toBe(lineContaining(blocked.text, 'mobile:'));
    expect(Number(mobile.props.col)).toBe(5);

    const suffix = at(warned, 'domain/suffix-approved');
    expect(suffix.command).toBe('warning');
    const domainsLine = lineContaining(warned.text, 'domains: [');
    expect(Number(suffix.props.line)).toBe(domainsLine);
    expect(Number(suffix.props.col)).toBe(warned.text.split('\n')[domainsLine - 1]!.indexOf('www2.') + 1);

    const syntax = at(invalid, 'manifest/yaml-syntax');
    expect(syntax.command).toBe('error');
    const unclosed = lineContaining(invalid.text, 'domains: [');
    expect(Number(syntax.props.line)).toBeGreaterThan(unclosed);
    expect(Number(syntax.props.line)).toBe(invalid.report.findings[0]!.line);
  });

  it('puts the fix and the source into the message', () => {
    const blocked = filings.find((f) => f.kind === 'blocked')!;
    const [a] = parseCommands(github(makeReport([blocked]), ctx)).filter((x) => x.props.title === 'person/mobile-format');
    const f = blocked.report.findings.find((x) => x.rule === 'person/mobile-format')!;
    expect(a!.message.split('\n')).toEqual([f.message, f.fix, `at ${f.path}; source: ${f.source}`]);
  });

  it('uses the documented escaping for data and properties', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae');
    const odd = { ...filings[2]!.report, file: '/work/repo/a,b:c%d.yaml' };
    const [a] = parseCommands(github(makeReport([odd]), ctx));
    expect(a!.props.file).toBe('a,b:c%d.yaml');
  });

  it('speaks the chosen language in messages and the closing line', () => {
    const zh = { ...ctx, lang: 'zh' as const };
    const out = github(report, zh);
    expect(out.trimEnd().split('\n').at(-1)).toMatch(/^icp-check: 共 30 份备案：/);
    const withDocs = filings.find((f) => f.kind === 'blocked-documents')!;
    const missing = parseCommands(github(makeReport([withDocs]), zh)).find((a) => a.props.title === 'province/guangdong/website-construction-plan')!;
    expect(missing.message).toBe('缺少材料：网站建设方案书（website-construction-plan），对应 websites[0]');
  });

  it('gives unknowns the level SARIF gives them, and fails warnings and unknowns under --strict', () => {
    expect(commandFor('warn')).toBe('warning');
    expect(commandFor('unknown')).toBe('warning');
    expect(commandFor('info')).toBeUndefined();
    expect(commandFor('warn', true)).toBe('error');
    expect(commandFor('unknown', true)).toBe('error');
  });

  it('writes a step summary with a row per filing and details of those not ready', () => {
    const summary = githubStepSummary(report, ctx);
    const rows = summary.split('\n').filter((l) => l.startsWith('| filings/'));
    expect(rows).toHaveLength(30);
    const notReady = report.filings.filter((f) => f.verdict !== 'ready').length;
    expect(summary.match(/<details>/g)).toHaveLength(notReady);
    const blocked = filings.find((f) => f.kind === 'blocked')!;
    expect(summary).toContain(blocked.report.findings.find((f) => f.status === 'fail')!.message);
  });
});
