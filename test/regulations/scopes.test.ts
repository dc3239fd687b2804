// Scope iteration, placeholders and document holders, with synthetic rules in a fixture folder.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRegulationsFrom } from '../../src/regulations/loader.js';
import { evaluateWith } from '../../src/regulations/evaluate.js';
import { ctx, enterprise, filing, idNumber } from './helpers.js';
import { words } from './words.js';

const regs = loadRegulationsFrom(fileURLToPath(new URL('./fixtures/scopes/', import.meta.url)));

const input = enterprise('guangdong', {
  entity: {
    type: 'enterprise',
    name: '示例科技有限公司',
    legalRepresentative: { name: '赵六' },
    principal: { name: '张三', id: { type: 'id-card', number: idNumber('44', '1990-01-01') } },
  },
  websites: [
    { name: '官网', domains: ['example.com', 'www.example.com', 'example.cn'], admin: 'principal' },
    { name: '帮助中心', domains: ['例子.中国', 'example.com'], admin: { name: '张三', id: { type: 'id-card', number: idNumber('44', '1990-01-01') } } },
    { name: '商城', domains: ['shop.com'], admin: { name: '李四' }, content: ['news'], preApprovals: [{ type: 'news', image: 'news.jpg' }] },
  ],
});
const findings = evaluateWith(regs, ctx(filing(input)));
const of = (rule: string) => findings.filter((f) => f.rule === rule);

describe('scopes', () => {
  it('website: one finding per website with its path, placeholders filled', () => {
    const f = of('document/per-website');
    expect(f.map((x) => x.path)).toEqual(['websites[0]', 'websites[1]', 'websites[2]']);
    expect(words(f[0]!, 'en', regs).message).toBe('官网 of 示例科技有限公司');
    expect(f[0]!.documents).toEqual([
      { kind: 'domain-certificate', for: 'example.com' },
      { kind: 'domain-certificate', for: 'example.cn' },
      { kind: 'power-of-attorney', for: 'entity.principal' },
      { kind: 'website-construction-plan', for: 'websites[0]' },
    ]);
    // an administrator written out in full who is the principal holds as the principal
    expect(f[1]!.documents).toContainEqual({ kind: 'power-of-attorney', for: 'entity.principal' });
    expect(f[1]!.documents).toContainEqual({ kind: 'domain-certificate', for: '例子.中国' });
    expect(f[2]!.documents).toContainEqual({ kind: 'power-of-attorney', for: 'websites[2].admin' });
  });

  it('person: one finding per distinct person, with the path of its first entry', () => {
    expect(of('document/per-person').map((x) => [x.path, words(x, 'en', regs).message])).toEqual([
      ['entity.principal', '张三'],
      ['entity.legalRepresentative', '赵六'],
      ['websites[2].admin', '李四'],
    ]);
    expect(of('document/per-person')[2]!.documents).toEqual([{ kind: 'id-front', for: 'websites[2].admin' }]);
  });

  it('person: role filters, and the principal administering a website has the admin role', () => {
    expect(of('document/per-admin').map((x) => x.path)).toEqual(['entity.principal', 'websites[2].admin']);
  });

  it('domain: one finding per registrable domain at its first mention', () => {
    expect(of('document/per-domain').map((x) => [x.path, words(x, 'en', regs).message])).toEqual([
      ['websites[0].domains[0]', 'example.com'],
      ['websites[0].domains[2]', 'example.cn'],
      ['websites[1].domains[0]', '例子.中国'],
      ['websites[2].domains[0]', 'shop.com'],
    ]);
  });

  it('filing: admins, every domain and the legal representative as holders', () => {
    const [f] = of('document/filing-wide');
    expect(f!.path).toBe('');
    expect(f!.documents).toEqual([
      { kind: 'power-of-attorney', for: 'entity.principal' },
      { kind: 'power-of-attorney', for: 'websites[2].admin' },
      { kind: 'domain-certificate', for: 'example.com' },
      { kind: 'domain-certificate', for: 'example.cn' },
      { kind: 'domain-certificate', for: '例子.中国' },
      { kind: 'domain-certificate', for: 'shop.com' },
      { kind: 'id-back', for: 'entity.legalRepresentative' },
    ]);
  });

  it('require: fires when false, passes when true, not evaluated when `when` is false', () => {
    const f = of('document/remark-required');
    expect(f.map((x) => [x.path, x.status])).toEqual([
      ['websites[0]', 'warn'],
      ['websites[1]', 'warn'],
    ]);
    expect(words(f[0]!, 'en', regs).message).toBe('官网 needs the remark');
    const remarked = structuredClone(input) as { websites: Array<Record<string, unknown>> };
    remarked.websites[0]!.remarks = '多个域名指向同一网站';
    const again = evaluateWith(regs, ctx(filing(remarked))).filter((x) => x.rule === 'document/remark-required');
    expect(again.map((x) => x.status)).toEqual(['pass', 'warn']);
    // A pass names the website it is about, so a pass here and a failure there never read as a contradiction.
    expect(words(again[0]!, 'en', regs).message).toBe('OK: T (官网)');
  });

  it('documentsOn apply demands documents of a passing rule; plain rules demand only when firing', () => {
    const [f] = of('document/apply-docs');
    expect(f!.status).toBe('pass');
    expect(f!.documents).toEqual([{ kind: 'pre-approval:news', for: 'websites[2]' }]);
    expect(of('document/remark-required').every((x) => x.documents === undefined)).toBe(true);
  });
});
