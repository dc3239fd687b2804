import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sarif, sarifLevel } from '../../src/report/formats/sarif.js';
import type { FormatContext } from '../../src/report/formats/context.js';
import { makeFilings, makeReport, RULE_MAP } from './filings-fixture.js';
import { sarifValidator } from './sarif-validator.js';

const ctx: FormatContext = { lang: 'en', rules: RULE_MAP, cwd: '/work/repo' };

interface SarifLog {
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: Array<Record<string, any>> } };
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn?: number } } }>;
    }>;
  }>;
}

describe('sarif', () => {
  const validate = sarifValidator();
  const filings = makeFilings(30, '/work/repo/filings');
  const report = makeReport(filings);

  it('validates against the SARIF 2.1.0 JSON Schema', () => {
    const log = JSON.parse(sarif(report, ctx));
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check can fail: a result without a message is rejected', () => {
    const log = JSON.parse(sarif(report, ctx)) as SarifLog;
    delete (log.runs[0]!.results[0] as Partial<SarifLog['runs'][0]['results'][0]>).message;
    expect(validate(log)).toBe(false);
  });

  it('has one result per failure, warning and point to confirm, at the manifest line and column, and per missing document', () => {
    const log = JSON.parse(sarif(report, ctx)) as SarifLog;
    const run = log.runs[0]!;
    const expected = report.filings.flatMap((f) => f.findings.filter((x) => x.status !== 'pass' && x.status !== 'info').map((x) => ({ f, x })));
    // The fixture's missing documents are demanded by info findings, so none is named by a failing one.
    const missing = report.filings.flatMap((f) => f.documents.filter((d) => d.required && !d.provided).map((d) => ({ f, d })));
    expect(missing.length).toBeGreaterThan(0);
    expect(run.results).toHaveLength(expected.length + missing.length);
    for (const { f, d } of missing) {
      const match = run.results.find(
        (r) =>
          r.ruleId === d.rules[0] &&
          r.level === 'error' &&
          r.locations[0]!.physicalLocation.artifactLocation.uri === path.relative(ctx.cwd, f.file) &&
          r.message.text.includes(d.kind),
      );
      expect(match, `${f.file} ${d.kind}`).toBeDefined();
    }
    for (const { f, x } of expected) {
      const uri = path.relative(ctx.cwd, f.file);
      const match = run.results.find((r) => r.ruleId === x.rule && r.locations[0]!.physicalLocation.artifactLocation.uri === uri && r.message.text.startsWith(x.message));
      expect(match, `${f.file} ${x.rule}`).toBeDefined();
      expect(match!.level).toBe(sarifLevel(x.status));
      expect(match!.locations[0]!.physicalLocation.region).toEqual(x.line === undefined ? { startLine: 1 } : { startLine: x.line, startColumn: x.column });
    }
    // Notes only when asked for.
    const notes = report.filings.flatMap((f) => f.findings.filter((x) => x.status === 'info'));
    expect(notes.length).toBeGreaterThan(0);
    expect(run.results.filter((r) => r.level === 'note')).toEqual([]);
    const withNotes = (JSON.parse(sarif(report, { ...ctx, notes: true })) as SarifLog).runs[0]!;
    expect(withNotes.results).toHaveLength(expected.length + missing.length + notes.length);
  });

  it('maps statuses to levels: fail error, warn and unknown warning, info note; strict makes warnings errors', () => {
    expect(['fail', 'warn', 'unknown', 'info'].map((s) => sarifLevel(s as never))).toEqual(['error', 'warning', 'warning', 'note']);
    expect(['warn', 'unknown', 'info'].map((s) => sarifLevel(s as never, true))).toEqual(['error', 'error', 'note']);
  });

  it('describes every rule it reports, with title, explain text and source, and indexes it', () => {
    const log = JSON.parse(sarif(report, ctx)) as SarifLog;
    const { driver } = log.runs[0]!.tool;
    expect(driver.name).toBe('icp-check');
    expect(driver.version).toBe('0.1.0');
    expect(driver.informationUri).toMatch(/^https:\/\//);
    const reported = [...new Set(log.runs[0]!.results.map((r) => r.ruleId))].sort();
    expect(driver.rules.map((r) => r.id)).toEqual(reported);
    for (const r of log.runs[0]!.results) expect(driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
    for (const rule of driver.rules) {
      const meta = RULE_MAP.get(rule.id)!;
      expect(rule.shortDescription.text).toBe(meta.title.en);
      expect(rule.fullDescription.text).toBe(meta.explain.en);
      expect(rule.help.text).toContain(meta.source);
      expect(rule.properties.source).toBe(meta.source);
    }
  });

  it('speaks the chosen language and keeps non-ASCII file names valid URI references', () => {
    const chinese = makeFilings(5, '/work/repo/客户 资料').map((f) => f.report);
    const log = JSON.parse(sarif(makeReport(chinese), { ...ctx, lang: 'zh' }));
    expect(validate(log)).toBe(true);
    expect(log.runs[0].language).toBe('zh');
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/^%E5%AE%A2/);
    expect(log.runs[0].tool.driver.rules[0].shortDescription.text).toBe(RULE_MAP.get(log.runs[0].tool.driver.rules[0].id)!.title.zh);
  });
});
