// One fact, one finding: the cases of the Tianjin example where several rules see the same fact.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FilingReport, Finding } from '../../src/model.js';
import { checkExamples } from './examples.js';

let tianjin: FilingReport;
beforeAll(async () => {
  tianjin = (await checkExamples(['tianjin-enterprise-problems'], 'en')).filings[0]!;
}, 60_000);

const of = (rule: string) => tianjin.findings.filter((f) => f.rule === rule);
const open = (f: Finding) => f.status === 'fail' || f.status === 'warn' || f.status === 'unknown';

describe('one fact, one finding', () => {
  it('the shared mobile number is the Tianjin rule, which names the general one', () => {
    expect(of('person/mobile-shared')).toEqual([]);
    expect(of('province/tianjin/no-shared-mobile')).toMatchObject([{ status: 'fail', alsoRequiredBy: ['person/mobile-shared'] }]);
  });

  it('a missing ID back is one failure, on the file, naming the document rule; the document is not counted again', () => {
    const readable = of('image/readable').filter((f) => f.status === 'fail');
    expect(readable).toHaveLength(1);
    expect(readable[0]!.alsoRequiredBy).toContain('document/principal-id-back');
    const back = tianjin.documents.find((d) => d.kind === 'id-back' && d.for === 'entity.principal')!;
    expect(back).toMatchObject({ provided: false, reportedBy: 'image/readable' });
    expect(tianjin.summary.missingDocuments).toBe(tianjin.documents.filter((d) => d.required && !d.provided && !d.reportedBy).length);
  });

  it('the .io domain that cannot be filed asks nothing else about itself', () => {
    const io = tianjin.findings.filter((f) => f.message.includes('haihe-example.io') && open(f));
    expect(io.map((f) => f.rule)).toEqual(['domain/suffix-approved']);
    expect(io[0]!.alsoRequiredBy).toEqual(expect.arrayContaining(['domain/real-name-verified', 'whois/expiry', 'whois/holder', 'whois/registered']));
  });

  it('the Hong Kong instance is one failure: not in mainland China', () => {
    const hk = tianjin.findings.filter((f) => f.path.startsWith('instances[0]') && open(f));
    expect(hk.map((f) => f.rule)).toEqual(['instance/mainland-region']);
    expect(hk[0]!.alsoRequiredBy).toEqual(['instance/public-bandwidth', 'instance/remaining-term', 'instance/service-number-quota', 'instance/subscription-billing']);
  });

  it('a rule that fails for one website and passes for the other names the website on each line', () => {
    const lines = of('province/tianjin/admin-differs-from-principal');
    expect(lines.map((f) => [f.status, f.subject])).toEqual([
      ['fail', '海河示例贸易'],
      ['pass', '海河示例商城'],
    ]);
    for (const f of lines) expect(f.message).toContain(f.subject);
  });

  it('the summary counts problems, not rule hits', () => {
    expect(tianjin.summary.fail).toBe(tianjin.findings.filter((f) => f.status === 'fail').length);
    expect(tianjin.summary.fail).toBe(11);
  });
});
