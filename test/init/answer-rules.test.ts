// The rules that judge one answer, against the rule registry: every rule of `check` is either
// used by the questionnaire on the answer it judges or named as judging the whole filing, every
// condition key of the rule data is classified, and every kind of answer with rules is asked.
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeRules, allRuleMetas } from '../../src/rules/registry.js';
import { bundledRegulations } from '../../src/regulations/index.js';
import {
  ANSWER_CODE_RULES,
  ANSWER_CONDITION_KEYS,
  CONTEXT_CONDITION_KEYS,
  WHOLE_FILING_CODE_RULES,
  answerKindOf,
  answerKindOfDataRule,
  conditionKeys,
  type AnswerKind,
} from '../../src/init/answer-rules.js';
import { Draft, judgeAnswer, rulesFor, runRules } from '../../src/init/draft.js';
import { renderFinding } from '../../src/report/render.js';
import { ruleIndex } from '../../src/rules/registry.js';
import { askAnswers } from '../../src/init/questionnaire.js';
import { accept, answer, choose, no, scriptedUser, tick, USUAL_ANSWERS, yes, type Fallback, type Reply } from './scripted-ask.js';
import { ACME_USCC, LI_ID, ZHANG_ID } from './samples.js';

const TODAY = '2026-11-26';
const IMAGES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'images');

describe('rules that judge one answer', () => {
  it('classifies every code rule of the registry exactly once, and names only rules that exist', () => {
    const used = new Set(Object.values(ANSWER_CODE_RULES).flat());
    const whole = new Set(Object.keys(WHOLE_FILING_CODE_RULES));
    const ids = codeRules().map((r) => r.id);
    const unclassified = ids.filter((id) => !used.has(id) && !whole.has(id));
    expect(unclassified).toEqual([]);
    expect(ids.filter((id) => used.has(id) && whole.has(id))).toEqual([]);
    const known = new Set(allRuleMetas().map((r) => r.id));
    expect([...used, ...whole].filter((id) => !known.has(id))).toEqual([]);
  });

  it('classifies every condition key the rule data uses', () => {
    const keys = new Set<string>();
    for (const r of bundledRegulations().rules) {
      conditionKeys(r.when, keys);
      conditionKeys(r.require, keys);
    }
    const unclassified = [...keys].filter((k) => !(k in ANSWER_CONDITION_KEYS) && !(k in CONTEXT_CONDITION_KEYS));
    expect(unclassified).toEqual([]);
  });

  it('judges the province rules about one answer on that answer (Tianjin shared mobiles, mobile provinces, remarks)', () => {
    const byId = bundledRegulations().byId;
    expect(answerKindOfDataRule(byId.get('province/tianjin/no-shared-mobile')!)).toBe('person.mobile');
    expect(answerKindOfDataRule(byId.get('province/tianjin/mobile-from-province')!)).toBe('person.mobileProvince');
    expect(answerKindOfDataRule(byId.get('province/tianjin/minimum-age')!)).toBe('person.id.number');
    expect(answerKindOfDataRule(byId.get('province/jiangsu/personal-site-remarks')!)).toBe('website.remarks');
    // Comparing two people is for the checklist, not one answer.
    expect(answerKindOfDataRule(byId.get('province/tianjin/principal-legal-representative')!)).toBeUndefined();
    expect(rulesFor('person.mobile')).toContain('province/tianjin/no-shared-mobile');
  });

  it('folds manifest paths into kinds of answer', () => {
    expect(answerKindOf('websites[2].admin.mobile')).toBe('person.mobile');
    expect(answerKindOf('entity.legalRepresentative.name')).toBe('person.name');
    expect(answerKindOf('websites[0].preApprovals[1].image')).toBe('website.preApprovals.image');
    expect(answerKindOf('instances[3].region')).toBe('instance.region');
    expect(answerKindOf('documents[0].file')).toBe('document.file');
  });

  it('asks every kind of answer that has rules, across the branches of the questionnaire', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icp-init-kinds-'));
    for (const f of ['certificate.jpg', 'id-front.jpg', 'id-back.jpg']) copyFileSync(join(IMAGES, f), join(dir, f));
    const asked = new Set<string>();
    const person = (prefix: string, name: string, id: string, mobile: string): Record<string, Reply[]> => ({
      [`${prefix}.name`]: [answer(name)],
      [`${prefix}.id.type`]: [accept],
      [`${prefix}.id.number`]: [answer(id)],
      [`${prefix}.id.expires`]: [answer('2031-05-01')],
      [`${prefix}.mobile`]: [answer(mobile)],
      [`${prefix}.email`]: [answer(`${mobile}@example.com`)],
    });
    const fallback: Fallback = { ...USUAL_ANSWERS, 'document.file': accept, 'document.issued': accept };
    const replies: Record<string, Reply[]> = {
      province: [[{ type: 'guangdong' }, { key: 'enter' }]],
      filing: [choose('change')],
      'entity.type': [choose('enterprise')],
      'previousFiling.number': [answer('粤ICP备12345678号')],
      'previousFiling.entityType': [choose('enterprise')],
      'previousFiling.entityName': [answer('深圳市示例科技有限公司')],
      'previousFiling.certificateNumber': [answer(ACME_USCC)],
      'entity.name': [answer('深圳市示例科技有限公司')],
      'entity.certificate.number': [answer(ACME_USCC)],
      'entity.certificate.expires': [answer('long-term')],
      'entity.legalRepresentative.name': [answer('张三')],
      ...person('entity.principal', '张三', ZHANG_ID, '13800138000'),
      ...person('website.admin', '李四', LI_ID, '13900139000'),
      'website.name': [answer('示例科技官网'), answer('示例科技商城')],
      'website.domains': [answer('example.com, example.cn'), answer('example-shop.com')],
      'website.content': [tick('news'), tick()],
      'website.preApproval.number': [answer('国新网 1234')],
      'website.preApproval.image': [answer('certificate.jpg')],
      'website.admin': [choose('__other__'), choose('principal')],
      'website.more': [yes, no],
      'instance.id': [answer('i-wz9exampleecs01'), answer('i-market01')],
      'instance.product': [choose('ecs'), choose('marketplace')],
      'instance.region': [choose('cn-shenzhen'), choose('cn-shenzhen')],
      'instance.billing': [choose('subscription')],
      'instance.expires': [answer('2027-09-30'), answer('2027-09-30')],
      'instance.bandwidth': [answer('5')],
      'instance.orderAmount': [answer('199')],
      'instance.initialMonths': [answer('12')],
      'instance.serviceNumbersUsed': [accept, accept],
      'instance.more': [yes, no],
      'website.instances': [tick('i-wz9exampleecs01'), tick('i-market01')],
      documents: [yes],
      'document.file': [answer('id-front.jpg')],
    };
    const user = scriptedUser(replies, fallback);
    await askAnswers(user.ask, { lang: 'en', today: TODAY, manifestDir: dir, warn: () => {} });
    for (const p of user.paths) asked.add(answerKindOf(p) ?? p);
    const kinds = new Set<AnswerKind>(Object.keys(ANSWER_CODE_RULES) as AnswerKind[]);
    for (const r of bundledRegulations().rules) {
      const k = answerKindOfDataRule(r);
      if (k) kinds.add(k);
    }
    // Images of the people are asked among the documents to prepare; remarks and pre-approvals where they apply.
    expect([...kinds].filter((k) => !asked.has(k)).sort()).toEqual([]);
  });
});

describe("an answer is judged with check's own rules and words", () => {
  const ctx = { lang: 'en' as const, date: TODAY, dir: tmpdir() };

  function tianjin(): Draft {
    const d = new Draft();
    d.set('province', 'tianjin');
    d.set('entity.type', 'enterprise');
    d.set('entity.name', '天津示例科技有限公司');
    d.set('entity.principal', { name: '张三', mobile: '13800138000' });
    d.set('websites[0]', { name: '示例官网', domains: ['example.com'], admin: { name: '李四' } });
    return d;
  }

  it('refuses in Tianjin the mobile number another person already gave, in the words of the province rule', async () => {
    const d = tianjin();
    d.set('websites[0].admin.mobile', '13800138000');
    const j = await judgeAnswer(d, 'websites[0].admin.mobile', ctx);
    // The same words as check: the rule's message rendered by the report layer.
    const raw = (await runRules(d.manifest(), ctx)).find((f) => f.rule === 'province/tianjin/no-shared-mobile' && f.status === 'fail')!;
    const words = renderFinding(raw, ruleIndex().get(raw.rule), 'en');
    expect(j.fail).toContain(`${words.message} → ${words.fix}`);
    d.set('websites[0].admin.mobile', '13900139000');
    expect((await judgeAnswer(d, 'websites[0].admin.mobile', ctx)).fail).toEqual([]);
  });

  it('only warns where check only warns (a shared mobile outside Tianjin)', async () => {
    const d = tianjin();
    d.set('province', 'guangdong');
    d.set('websites[0].admin.mobile', '13800138000');
    const j = await judgeAnswer(d, 'websites[0].admin.mobile', ctx);
    expect(j.fail).toEqual([]);
    expect(j.warn).toEqual([expect.stringMatching(/^李四 and 张三 share the mobile number 13800138000\./)]);
  });

  it('refuses a website name without Chinese characters, in both languages', async () => {
    const d = tianjin();
    d.set('websites[0].name', 'haihe');
    expect((await judgeAnswer(d, 'websites[0].name', ctx)).fail).toEqual([
      'Website "haihe": the name has no Chinese characters. → Give the website a name of a few Chinese characters that says what it is (e.g. 示例科技官网).',
    ]);
    expect((await judgeAnswer(d, 'websites[0].name', { ...ctx, lang: 'zh' })).fail[0]).toMatch(/^网站“haihe”：名称中没有汉字。/);
  });

  it('says nothing about an answer the rules find no fault with', async () => {
    const d = tianjin();
    expect(await judgeAnswer(d, 'websites[0].name', ctx)).toEqual({ fail: [], warn: [] });
  });
});
