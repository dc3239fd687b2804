// The required-documents list: merged per kind and holder, marked provided from documents[] and image fields.
import { describe, expect, it } from 'vitest';
import { documentsProvided, mergeDocuments } from '../../src/regulations/documents.js';
import { evaluateRegulations } from '../../src/regulations/index.js';
import { ctx, DATE, enterprise, filing, idNumber } from './helpers.js';

const input = enterprise('guangdong', {
  entity: {
    type: 'enterprise',
    name: '示例科技有限公司',
    certificate: { type: 'business-license', number: 'X', image: 'licence.jpg' },
    legalRepresentative: { name: '张三' },
    principal: { name: '张三', id: { type: 'id-card', number: idNumber('44', '1990-01-01'), front: 'zs-front.jpg' } },
  },
  websites: [
    { name: '官网', domains: ['example.com'], admin: { name: '李四', id: { type: 'id-card', number: idNumber('44', '1992-02-02'), front: 'ls-front.jpg', back: 'ls-back.jpg' } } },
    { name: '新闻', domains: ['news.cn'], admin: 'principal', content: ['news'], preApprovals: [{ type: 'news', number: '1', image: 'news.jpg' }] },
  ],
  documents: [
    { kind: 'power-of-attorney', for: 'admin', file: 'poa.jpg' },
    { kind: 'domain-certificate', for: 'example.com', file: 'dc.jpg' },
    { kind: 'website-construction-plan', for: '官网', file: 'plan.pdf' },
    { kind: 'authenticity-statement', reuse: { orderCompleted: '2026-10-15', orderKind: 'new' } },
    { kind: 'letter-of-guarantee', file: 'letter.jpg' },
  ],
});

describe('documentsProvided', () => {
  it('reads image fields and documents[], resolving `for`, leaving out refused reuses', () => {
    const provided = documentsProvided(filing(input), DATE);
    expect(provided).toEqual([
      { kind: 'entity-certificate', holders: ['entity'], providedBy: 'entity.certificate.image' },
      { kind: 'id-front', holders: ['entity.principal'], providedBy: 'entity.principal.id.front' },
      { kind: 'id-front', holders: ['websites[0].admin'], providedBy: 'websites[0].admin.id.front' },
      { kind: 'id-back', holders: ['websites[0].admin'], providedBy: 'websites[0].admin.id.back' },
      { kind: 'pre-approval:news', holders: ['websites[1]'], providedBy: 'websites[1].preApprovals[0].image' },
      { kind: 'power-of-attorney', holders: ['websites[0].admin', 'entity.principal'], providedBy: 'documents[0]' },
      { kind: 'domain-certificate', holders: ['example.com'], providedBy: 'documents[1]' },
      { kind: 'website-construction-plan', holders: ['websites[0]'], providedBy: 'documents[2]' },
      { kind: 'letter-of-guarantee', holders: '*', providedBy: 'documents[4]' },
    ]);
  });
});

describe('mergeDocuments', () => {
  it('de-duplicates per kind and holder, collecting rule ids, and marks provided or missing', () => {
    const f = filing(input);
    const docs = mergeDocuments(
      f,
      [
        { kind: 'domain-certificate', for: 'example.com', rule: 'a/one' },
        { kind: 'domain-certificate', for: 'example.com', rule: 'a/two' },
        { kind: 'domain-certificate', for: 'example.com', rule: 'a/one' },
        { kind: 'domain-certificate', for: 'news.cn', rule: 'a/one' },
        { kind: 'letter-of-guarantee', for: 'entity', rule: 'a/three' },
        { kind: 'id-back', for: 'entity.principal', rule: 'a/four' },
        { kind: 'authenticity-statement', for: 'entity', rule: 'a/five' },
      ],
      DATE,
    );
    expect(docs).toEqual([
      { kind: 'domain-certificate', for: 'example.com', required: true, provided: true, rules: ['a/one', 'a/two'], providedBy: 'documents[1]' },
      { kind: 'domain-certificate', for: 'news.cn', required: true, provided: false, rules: ['a/one'] },
      { kind: 'letter-of-guarantee', for: 'entity', required: true, provided: true, rules: ['a/three'], providedBy: 'documents[4]' },
      { kind: 'id-back', for: 'entity.principal', required: true, provided: false, rules: ['a/four'] },
      { kind: 'authenticity-statement', for: 'entity', required: true, provided: false, rules: ['a/five'] },
    ]);
  });

  it('accepts a valid reuse as provided', () => {
    const f = filing(enterprise('guangdong', { documents: [{ kind: 'power-of-attorney', for: 'principal', reuse: { orderCompleted: '2026-10-01', orderKind: 'change' } }] }));
    const [d] = mergeDocuments(f, [{ kind: 'power-of-attorney', for: 'entity.principal', rule: 'x/y' }], DATE);
    expect(d).toMatchObject({ provided: true, providedBy: 'documents[0]' });
    const [late] = mergeDocuments(f, [{ kind: 'power-of-attorney', for: 'entity.principal', rule: 'x/y' }], '2027-01-01');
    expect(late!.provided).toBe(false);
  });

  it('turns the bundled baseline demands into a documents list', () => {
    const f = filing(input);
    const demands = evaluateRegulations(ctx(f)).flatMap((x) => (x.documents ?? []).map((d) => ({ ...d, rule: x.rule })));
    const docs = mergeDocuments(f, demands, DATE);
    const row = (kind: string, holder: string) => docs.find((d) => d.kind === kind && d.for === holder);
    expect(row('entity-certificate', 'entity')?.provided).toBe(true);
    expect(row('id-front', 'entity.principal')?.provided).toBe(true);
    expect(row('id-back', 'entity.principal')?.provided).toBe(false);
    expect(row('id-back', 'websites[0].admin')?.provided).toBe(true);
    expect(row('authenticity-statement', 'entity')?.provided).toBe(false);
    expect(row('pre-approval:news', 'websites[1]')?.provided).toBe(true);
  });
});
