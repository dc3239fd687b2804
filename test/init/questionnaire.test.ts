// The questionnaire, question by question, through real @inquirer prompts: validation re-asks with
// the reason, and the branches (individual or enterprise, administrator, several websites).
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { askAnswers } from '../../src/init/questionnaire.js';
import { buildManifest } from '../../src/init/build-manifest.js';
import { manifestYaml } from '../../src/init/manifest-yaml.js';
import { validateManifestText } from '../../src/init/write-manifest.js';
import { accept, answer, badThenGood, choose, no, scriptedUser, tick, USUAL_ANSWERS, yes, type Fallback, type Reply } from './scripted-ask.js';
import { ACME_USCC, ACME_USCC_WRONG, HK_PERMIT, LI_ID, SICHUAN_USCC, WANG_ID, ZHANG_ID, ZHANG_ID_WRONG, ZHEJIANG_USCC, TIANJIN_ID } from './samples.js';

const TODAY = '2026-11-26';
const IMAGES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'images');

function person(prefix: string, name: string, id: string, mobile: string, email: string): Record<string, Reply[]> {
  return {
    [`${prefix}.name`]: [answer(name)],
    [`${prefix}.id.type`]: [accept],
    [`${prefix}.id.number`]: [answer(id)],
    [`${prefix}.id.expires`]: [answer('2031-05-01')],
    [`${prefix}.mobile`]: [answer(mobile)],
    [`${prefix}.email`]: [answer(email)],
  };
}

/** An enterprise in Guangdong, one website run by the principal, one ECS instance. */
function enterprise(): Record<string, Reply[]> {
  return {
    province: [[{ type: 'guang' }, { see: /Guangdong\s+广东省/ }, { key: 'enter' }]],
    filing: [accept],
    'entity.type': [choose('enterprise')],
    'entity.name': [answer('深圳市示例科技有限公司')],
    'entity.certificate.number': [answer(ACME_USCC)],
    'entity.certificate.expires': [answer('long-term')],
    'entity.legalRepresentative.name': [answer('张三')],
    ...person('entity.principal', '张三', ZHANG_ID, '13800138000', 'zhangsan@example.com'),
    'website.name': [answer('示例科技官网')],
    'website.domains': [answer('example.com, example.cn')],
    'website.content': [tick()],
    'website.admin': [choose('principal')],
    'website.more': [no],
    'instance.id': [answer('i-wz9exampleecs01')],
    'instance.product': [choose('ecs')],
    'instance.region': [choose('cn-shenzhen')],
    'instance.billing': [choose('subscription')],
    'instance.expires': [answer('2027-09-30')],
    'instance.bandwidth': [answer('5')],
    'instance.serviceNumbersUsed': [accept],
    'instance.more': [no],
  };
}

/** The usual answers, and no documents now. */
const FALLBACK: Fallback = { ...USUAL_ANSWERS, documents: no };

const run = (replies: Record<string, Reply[]>, manifestDir = tmpdir(), warnings: string[] = []) => {
  const user = scriptedUser(replies, FALLBACK);
  const done = askAnswers(user.ask, { lang: 'en', today: TODAY, manifestDir, warn: (l) => warnings.push(l) });
  return { user, done };
};

describe('init questionnaire', () => {
  it('asks an enterprise for its certificate and legal representative, and the answers make a valid manifest', async () => {
    const { user, done } = run(enterprise());
    const a = await done;
    expect(user.unused()).toEqual([]);
    expect(a.province).toBe('guangdong');
    expect(a.entity).toMatchObject({
      type: 'enterprise',
      name: '深圳市示例科技有限公司',
      certificate: { type: 'business-license', number: ACME_USCC, expires: 'long-term' },
      legalRepresentative: { name: '张三' },
    });
    expect(a.entity.principal).toEqual({
      name: '张三',
      id: { type: 'id-card', number: ZHANG_ID, expires: '2031-05-01' },
      mobile: '13800138000',
      mobileProvince: 'guangdong',
      email: 'zhangsan@example.com',
    });
    expect(a.entity.address).toBe('广东省深圳市南山区科技园路1号');
    // Guangdong asks that several domains be declared the same website, in the remarks.
    expect(a.websites).toEqual([
      {
        name: '示例科技官网',
        domains: ['example.com', 'example.cn'],
        content: [],
        remarks: 'The domain names direct to the same website',
        admin: 'principal',
        instances: ['i-wz9exampleecs01'],
      },
    ]);
    expect(a.domains).toEqual({
      'example.com': { holder: '深圳市示例科技有限公司', realNameVerified: false, privacyProtection: false },
      'example.cn': { holder: '深圳市示例科技有限公司', realNameVerified: false, privacyProtection: false },
    });
    expect(a.instances).toEqual([
      { id: 'i-wz9exampleecs01', product: 'ecs', region: 'cn-shenzhen', billing: 'subscription', expires: '2027-09-30', publicBandwidthMbps: 5, serviceNumbersUsed: 0 },
    ]);
    const text = manifestYaml(buildManifest(a), { lang: 'en', schemaRef: './schema.json', fileLabel: 'manifest.yaml' });
    expect(validateManifestText(text)).toEqual([]);
  });

  it('shows provinces with their pinyin and Chinese names and finds one by its Chinese name', async () => {
    const replies = enterprise();
    replies.province = [[{ see: /Beijing\s+北京市 \(beijing\)/ }, { type: '四川' }, { see: /Sichuan\s+四川省/ }, { key: 'enter' }]];
    replies['entity.certificate.number'] = [answer(SICHUAN_USCC)];
    replies['entity.address'] = [answer('四川省成都市武侯区天府大道1号')];
    const a = await run(replies).done;
    expect(a.province).toBe('sichuan');
  });

  it("re-asks a wrong credit code, ID number, mobile, email, domain and date with the checker's reason", async () => {
    const replies = enterprise();
    replies['entity.certificate.number'] = [badThenGood(ACME_USCC_WRONG, /Credit code .*: the check character does not match the other\s+17\./, ACME_USCC)];
    replies['entity.principal.id.number'] = [badThenGood(ZHANG_ID_WRONG, /张三: .* has a wrong check character: the last\s+character\s+does\s+not\s+match/, ZHANG_ID)];
    replies['entity.principal.mobile'] = [badThenGood('1380013800', /张三: "1380013800" is not a mainland mobile number/, '+86 138-0013-8000')];
    replies['entity.principal.email'] = [badThenGood('zhangsan.example.com', /email address/, 'zhangsan@example.com')];
    replies['website.domains'] = [
      [
        ...answer('https://example.com/'),
        { see: /"https:\/\/example\.com\/" is a URL, not a domain name/ },
        ...answer('www.example.com'),
        { see: /subdomain/ },
        ...answer('example.com'),
      ],
    ];
    replies['instance.expires'] = [badThenGood('2027-02-30', /not a real calendar date/, '2027-09-30')];
    const { user, done } = run(replies);
    const a = await done;
    expect(user.unused()).toEqual([]);
    expect(a.entity.certificate?.number).toBe(ACME_USCC);
    expect(a.entity.principal.id.number).toBe(ZHANG_ID);
    expect(a.entity.principal.mobile).toBe('13800138000');
    expect(a.websites[0]!.domains).toEqual(['example.com']);
    expect(user.asked.filter((k) => k === 'entity.principal.mobile')).toHaveLength(1);
  });

  it('checks the number against the chosen document type', async () => {
    const replies = enterprise();
    replies['entity.principal.id.type'] = [choose('hk-macao-residence-permit')];
    replies['entity.principal.id.number'] = [
      badThenGood(
        ZHANG_ID,
        /residence\s+permit\s+for\s+Hong\s+Kong\s+and\s+Macao\s+residents\s+number\s+starts\s+with\s+44,\s+which\s+does\s+not\s+fit\s+that\s+document/,
        HK_PERMIT,
      ),
    ];
    const a = await run(replies).done;
    expect(a.entity.principal.id).toMatchObject({ type: 'hk-macao-residence-permit', number: HK_PERMIT });
  });

  it('asks an individual neither for a legal representative nor a credit code, and names the entity after the person', async () => {
    const replies = enterprise();
    replies['entity.type'] = [choose('individual')];
    const { user, done } = run(replies);
    const a = await done;
    expect(user.asked).not.toContain('entity.legalRepresentative.name');
    expect(user.asked).not.toContain('entity.certificate.number');
    expect(user.asked).not.toContain('entity.name');
    expect(user.firstScreens.get('entity.principal.name')).toMatch(/You, the person filing/);
    expect(a.entity).toMatchObject({ type: 'individual', name: '张三' });
    expect(a.entity.legalRepresentative).toBeUndefined();
    const manifest = buildManifest(a);
    expect(manifest.entity).toMatchObject({ certificate: { type: 'id-card', number: ZHANG_ID } });
    expect(validateManifestText(manifestYaml(manifest, { lang: 'en', schemaRef: 's.json', fileLabel: 'm.yaml' }))).toEqual([]);
  });

  it('offers the legal representative as the principal by default', async () => {
    const replies = enterprise();
    replies['entity.principal.name'] = [[{ see: /\(张三\)/ }, { key: 'enter' }]];
    const a = await run(replies).done;
    expect(a.entity.principal.name).toBe('张三');
  });

  it('asks for the administrator in full only when it is another person', async () => {
    const replies = {
      ...enterprise(),
      ...person('website.admin', '李四', LI_ID, '13900139000', 'lisi@example.com'),
      'website.admin': [choose('__other__')],
    };
    const { user, done } = run(replies);
    const a = await done;
    expect(user.unused()).toEqual([]);
    expect(a.websites[0]!.admin).toEqual({
      name: '李四',
      id: { type: 'id-card', number: LI_ID, expires: '2031-05-01' },
      mobile: '13900139000',
      mobileProvince: 'guangdong',
      email: 'lisi@example.com',
    });
    expect(user.asked.filter((k) => k.startsWith('website.admin.'))).toHaveLength(7);
  });

  it('collects several websites, refuses a domain given twice, and offers an earlier administrator again', async () => {
    const replies = {
      ...enterprise(),
      ...person('website.admin', '李四', LI_ID, '13900139000', 'lisi@example.com'),
      'website.name': [answer('示例科技官网'), answer('示例科技帮助中心'), answer('示例科技博客')],
      'website.domains': [
        answer('example.com'),
        badThenGood('example.com example-help.com', /example\.com appears under website "示例科技帮助中心" and again under\s+"示例科技官网"/, 'example-help.com'),
        answer('example-blog.cn'),
      ],
      'website.content': [tick('ecommerce'), tick(), tick('forum', 'general')],
      'website.admin': [choose('__other__'), choose('principal'), [{ see: /李四, as for an earlier website/ }, { choose: 'admin:0' }]],
      'website.more': [yes, yes, no],
    };
    const { user, done } = run(replies);
    const a = await done;
    expect(user.unused()).toEqual([]);
    expect(a.websites.map((w) => [w.name, w.domains, w.content])).toEqual([
      ['示例科技官网', ['example.com'], ['ecommerce']],
      ['示例科技帮助中心', ['example-help.com'], []],
      ['示例科技博客', ['example-blog.cn'], ['forum', 'general']],
    ]);
    expect(a.websites[0]!.admin).toMatchObject({ name: '李四' });
    expect(a.websites[1]!.admin).toBe('principal');
    expect(a.websites[2]!.admin).toEqual(a.websites[0]!.admin);
    // The administrator was asked about once, though named for two websites.
    expect(user.asked.filter((k) => k === 'website.admin.name')).toHaveLength(1);
  });

  it('asks no bandwidth for a NAT gateway, no billing for marketplace, and which instances host each website', async () => {
    const replies = {
      ...enterprise(),
      'website.name': [answer('示例科技官网'), answer('示例科技商城')],
      'website.domains': [answer('example.com'), answer('example-shop.com')],
      'website.content': [tick(), tick()],
      'website.admin': [choose('principal'), choose('principal')],
      'website.more': [yes, no],
      'instance.id': [answer('ngw-wz9nat01'), badThenGood('ngw-wz9nat01', /already given/, 'i-market01')],
      'instance.product': [choose('nat-gateway'), choose('marketplace')],
      'instance.region': [choose('cn-hangzhou'), [{ choose: '__other__' }]],
      'instance.region.other': [badThenGood('cn-hongkong', /which is not mainland\s+China/, 'cn-wuhan-lr')],
      'instance.billing': [choose('subscription')],
      'instance.expires': [answer('2027-09-30'), answer('')],
      'instance.orderAmount': [answer('199')],
      'instance.initialMonths': [answer('12')],
      'instance.serviceNumbersUsed': [answer('1'), accept],
      'instance.more': [yes, no],
      'website.instances': [[{ key: 'enter' }, { see: /tick at least one instance/ }, { tick: ['ngw-wz9nat01'] }], tick('i-market01')],
    };
    delete (replies as Record<string, unknown>)['instance.bandwidth'];
    const { user, done } = run(replies);
    const a = await done;
    expect(user.unused()).toEqual([]);
    expect(user.asked).not.toContain('instance.bandwidth');
    expect(user.asked.filter((k) => k === 'instance.billing')).toHaveLength(1);
    expect(a.instances).toEqual([
      { id: 'ngw-wz9nat01', product: 'nat-gateway', region: 'cn-hangzhou', billing: 'subscription', expires: '2027-09-30', serviceNumbersUsed: 1 },
      { id: 'i-market01', product: 'marketplace', region: 'cn-wuhan-lr', orderAmountCny: 199, initialSubscriptionMonths: 12, serviceNumbersUsed: 0 },
    ]);
    expect(a.websites.map((w) => w.instances)).toEqual([['ngw-wz9nat01'], ['i-market01']]);
  });

  it('does not ask for an expiry date of a pay-as-you-go instance', async () => {
    const replies = enterprise();
    replies['instance.product'] = [choose('nat-gateway')];
    replies['instance.billing'] = [choose('pay-as-you-go')];
    delete replies['instance.expires'];
    delete replies['instance.bandwidth'];
    const { user, done } = run(replies);
    const a = await done;
    expect(user.asked).not.toContain('instance.expires');
    expect(a.instances[0]!.billing).toBe('pay-as-you-go');
  });

  it("offers pay-as-you-go for an ECS instance disabled, with check's reason", async () => {
    const replies = enterprise();
    replies['instance.billing'] = [[{ see: /- Pay-as-you-go Instance i-wz9exampleecs01 is pay-as-you-go: it cannot get a\s+service number/ }, { choose: 'subscription' }]];
    const { user, done } = run(replies);
    await done;
    expect(user.unused()).toEqual([]);
  });

  it('asks for the files of the documents the check lists, and inspects each as an image at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icp-init-images-'));
    for (const f of ['certificate.jpg', 'id-front.jpg', 'id-back.jpg', 'tiny.png']) copyFileSync(join(IMAGES, f), join(dir, f));
    writeFileSync(join(dir, 'statement.jpg'), 'not an image');
    const replies = {
      ...enterprise(),
      documents: [yes],
      'document.file': [
        [{ see: /Authenticity statement/ }, ...answer('statement.jpg'), { see: /statement\.jpg/ }, ...answer('missing.jpg'), { see: /missing\.jpg/ }, ...answer('')],
        [{ see: /Entity certificate/ }, ...answer('"certificate.jpg"')],
        [{ see: /national emblem side \(张三\)/ }, ...answer('id-back.jpg')],
        [{ see: /photo side \(张三\)/ }, ...answer('id-front.jpg')],
      ],
    };
    const { user, done } = run(replies, dir);
    const a = await done;
    expect(user.unused()).toEqual([]);
    expect(a.entity.certificate?.image).toBe('certificate.jpg');
    expect(a.entity.principal.id).toMatchObject({ front: 'id-front.jpg', back: 'id-back.jpg' });
    expect(a.documents).toBeUndefined();
  });

  it('marks education as needing a pre-approval only where the province asks for one, and asks for it there', async () => {
    const guangdong = run(enterprise());
    await guangdong.done;
    const screen = guangdong.user.firstScreens.get('website.content')!;
    expect(screen).toMatch(/News \(needs a pre-approval in Guangdong\)/);
    expect(screen).toMatch(/Education\n/);

    const replies = enterprise();
    replies.province = [[{ type: 'zhejiang' }, { key: 'enter' }]];
    replies['entity.certificate.number'] = [answer(ZHEJIANG_USCC)];
    replies['entity.address'] = [answer('浙江省杭州市西湖区文三路1号')];
    replies['website.content'] = [tick('education')];
    replies['website.preApproval.number'] = [answer('浙教 2026-001')];
    replies['website.preApproval.image'] = [answer('')];
    const zhejiang = run(replies);
    const a = await zhejiang.done;
    expect(zhejiang.user.unused()).toEqual([]);
    expect(zhejiang.user.firstScreens.get('website.content')).toMatch(/Education \(needs a pre-approval in Zhejiang\)/);
    expect(a.websites[0]!.preApprovals).toEqual([{ type: 'education', number: '浙教 2026-001' }]);
  });

  it('shows e-commerce disabled for an individual in Tianjin, with the reason of the province rule', async () => {
    const replies = enterprise();
    replies.province = [[{ type: 'tianjin' }, { key: 'enter' }]];
    replies['entity.type'] = [choose('individual')];
    replies['entity.address'] = [answer('天津市南开区卫津路1号')];
    replies['entity.principal.id.number'] = [answer(TIANJIN_ID)];
    replies['website.domains'] = [answer('example.com')];
    replies['website.content'] = [[{ see: /- E-commerce .*Tianjin/s }, { tick: ['personal-blog'] }]];
    for (const k of ['entity.name', 'entity.certificate.number', 'entity.certificate.expires', 'entity.legalRepresentative.name']) delete replies[k];
    const { user, done } = run(replies);
    const a = await done;
    expect(user.unused()).toEqual([]);
    expect(a.websites[0]!.content).toEqual(['personal-blog']);
  });

  it('asks in Chinese with --lang zh', async () => {
    const replies = enterprise();
    replies.province = [[{ type: 'guang' }, { see: /广东省\s+Guangdong/ }, { key: 'enter' }]];
    const user = scriptedUser(replies, FALLBACK);
    await askAnswers(user.ask, { lang: 'zh', today: TODAY, manifestDir: tmpdir(), warn: () => {} });
    expect(user.firstScreens.get('province')).toMatch(/备案省份/);
    expect(user.firstScreens.get('entity.principal.mobile')).toMatch(/主体负责人：手机号码/);
  });

  it('takes a second person with a different ID', async () => {
    const replies = {
      ...enterprise(),
      ...person('website.admin', '王五', WANG_ID, '13700137000', 'wangwu@example.com'),
      'website.admin': [choose('__other__')],
    };
    const a = await run(replies).done;
    expect(a.websites[0]!.admin).toMatchObject({ name: '王五', id: { number: WANG_ID } });
  });
});
