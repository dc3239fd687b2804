import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';
import { reportValidator } from '../fuzz/check-in-process.js';

// Every field of CONTRACT.md "The JSON report", on a filing with failures, documents and every status.
describe('--format json', () => {
  const r = runBin(['examples/tianjin-enterprise-problems/manifest.yaml', 'test/fixtures/cli/wrong-type/manifest.yaml', '--offline', '--format', 'json', '--date', '2026-11-26']);
  const report = JSON.parse(r.stdout);

  it('matches the shipped report schema', () => {
    const validate = reportValidator();
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  });

  it('exits with the worst code of all filings', () => {
    expect(r.code).toBe(2);
  });

  it('has the tool, the date and one entry per filing', () => {
    expect(Object.keys(report).sort()).toEqual(['date', 'filings', 'tool']);
    expect(report.tool).toEqual({ name: 'icp-check', version: expect.stringMatching(/^\d+\.\d+\.\d+/), rulesDate: '2019-08-06' });
    expect(report.date).toBe('2026-11-26');
    expect(report.filings.map((f: { file: string }) => f.file)).toEqual(['examples/tianjin-enterprise-problems/manifest.yaml', 'test/fixtures/cli/wrong-type/manifest.yaml']);
  });

  it('gives each filing its province, verdict, findings, documents and summary', () => {
    const [tianjin, invalid] = report.filings;
    expect(Object.keys(tianjin).sort()).toEqual(['documents', 'file', 'findings', 'province', 'readyUntil', 'submitFrom', 'summary', 'verdict']);
    // Real-name verification on 2026-11-25 reaches MIIT by 2026-11-28; the certificate expires on 2026-12-31.
    expect(tianjin.submitFrom).toMatchObject({ date: '2026-11-28', rule: 'domain/real-name-sync', path: 'domains["haihe-example.cn"].realNameVerifiedOn' });
    expect(tianjin.readyUntil).toMatchObject({ date: '2027-01-01', rule: 'entity/certificate-expiry', path: 'entity.certificate.expires', status: 'fail' });
    expect(Object.keys(invalid)).not.toContain('readyUntil');
    expect(tianjin.province).toBe('tianjin');
    expect(tianjin.verdict).toBe('blocked');
    expect(invalid.verdict).toBe('invalid');
    expect(invalid.findings[0]).toMatchObject({ rule: 'manifest/schema', status: 'fail', path: 'instances[0].publicBandwidthMbps', line: 12, column: 5 });

    const statuses = new Set(tianjin.findings.map((f: { status: string }) => f.status));
    expect([...statuses].sort()).toEqual(['fail', 'info', 'pass', 'unknown', 'warn']);
    for (const f of tianjin.findings) {
      expect(f.rule).toMatch(/^[a-z-]+(\/[a-z0-9-]+)+$/);
      expect(['fail', 'warn', 'pass', 'unknown', 'info']).toContain(f.status);
      expect(typeof f.path).toBe('string');
      expect(f.message.length).toBeGreaterThan(0);
      expect(f.source.length).toBeGreaterThan(0);
      if (f.status === 'fail') expect(f.fix?.length).toBeGreaterThan(0);
      if (f.documents) for (const d of f.documents) expect(typeof d).toBe('string');
    }
    for (const d of tianjin.documents) {
      expect(Object.keys(d)).toEqual(expect.arrayContaining(['kind', 'for', 'required', 'provided', 'rules']));
      expect(d.rules.length).toBeGreaterThan(0);
    }
    const s = tianjin.summary;
    expect(Object.keys(s).sort()).toEqual(['fail', 'info', 'missingDocuments', 'pass', 'unknown', 'warn']);
    for (const status of ['fail', 'warn', 'pass', 'unknown', 'info']) expect(s[status]).toBe(tianjin.findings.filter((f: { status: string }) => f.status === status).length);
    expect(s.missingDocuments).toBe(tianjin.documents.filter((d: { required: boolean; provided: boolean }) => d.required && !d.provided).length);
    expect(s.missingDocuments).toBeGreaterThan(0);
  });
});
