// The questionnaire: asks what a first filing needs, in order, re-asking with the reason when a
// check fails, and skipping what does not apply (no legal representative for an individual,
// no bandwidth for a NAT gateway).
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Lang, Text } from '../model.js';
import { ID_TYPES, PRODUCTS, FILING_KINDS, ENTITY_TYPES, CONTENT_CATEGORIES } from '../manifest/schema.js';
import type { Ask, Choice } from './ask.js';
import type { InitAnswers, InstanceAnswers, PersonAnswers, WebsiteAnswers, IdType } from './answers.js';
import {
  BANDWIDTH_PRODUCTS,
  CERTIFICATE_FOR,
  CERTIFICATE_NAMES,
  CONTENT_NAMES,
  ENTITY_TYPE_NAMES,
  FILING_KIND_NAMES,
  ID_TYPE_NAMES,
  MAINLAND_REGIONS,
  ORDER_PRODUCTS,
  PRODUCT_NAMES,
  USCC_CERTIFICATES,
  searchProvinces,
} from './choices.js';
import {
  checkAmount,
  checkCreditCode,
  checkDate,
  checkDomainList,
  checkEmail,
  checkExpiry,
  checkIdentityNumber,
  checkInstanceId,
  checkMobile,
  checkRegion,
  checkRequired,
  checkWholeNumber,
  type Checked,
} from './validators.js';
import { stripControl } from './terminal-text.js';

export interface QuestionnaireOptions {
  lang: Lang;
  /** YYYY-MM-DD, China Standard Time: bounds birth dates in identity numbers. */
  today: string;
  /** Folder of the manifest being written: image paths are relative to it. */
  manifestDir: string;
  /** Prints a warning line (a path that does not exist yet). */
  warn: (line: string) => void;
}

const OTHER = '__other__';
const SKIP = (lang: Lang) => (lang === 'zh' ? '（可留空）' : ' (optional, Enter to skip)');

/** Asks the whole questionnaire and returns the answers, each already checked. */
export async function askAnswers(ask: Ask, o: QuestionnaireOptions): Promise<InitAnswers> {
  const { lang } = o;
  const tr = (t: Text) => t[lang];
  const say = (en: string, zh: string) => (lang === 'zh' ? zh : en);

  /** An input re-asked until its check passes; returns the normalised value. */
  async function valid<T>(key: string, message: string, check: (v: string) => Checked<T>, def?: string): Promise<T> {
    const answer = await ask.input(key, {
      message,
      default: def,
      validate: (v) => {
        const r = check(v);
        return r.ok ? true : r.reason[lang];
      },
    });
    const r = check(answer);
    if (!r.ok) throw new Error(`answer to ${key} failed its check after validation`);
    return r.value;
  }
  /** An input that may be left empty. */
  async function optional<T>(key: string, message: string, check: (v: string) => Checked<T>): Promise<T | undefined> {
    return valid<T | undefined>(key, `${message}${SKIP(lang)}`, (v) => (v.trim() === '' ? { ok: true, value: undefined } : check(v)));
  }

  const province = await ask.search('province', {
    message: say("Filing province: where the entity's certificate was issued (type pinyin or Chinese to search)", '备案省份：主体证件的签发地（输入拼音或中文搜索）'),
    source: (term) => searchProvinces(term, lang),
  });

  const filing = await ask.select('filing', {
    message: say('What kind of filing is this?', '备案类型'),
    choices: FILING_KINDS.map((k) => ({ value: k, name: tr(FILING_KIND_NAMES[k]) })),
    default: 'new',
  });

  const entityType = await ask.select('entity.type', {
    message: say('Who is filing?', '备案主体性质'),
    choices: ENTITY_TYPES.map((t) => ({ value: t, name: tr(ENTITY_TYPE_NAMES[t]) })),
    default: 'enterprise',
  });

  let entityName = '';
  let certificate: InitAnswers['entity']['certificate'];
  let legalRepresentative: InitAnswers['entity']['legalRepresentative'];
  if (entityType !== 'individual') {
    const certType = CERTIFICATE_FOR[entityType];
    const certName = tr(CERTIFICATE_NAMES[certType as keyof typeof CERTIFICATE_NAMES]);
    entityName = await valid('entity.name', say(`Entity name, exactly as on the ${certName}`, `主体名称（与${certName}一致）`), checkRequired);
    const isUscc = USCC_CERTIFICATES.includes(certType);
    const number = await valid(
      'entity.certificate.number',
      isUscc
        ? say(`Unified social credit code on the ${certName} (18 characters)`, `${certName}上的统一社会信用代码（18 位）`)
        : say(`Number of the ${certName}`, `${certName}号码`),
      isUscc ? checkCreditCode : checkRequired,
    );
    const expires = await optional(
      'entity.certificate.expires',
      say(`${certName} valid until (YYYY-MM-DD or long-term)`, `${certName}有效期至（YYYY-MM-DD 或 long-term 长期）`),
      checkExpiry,
    );
    certificate = { type: certType, number, ...(expires ? { expires } : {}) };
    legalRepresentative = { name: await valid('entity.legalRepresentative.name', say('Legal representative (法定代表人): name', '法定代表人姓名'), checkRequired) };
  }

  const principal = await askPerson(
    'entity.principal',
    entityType === 'individual' ? say('You, the person filing', '备案人（您本人）') : say('Principal (主体负责人), who answers for the filing', '主体负责人'),
    legalRepresentative?.name,
  );
  if (entityType === 'individual') entityName = principal.name;

  async function askPerson(key: string, who: string, defaultName?: string): Promise<PersonAnswers> {
    const name = await valid(`${key}.name`, say(`${who}: name`, `${who}：姓名`), checkRequired, defaultName);
    const idType = await ask.select<IdType>(`${key}.id.type`, {
      message: say(`${who}: identity document`, `${who}：证件类型`),
      choices: ID_TYPES.map((t) => ({ value: t, name: tr(ID_TYPE_NAMES[t]) })),
      default: 'id-card',
    });
    const number = await valid(`${key}.id.number`, say(`${who}: ${tr(ID_TYPE_NAMES[idType])} number`, `${who}：${tr(ID_TYPE_NAMES[idType])}号码`), (v) =>
      checkIdentityNumber(idType, v, o.today),
    );
    const expires = await optional(
      `${key}.id.expires`,
      say(`${who}: document valid until (YYYY-MM-DD or long-term)`, `${who}：证件有效期至（YYYY-MM-DD 或 long-term 长期）`),
      checkExpiry,
    );
    const mobile = await valid(`${key}.mobile`, say(`${who}: mobile number`, `${who}：手机号码`), checkMobile);
    const email = await valid(`${key}.email`, say(`${who}: email`, `${who}：电子邮箱`), checkEmail);
    return { name, id: { type: idType, number, ...(expires ? { expires } : {}) }, mobile, email };
  }

  const websites: WebsiteAnswers[] = [];
  const admins: PersonAnswers[] = [];
  do {
    const n = websites.length + 1;
    const site = say(`Website ${n}`, `网站 ${n}`);
    const name = await valid(
      'website.name',
      say(`${site}: name (a few Chinese characters describing the site, not the domain)`, `${site}：网站名称（几个描述网站的汉字，不要用域名）`),
      checkRequired,
    );
    const domains = await valid(
      'website.domains',
      say(`${site}: domain names, separated by commas (example.com, example.cn)`, `${site}：域名，多个用逗号分隔（example.com, example.cn）`),
      (v) =>
        checkDomainList(
          v,
          websites.flatMap((w) => w.domains),
        ),
    );
    const content = await ask.checkbox('website.content', {
      message: say(`${site}: what the site offers (space to tick, Enter when done; none for a plain site)`, `${site}：网站内容（空格勾选，回车确认；普通网站可不选）`),
      choices: CONTENT_CATEGORIES.map((c) => ({ value: c, name: tr(CONTENT_NAMES[c]) })),
    });
    const adminChoices: Choice<string>[] = [
      { value: 'principal', name: say(`The principal, ${principal.name}`, `主体负责人 ${principal.name}`) },
      ...admins.map((a, i) => ({ value: `admin:${i}`, name: say(`${a.name}, as for an earlier website`, `${a.name}（与前面网站相同）`) })),
      { value: OTHER, name: say('Another person', '其他人') },
    ];
    const adminChoice = await ask.select('website.admin', {
      message: say(`${site}: website administrator (网站负责人)`, `${site}：网站负责人`),
      choices: adminChoices,
      default: 'principal',
    });
    let admin: WebsiteAnswers['admin'] = 'principal';
    if (adminChoice === OTHER) {
      admin = await askPerson('website.admin', say(`${site} administrator`, `${site}负责人`));
      admins.push(admin);
    } else if (adminChoice.startsWith('admin:')) {
      admin = admins[Number(adminChoice.slice('admin:'.length))]!;
    }
    websites.push({ name, domains, content, admin, instances: [] });
  } while (await ask.confirm('website.more', { message: say('Add another website?', '继续添加网站？'), default: false }));

  const instances: InstanceAnswers[] = [];
  do {
    const n = instances.length + 1;
    const inst = say(`Instance ${n}`, `实例 ${n}`);
    const id = await valid('instance.id', say(`${inst}: instance ID as the console shows it (e.g. i-wz9abc123)`, `${inst}：控制台显示的实例 ID（例如 i-wz9abc123）`), (v) =>
      checkInstanceId(
        v,
        instances.map((i) => i.id),
      ),
    );
    const product = await ask.select('instance.product', {
      message: say(`${inst}: product`, `${inst}：产品`),
      choices: PRODUCTS.map((p) => ({ value: p, name: tr(PRODUCT_NAMES[p]) })),
      default: 'ecs',
    });
    const regionChoice = await ask.select('instance.region', {
      message: say(`${inst}: region (mainland China only)`, `${inst}：地域（仅限中国大陆）`),
      choices: [
        ...MAINLAND_REGIONS.map((r) => ({ value: r.id, name: `${r.id}  ${lang === 'zh' ? r.zh : r.en}` })),
        { value: OTHER, name: say('Another region: type its ID', '其他地域：输入地域 ID') },
      ],
    });
    const region = regionChoice === OTHER ? await valid('instance.region.other', say(`${inst}: region ID (cn-…)`, `${inst}：地域 ID（cn-…）`), checkRegion) : regionChoice;
    const entry: InstanceAnswers = { id, product, region };
    if (!ORDER_PRODUCTS.includes(product)) {
      entry.billing = await ask.select<'subscription' | 'pay-as-you-go'>('instance.billing', {
        message: say(`${inst}: billing`, `${inst}：付费方式`),
        choices: [
          { value: 'subscription', name: say('Subscription (monthly or yearly)', '包年包月') },
          { value: 'pay-as-you-go', name: say('Pay-as-you-go', '按量付费') },
        ],
      });
    }
    if (entry.billing !== 'pay-as-you-go') {
      const expires = await optional('instance.expires', say(`${inst}: subscription ends on (YYYY-MM-DD)`, `${inst}：到期日期（YYYY-MM-DD）`), checkDate);
      if (expires) entry.expires = expires;
    }
    if (BANDWIDTH_PRODUCTS.includes(product)) {
      entry.publicBandwidthMbps = await valid('instance.bandwidth', say(`${inst}: public bandwidth in Mbps (0 if none)`, `${inst}：公网带宽（Mbps，没有则填 0）`), checkAmount);
    }
    if (ORDER_PRODUCTS.includes(product)) {
      entry.orderAmountCny = await valid('instance.orderAmount', say(`${inst}: order amount in CNY`, `${inst}：订单金额（元）`), checkAmount);
      entry.initialSubscriptionMonths = await valid('instance.initialMonths', say(`${inst}: initial subscription in months`, `${inst}：首次购买时长（月）`), checkWholeNumber);
    }
    entry.serviceNumbersUsed = await valid(
      'instance.serviceNumbersUsed',
      say(`${inst}: service numbers (服务码) already used on it`, `${inst}：已使用的备案服务码数量`),
      checkWholeNumber,
      '0',
    );
    instances.push(entry);
  } while (await ask.confirm('instance.more', { message: say('Add another instance?', '继续添加实例？'), default: false }));

  for (const w of websites) {
    if (instances.length === 1) {
      w.instances = [instances[0]!.id];
      continue;
    }
    w.instances = await ask.checkbox('website.instances', {
      message: say(`Which instances host ${w.name}?`, `哪些实例托管 ${w.name}？`),
      choices: instances.map((i) => ({ value: i.id, name: `${i.id}  ${tr(PRODUCT_NAMES[i.product])}, ${i.region}` })),
      validate: (values) => (values.length > 0 ? true : say('tick at least one instance', '请至少勾选一个实例')),
    });
  }

  const answers: InitAnswers = {
    province,
    filing,
    entity: { type: entityType, name: entityName, ...(certificate ? { certificate } : {}), ...(legalRepresentative ? { legalRepresentative } : {}), principal },
    websites,
    instances,
  };

  if (
    await ask.confirm('images', {
      message: say('Add the paths of document images now? (you can add them to the manifest later)', '现在填写证件图片路径？（也可以稍后写入清单）'),
      default: false,
    })
  ) {
    await askImages(ask, answers, o);
  }
  return answers;
}

/** Image paths, relative to the manifest: a path that does not exist yet is kept, with a warning. */
async function askImages(ask: Ask, answers: InitAnswers, o: QuestionnaireOptions): Promise<void> {
  const { lang } = o;
  const say = (en: string, zh: string) => (lang === 'zh' ? zh : en);
  const askPath = async (key: string, message: string): Promise<string | undefined> => {
    const raw = await ask.input(key, { message: `${message}${SKIP(lang)}` });
    const path = raw.trim().replace(/^(["'])(.*)\1$/, '$2');
    if (path === '') return undefined;
    const full = isAbsolute(path) ? path : resolve(o.manifestDir, path);
    if (!existsSync(full)) {
      o.warn(
        say(`warning: ${stripControl(path)} does not exist yet (relative to the manifest's folder); kept`, `警告：${stripControl(path)} 尚不存在（相对于清单所在目录），已保留`),
      );
    }
    return path;
  };
  const cert = answers.entity.certificate;
  if (cert) {
    const image = await askPath('entity.certificate.image', say('Image of the certificate', '主体证件图片'));
    if (image) cert.image = image;
  }
  const people: { key: string; who: string; person: PersonAnswers }[] = [{ key: 'entity.principal', who: answers.entity.principal.name, person: answers.entity.principal }];
  for (const w of answers.websites) {
    if (w.admin !== 'principal' && !people.some((p) => p.person === w.admin)) people.push({ key: 'website.admin', who: w.admin.name, person: w.admin });
  }
  for (const { key, who, person } of people) {
    const front = await askPath(`${key}.id.front`, say(`${who}: image of the identity document, front`, `${who}：证件正面图片`));
    if (front) person.id.front = front;
    const back = await askPath(`${key}.id.back`, say(`${who}: image of the identity document, back`, `${who}：证件背面图片`));
    if (back) person.id.back = back;
  }
}
