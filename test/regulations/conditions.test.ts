// Every predicate of the condition vocabulary, true, false and (where the manifest can be silent) unknown.
import { describe, expect, it } from 'vitest';
import { evaluateCondition, threeInOne, type Scope, type Tri } from '../../src/regulations/conditions.js';
import { buildView } from '../../src/regulations/filing-view.js';
import { samePerson } from '../../src/manifest/people.js';
import type { Condition } from '../../src/regulations/schema.js';
import { condition as conditionSchema } from '../../src/regulations/schema.js';
import { DATE, enterprise, filing, idNumber } from './helpers.js';

type Kind = Scope['kind'];

function evaluate(cond: Condition, input: Record<string, unknown>, kind: Kind = 'filing', index = 0, date = DATE): Tri {
  const view = buildView(filing(input));
  const scope: Scope = { view, date, kind, notes: {} };
  if (kind === 'website') scope.website = view.filing.websites[index];
  if (kind === 'person') scope.subject = view.subjects[index];
  if (kind === 'domain') scope.domain = view.domains[index];
  return evaluateCondition(conditionSchema.parse(cond), scope);
}

const gdId = (birth = '1990-01-01', seq = '123') => idNumber('44', birth, seq);
const person = (name: string, extra: Record<string, unknown> = {}) => ({ name, id: { type: 'id-card', number: gdId() }, ...extra });
const withEntity = (entity: Record<string, unknown>, rest: Record<string, unknown> = {}) => {
  const base = enterprise('guangdong');
  return { ...base, entity: { ...(base.entity as object), ...entity }, ...rest };
};

describe('filing predicates', () => {
  it('province, entityType, filingKind', () => {
    expect(evaluate({ province: ['guangdong'] }, enterprise('广东'))).toBe(true);
    expect(evaluate({ province: ['henan'] }, enterprise('guangdong'))).toBe(false);
    expect(evaluate({ entityType: ['enterprise'] }, enterprise('guangdong'))).toBe(true);
    expect(evaluate({ entityType: ['individual'] }, enterprise('guangdong'))).toBe(false);
    expect(evaluate({ filingKind: ['new'] }, enterprise('guangdong'))).toBe(true);
    expect(evaluate({ filingKind: ['change'] }, enterprise('guangdong'))).toBe(false);
  });

  it('previousEntityType is unknown without a previous filing', () => {
    const change = (prev?: string) => enterprise('guangdong', { filing: 'change', ...(prev ? { previousFiling: { entityType: prev } } : {}) });
    expect(evaluate({ previousEntityType: ['enterprise'] }, change('enterprise'))).toBe(true);
    expect(evaluate({ previousEntityType: ['enterprise'] }, change('individual'))).toBe(false);
    expect(evaluate({ previousEntityType: ['enterprise'] }, change())).toBe(null);
    // false settles a conjunction even when another part is unknown
    expect(evaluate({ filingKind: ['transfer'], previousEntityType: ['enterprise'] }, change())).toBe(false);
  });

  it('principalIsLegalRepresentative: same name, and same ID number where both are given', () => {
    expect(evaluate({ principalIsLegalRepresentative: true }, enterprise('guangdong'))).toBe(true);
    expect(evaluate({ principalIsLegalRepresentative: true }, withEntity({ legalRepresentative: { name: '赵六' } }))).toBe(false);
    const sameNameOtherNumber = withEntity({ legalRepresentative: { name: '张三', id: { type: 'id-card', number: gdId('1980-01-01') } } });
    expect(evaluate({ principalIsLegalRepresentative: true }, sameNameOtherNumber)).toBe(false);
    const noLegal = withEntity({ legalRepresentative: undefined });
    expect(evaluate({ principalIsLegalRepresentative: true }, noLegal)).toBe(null);
  });

  it('allAdminsArePrincipal and allAdminsAreLegalRepresentative', () => {
    const ownAdmin = enterprise('guangdong', { websites: [{ name: 'a', domains: ['a.com'], admin: person('李四') }] });
    const fullPrincipal = enterprise('guangdong', { websites: [{ name: 'a', domains: ['a.com'], admin: person('张三') }] });
    expect(evaluate({ allAdminsArePrincipal: true }, enterprise('guangdong'))).toBe(true);
    expect(evaluate({ allAdminsArePrincipal: true }, ownAdmin)).toBe(false);
    expect(evaluate({ allAdminsArePrincipal: true }, fullPrincipal)).toBe(true);
    expect(evaluate({ allAdminsAreLegalRepresentative: true }, fullPrincipal)).toBe(true);
    expect(evaluate({ allAdminsAreLegalRepresentative: true }, ownAdmin)).toBe(false);
    const noLegal = { ...ownAdmin, entity: { ...(ownAdmin.entity as object), legalRepresentative: undefined } };
    expect(evaluate({ allAdminsAreLegalRepresentative: true }, noLegal)).toBe(null);
  });

  it('mobileSharedBetweenPeople compares normalised numbers of different people only', () => {
    const shared = withEntity({ principal: person('张三', { mobile: '13800138000' }) }, {
      websites: [{ name: 'a', domains: ['a.com'], admin: person('李四', { mobile: '+86 138-0013-8000' }) }],
    });
    const distinct = withEntity({ principal: person('张三', { mobile: '13800138000' }) }, {
      websites: [{ name: 'a', domains: ['a.com'], admin: person('李四', { mobile: '13900139000' }) }],
    });
    const samePersonTwice = withEntity({ principal: person('张三', { mobile: '13800138000' }) }, {
      websites: [{ name: 'a', domains: ['a.com'], admin: person('张三', { mobile: '13800138000' }) }],
    });
    expect(evaluate({ mobileSharedBetweenPeople: true }, shared)).toBe(true);
    expect(evaluate({ mobileSharedBetweenPeople: true }, distinct)).toBe(false);
    expect(evaluate({ mobileSharedBetweenPeople: true }, samePersonTwice)).toBe(false);
  });

  it('domainCount, prefixCount, websiteCount; website scope counts its own domains', () => {
    const two = enterprise('guangdong', {
      websites: [
        { name: 'a', domains: ['a.com', 'a.cn', 'www.a.com'] },
        { name: 'b', domains: ['b.com'] },
      ],
    });
    expect(evaluate({ domainCount: { eq: 3 } }, two)).toBe(true);
    expect(evaluate({ prefixCount: { eq: 2 } }, two)).toBe(true);
    expect(evaluate({ websiteCount: { gte: 3 } }, two)).toBe(false);
    expect(evaluate({ domainCount: { eq: 2 } }, two, 'website', 0)).toBe(true);
    expect(evaluate({ prefixCount: { eq: 1 } }, two, 'website', 0)).toBe(true);
    expect(evaluate({ domainCount: { gt: 1 } }, two, 'website', 1)).toBe(false);
  });

  it('content, hasPreApproval and keywords', () => {
    const news = enterprise('guangdong', {
      entity: { type: 'enterprise', name: '某某理财有限公司', principal: person('张三'), businessScope: '软件开发' },
      websites: [
        { name: '新闻网', domains: ['a.com'], content: ['news'], preApprovals: [{ type: 'news', number: '1' }] },
        { name: '博客', domains: ['b.com'], remarks: 'Personal SHOP' },
      ],
    });
    expect(evaluate({ content: ['news'] }, news)).toBe(true);
    expect(evaluate({ content: ['news'] }, news, 'website', 1)).toBe(false);
    expect(evaluate({ hasPreApproval: ['news'] }, news, 'website', 0)).toBe(true);
    expect(evaluate({ hasPreApproval: ['finance'] }, news)).toBe(false);
    expect(evaluate({ keywords: { in: ['entityName'], any: ['理财'] } }, news)).toBe(true);
    expect(evaluate({ keywords: { in: ['businessScope'], any: ['理财'] } }, news)).toBe(false);
    expect(evaluate({ keywords: { in: ['remarks'], any: ['shop'] } }, news)).toBe(true);
    expect(evaluate({ keywords: { in: ['remarks'], any: ['shop'] } }, news, 'website', 0)).toBe(false);
    expect(evaluate({ keywords: { in: ['websiteNames'], any: ['新闻'] } }, news, 'website', 0)).toBe(true);
  });

  it('addressInProvince reads the start of the address', () => {
    expect(evaluate({ addressInProvince: true }, withEntity({ address: '广东省深圳市南山区' }))).toBe(true);
    expect(evaluate({ addressInProvince: true }, withEntity({ address: '河南省郑州市' }))).toBe(false);
    expect(evaluate({ addressInProvince: true }, withEntity({}))).toBe(null);
    expect(evaluate({ addressInProvince: true }, withEntity({ address: 'Room 1, Some Road' }))).toBe(null);
  });

  it('entityNameChanged and certificateNumberChanged', () => {
    const withPrev = (prev: Record<string, unknown>) =>
      withEntity({ certificate: { type: 'business-license', number: '91440300MA5EXAMPLE' } }, { filing: 'change', previousFiling: prev });
    expect(evaluate({ entityNameChanged: true }, withPrev({ entityName: '旧名称有限公司' }))).toBe(true);
    expect(evaluate({ entityNameChanged: true }, withPrev({ entityName: '示例科技有限公司' }))).toBe(false);
    expect(evaluate({ entityNameChanged: true }, withPrev({}))).toBe(null);
    expect(evaluate({ certificateNumberChanged: true }, withPrev({ certificateNumber: '91440300ma5example' }))).toBe(false);
    expect(evaluate({ certificateNumberChanged: true }, withPrev({ certificateNumber: '91440300MA5OTHERXX' }))).toBe(true);
    expect(evaluate({ certificateNumberChanged: false }, withPrev({}))).toBe(null);
  });
});

describe('website predicates', () => {
  const input = enterprise('guangdong', {
    websites: [
      { name: '张三的博客', domains: ['a.com', 'b.com'], remarks: 'The domain names direct to the same website', admin: 'principal' },
      { name: 'Shop', domains: ['c.com'], admin: person('李四') },
    ],
  });
  it('adminIsPrincipal and adminIsLegalRepresentative', () => {
    expect(evaluate({ adminIsPrincipal: true }, input, 'website', 0)).toBe(true);
    expect(evaluate({ adminIsPrincipal: true }, input, 'website', 1)).toBe(false);
    expect(evaluate({ adminIsLegalRepresentative: false }, input, 'website', 1)).toBe(true);
    // in a filing rule: every website
    expect(evaluate({ adminIsPrincipal: true }, input)).toBe(false);
  });
  it('remarksContain is case-insensitive', () => {
    expect(evaluate({ remarksContain: ['the DOMAIN names direct to the same website'] }, input, 'website', 0)).toBe(true);
    expect(evaluate({ remarksContain: ['The domain names direct to the same website'] }, input, 'website', 1)).toBe(false);
  });
  it('nameMatches', () => {
    expect(evaluate({ nameMatches: '的(博客|个人主页)$' }, input, 'website', 0)).toBe(true);
    expect(evaluate({ nameMatches: '的(博客|个人主页)$' }, input, 'website', 1)).toBe(false);
  });
});

describe('person predicates', () => {
  const input = withEntity(
    {
      legalRepresentative: { name: '赵六', nationality: 'US', id: { type: 'passport', number: 'X1' } },
      principal: person('张三', { mobile: '13800138000', mobileProvince: '广东' }),
    },
    {
      websites: [
        { name: 'a', domains: ['a.com'], admin: { name: '李四', id: { type: 'id-card', number: idNumber('41', '2010-01-01') }, mobileProvince: 'henan', residencePermit: 'rp.jpg' } },
        { name: 'b', domains: ['b.com'], admin: { name: 'Wong', id: { type: 'hk-macao-travel-permit', number: 'H123' } } },
        { name: 'c', domains: ['c.com'], admin: { name: 'Kim', id: { type: 'passport', number: 'M1' } } },
      ],
    },
  );
  // subjects: 0 principal, 1 legal representative, 2 李四, 3 Wong, 4 Kim
  it('role and idType', () => {
    expect(evaluate({ role: ['principal'] }, input, 'person', 0)).toBe(true);
    expect(evaluate({ role: ['admin'] }, input, 'person', 0)).toBe(false);
    expect(evaluate({ role: ['legalRepresentative'] }, input, 'person', 1)).toBe(true);
    expect(evaluate({ role: ['admin'] }, input, 'person', 2)).toBe(true);
    expect(evaluate({ idType: ['passport'] }, input, 'person', 1)).toBe(true);
    expect(evaluate({ idType: ['passport'] }, input, 'person', 0)).toBe(false);
    const noId = withEntity({ principal: { name: '张三' } });
    expect(evaluate({ idType: ['id-card'] }, noId, 'person', 0)).toBe(null);
  });
  it('age from the ID number on the check date', () => {
    expect(evaluate({ age: { lt: 18 } }, input, 'person', 2)).toBe(true);
    expect(evaluate({ age: { lt: 18 } }, input, 'person', 0)).toBe(false);
    expect(evaluate({ age: { lt: 18 } }, input, 'person', 1)).toBe(null);
    expect(evaluate({ age: { lt: 18 } }, input, 'person', 2, '2028-01-01')).toBe(false);
  });
  it('domicileInProvince from the ID number; a document that is not a mainland ID card is not from the province', () => {
    expect(evaluate({ domicileInProvince: true }, input, 'person', 0)).toBe(true);
    expect(evaluate({ domicileInProvince: true }, input, 'person', 2)).toBe(false);
    expect(evaluate({ domicileInProvince: true }, input, 'person', 3)).toBe(false);
    expect(evaluate({ domicileInProvince: false }, input, 'person', 3)).toBe(true);
  });
  it('mobileInProvince from the declared mobileProvince only', () => {
    expect(evaluate({ mobileInProvince: true }, input, 'person', 0)).toBe(true);
    expect(evaluate({ mobileInProvince: true }, input, 'person', 2)).toBe(false);
    expect(evaluate({ mobileInProvince: true }, input, 'person', 3)).toBe(null);
  });
  it('foreigner: nationality, citizens’ documents, and a passport alone does not say', () => {
    expect(evaluate({ foreigner: true }, input, 'person', 1)).toBe(true);
    expect(evaluate({ foreigner: true }, input, 'person', 0)).toBe(false);
    expect(evaluate({ foreigner: true }, input, 'person', 3)).toBe(false);
    expect(evaluate({ foreigner: true }, input, 'person', 4)).toBe(null);
  });
  it('isLegalRepresentative, isPrincipal, hasResidencePermit', () => {
    expect(evaluate({ isLegalRepresentative: true }, input, 'person', 1)).toBe(true);
    expect(evaluate({ isLegalRepresentative: true }, input, 'person', 0)).toBe(false);
    expect(evaluate({ isPrincipal: true }, input, 'person', 0)).toBe(true);
    expect(evaluate({ isPrincipal: true }, input, 'person', 2)).toBe(false);
    expect(evaluate({ hasResidencePermit: true }, input, 'person', 2)).toBe(true);
    expect(evaluate({ hasResidencePermit: true }, input, 'person', 3)).toBe(false);
    const viaDocuments = { ...input, documents: [{ kind: 'residence-permit', for: 'principal', file: 'rp.jpg' }] };
    expect(evaluate({ hasResidencePermit: true }, viaDocuments, 'person', 0)).toBe(true);
  });
  it('speak of the principal in a filing rule and of the administrator in a website rule', () => {
    expect(evaluate({ age: { lt: 18 } }, input)).toBe(false);
    expect(evaluate({ age: { lt: 18 } }, input, 'website', 0)).toBe(true);
  });
});

describe('combinators', () => {
  const input = enterprise('guangdong', { entity: { type: 'enterprise', name: 'x', principal: { name: '张三', id: { type: 'passport', number: 'P' } } } });
  it('all, any and not are three-valued', () => {
    expect(evaluate({ any: [{ age: { lt: 18 } }, { province: ['guangdong'] }] }, input)).toBe(true);
    expect(evaluate({ any: [{ age: { lt: 18 } }, { province: ['henan'] }] }, input)).toBe(null);
    expect(evaluate({ all: [{ age: { lt: 18 } }, { province: ['guangdong'] }] }, input)).toBe(null);
    expect(evaluate({ all: [{ age: { lt: 18 } }, { province: ['henan'] }] }, input)).toBe(false);
    expect(evaluate({ not: { age: { lt: 18 } } }, input)).toBe(null);
    expect(evaluate({ not: { province: ['henan'] } }, input)).toBe(true);
  });
});

describe('samePerson', () => {
  it('compares names and, where both are given, ID numbers', () => {
    expect(samePerson({ name: '张三' }, { name: ' 张三 ' })).toBe(true);
    expect(samePerson({ name: 'Ann Lee' }, { name: 'ann  lee' })).toBe(true);
    expect(samePerson({ name: '张三', id: { type: 'id-card', number: '1' } }, { name: '张三' })).toBe(true);
    expect(samePerson({ name: '张三', id: { type: 'id-card', number: '1' } }, { name: '张三', id: { type: 'id-card', number: '2' } })).toBe(false);
    expect(samePerson({ name: '张三' }, { name: '李四' })).toBe(false);
  });
});

describe('threeInOne: the credit code carries the old organisation code', () => {
  it('accepts the code with or without its hyphen, in any case, with spaces', () => {
    expect(threeInOne('80210043-3', '91110000802100433B')).toBe(true);
    expect(threeInOne('802100433', '91110000802100433B')).toBe(true);
    expect(threeInOne('ma5exam-p1', '91440300MA5EXAMP1X')).toBe(true);
    expect(threeInOne(' 80210043-3 ', '9111 0000 8021 0043 3B')).toBe(true);
  });
  it('refuses another code, a credit code as the old number, or a wrong length', () => {
    expect(threeInOne('80210043-4', '91110000802100433B')).toBe(false);
    expect(threeInOne('91110000802100433B', '91110000802100433B')).toBe(false);
    expect(threeInOne('8021004', '91110000802100433B')).toBe(false);
    expect(threeInOne('80210043-3', '802100433')).toBe(false);
  });
});
