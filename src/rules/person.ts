// The people of a filing: identity documents, their numbers and validity, mobile numbers.
import type { RawFinding } from '../model.js';
import { normaliseMobile } from '../facts/identity.js';
import { checkIdNumberOn } from '../regulations/id-check.js';
import { provinceBySlug, OTHER_REGION_CODES } from '../manifest/provinces.js';
import { samePerson } from '../manifest/people.js';
import type { PersonEntry } from '../manifest/filing.js';
import { settingsFor } from '../regulations/index.js';
import { expiryFinding } from './entity.js';
import { defineRule, type CodeRule } from './types.js';

/** People who file with their own identity document: the principal and administrators who are not the principal. */
function documentHolders(people: PersonEntry[]): PersonEntry[] {
  return people.filter((p) => p.role !== 'legalRepresentative');
}

/** Number formats shared with mainland ID cards (GB 11643): residence permits carry 81/82/83 as their region. */
const EIGHTEEN_DIGIT: Record<string, (region: string) => boolean> = {
  'id-card': (r) => !OTHER_REGION_CODES[r],
  'temporary-id-card': (r) => !OTHER_REGION_CODES[r],
  'hk-macao-residence-permit': (r) => r === '81' || r === '82',
  'taiwan-residence-permit': (r) => r === '83',
};

export const identityDocument = defineRule({
  id: 'person/identity-document',
  source: 'before §1 Documents required for registering an ICP filing; materials: Basic materials',
  title: { en: 'The principal and each website administrator have an identity document', zh: '主体负责人和网站负责人填写了身份证件' },
  explain: {
    en: 'The filing carries the identity document of the principal and of every website administrator (type, number, validity, photos of front and back).',
    zh: '备案需提交主体负责人和每位网站负责人的身份证件（类型、号码、有效期、人像面和国徽面照片）。',
  },
  messages: {
    pass: { message: { en: '{name}: {type} declared.', zh: '{name}：已填写{type}。' } },
    fail: {
      message: { en: '{name} has no identity document.', zh: '{name} 未填写身份证件。' },
      fix: { en: 'Add `id` with `type`, `number`, `expires`, `front` and `back`.', zh: '请填写 `id` 的 `type`、`number`、`expires`、`front` 和 `back`。' },
    },
  },
  check({ filing }) {
    return documentHolders(filing.people).map(
      (p): RawFinding =>
        p.person.id
          ? { rule: this.id, status: 'pass', path: `${p.path}.id`, args: { name: p.person.name, type: { name: 'idType', value: p.person.id.type } } }
          : { rule: this.id, status: 'fail', path: p.path, args: { name: p.person.name } },
    );
  },
});

export const idNumber = defineRule({
  id: 'person/id-number',
  source: 'GB 11643-1999 (citizen identity number); materials: Basic materials',
  title: { en: 'Identity numbers are well formed', zh: '身份证件号码格式正确' },
  explain: {
    en: 'A mainland ID number has 18 characters: a six-digit division code whose first two digits are the province of domicile, the birth date, a sequence number and a check character (GB 11643). Residence permits of Hong Kong, Macao (81, 82) and Taiwan (83) residents use the same format. The 15-digit numbers of first-generation cards are no longer accepted.',
    zh: '居民身份证号码共 18 位：6 位行政区划码（前两位为户籍省份）、出生日期、顺序码和校验码（GB 11643）。港澳（81、82）和台湾（83）居民居住证采用相同格式。一代身份证的 15 位号码已不再接受。',
  },
  messages: {
    pass: { message: { en: '{name}: {type} number is well formed (born {birthDate}, {region}).', zh: '{name}：证件（{type}）号码格式正确（出生于 {birthDate}，{region}）。' } },
    'legacy-15': {
      message: { en: '{name}: {number} is a 15-digit first-generation ID number, which is not accepted.', zh: '{name}：{number} 是一代身份证的 15 位号码，不再接受。' },
      fix: { en: 'Use the 18-digit number of the current ID card.', zh: '请使用现行身份证的 18 位号码。' },
    },
    length: {
      message: { en: '{name}: {number} has {length} {length|character|characters}; 18 are expected.', zh: '{name}：{number} 有 {length} 位，应为 18 位。' },
      fix: { en: 'Copy the number again from the document.', zh: '请从证件上重新抄录号码。' },
    },
    characters: {
      message: { en: '{name}: {number} may contain only digits and a final X.', zh: '{name}：{number} 只能由数字和末位的 X 组成。' },
      fix: { en: 'Copy the number again from the document.', zh: '请从证件上重新抄录号码。' },
    },
    region: {
      message: { en: '{name}: {number} does not start with a known province code.', zh: '{name}：{number} 的开头不是有效的省份代码。' },
      fix: { en: 'Copy the number again from the document.', zh: '请从证件上重新抄录号码。' },
    },
    'birth-date': {
      message: { en: '{name}: {number} does not contain a real birth date.', zh: '{name}：{number} 中的出生日期无效。' },
      fix: { en: 'Copy the number again from the document.', zh: '请从证件上重新抄录号码。' },
    },
    'check-digit': {
      message: { en: '{name}: {number} has a wrong check character: the last character does not match the other 17.', zh: '{name}：{number} 的校验码有误：末位与前 17 位不符。' },
      fix: { en: 'One digit is wrong: copy the number again from the document.', zh: '有一位数字有误，请从证件上重新抄录号码。' },
    },
    'wrong-region': {
      message: { en: '{name}: a {type} number starts with {regionCode}, which does not fit that document.', zh: '{name}：{type} 号码以 {regionCode} 开头，与证件类型不符。' },
      fix: { en: 'Check the document type and the number.', zh: '请检查证件类型和号码。' },
    },
  },
  check({ filing, options }) {
    const out: RawFinding[] = [];
    for (const p of filing.people) {
      const id = p.person.id;
      if (!id || !(id.type in EIGHTEEN_DIGIT)) continue;
      const path = `${p.path}.id.number`;
      const base = { name: p.person.name, number: id.number, type: { name: 'idType' as const, value: id.type }, length: id.number.length };
      const r = checkIdNumberOn(id.number, options.date);
      if (!r.ok) {
        // Never the expected check character: with it the report would carry a valid ID number.
        out.push({ rule: this.id, status: 'fail', path, key: r.problem, args: base });
        continue;
      }
      if (!EIGHTEEN_DIGIT[id.type]!(r.facts.regionCode)) {
        out.push({ rule: this.id, status: 'fail', path, key: 'wrong-region', args: Object.assign({}, base, { regionCode: r.facts.regionCode }) });
        continue;
      }
      const province = r.facts.province ? provinceBySlug(r.facts.province) : undefined;
      const other = OTHER_REGION_CODES[r.facts.regionCode];
      out.push({
        rule: this.id,
        status: 'pass',
        path,
        args: Object.assign({}, base, {
          birthDate: r.facts.birthDate,
          region: province ? { name: 'province' as const, value: province.slug } : other ? { name: 'region' as const, value: r.facts.regionCode } : r.facts.regionCode,
        }),
      });
    }
    return out;
  },
});

export const idExpiry = defineRule({
  id: 'person/id-expiry',
  source: 'materials: Requirements for material uploading ("Make sure that the uploaded certificates are valid"); Alibaba Cloud FAQ 50260',
  title: { en: 'Identity documents are valid', zh: '身份证件在有效期内' },
  explain: {
    en: 'An expired identity document is a common rejection. One expiring within a few months (3 by default; Alibaba Cloud FAQ 50260) may expire during review.',
    zh: '身份证件过期是常见的退回原因。几个月内（默认 3 个月，阿里云常见问题 50260）到期的证件可能在审核期间过期。',
  },
  messages: {
    pass: { message: { en: '{name}: the identity document is valid until {expires}.', zh: '{name}：身份证件有效期至 {expires}。' } },
    'long-term': { message: { en: '{name}: the identity document is valid long-term.', zh: '{name}：身份证件长期有效。' } },
    fail: {
      message: { en: '{name}: the identity document expired on {expires}.', zh: '{name}：身份证件已于 {expires} 过期。' },
      fix: { en: 'Renew the document and photograph the new one (the most recently issued one is required).', zh: '请换领证件并拍摄新证件（须使用最新签发的证件）。' },
    },
    warn: {
      message: {
        en: '{name}: the identity document expires on {expires}, within {months} {months|month|months}.',
        zh: '{name}：身份证件将于 {expires} 到期，不足 {months} 个月。',
      },
      fix: { en: 'Renew it before filing if you can.', zh: '如有可能，请在备案前换领。' },
    },
  },
  check({ filing, options }) {
    const months = settingsFor(filing.province).identityExpiryWarnMonths;
    return filing.people.flatMap((p) => {
      const expires = p.person.id?.expires;
      if (!expires) return [];
      const f = expiryFinding(this.id, `${p.path}.id.expires`, expires, options.date, months);
      return [{ ...f, args: Object.assign({}, f.args, { name: p.person.name }) }];
    });
  },
});

export const mobileFormat = defineRule({
  id: 'person/mobile',
  source: 'guide: step 4 and step 8 (the administrators are contacted and verified on their mobile numbers)',
  title: { en: 'The principal and website administrators have mainland mobile numbers', zh: '主体负责人和网站负责人填写了大陆手机号码' },
  explain: {
    en: 'Alibaba Cloud and the communications administration call the principal and the administrators, and some provinces verify the numbers by text message: each needs a mainland mobile number (11 digits starting 13–19).',
    zh: '阿里云和通信管理局会致电主体负责人和网站负责人，部分省份还会短信核验：每人都需要大陆手机号码（以 13–19 开头的 11 位数字）。',
  },
  messages: {
    pass: { message: { en: '{name}: mobile {mobile}.', zh: '{name}：手机 {mobile}。' } },
    fail: {
      message: { en: '{name}: "{mobile}" is not a mainland mobile number.', zh: '{name}：“{mobile}”不是大陆手机号码。' },
      fix: { en: 'Give an 11-digit mainland mobile number such as 13800138000.', zh: '请填写 11 位大陆手机号码，如 13800138000。' },
    },
    missing: {
      message: { en: '{name} has no mobile number.', zh: '{name} 未填写手机号码。' },
      fix: { en: 'Add `mobile`.', zh: '请填写 `mobile`。' },
    },
  },
  check({ filing }) {
    return documentHolders(filing.people).map((p): RawFinding => {
      const m = p.person.mobile;
      if (m === undefined || m === '') return { rule: this.id, status: 'fail', path: p.path, key: 'missing', args: { name: p.person.name } };
      const n = normaliseMobile(m);
      return n
        ? { rule: this.id, status: 'pass', path: `${p.path}.mobile`, args: { name: p.person.name, mobile: n } }
        : { rule: this.id, status: 'fail', path: `${p.path}.mobile`, args: { name: p.person.name, mobile: m } };
    });
  },
});

export const mobileShared = defineRule({
  id: 'person/mobile-shared',
  source: 'before §5.9.2 (Tianjin: "A same mobile phone number cannot appear in different contact information"); Huawei Cloud ICP guidance (common rejections)',
  title: { en: 'Different people do not share a mobile number', zh: '不同人员不共用手机号码' },
  explain: {
    en: 'Each person is verified on their own number; the same mobile for two different people is a common rejection (Tianjin refuses it outright).',
    zh: '每个人都通过自己的号码核验；两个不同的人使用同一手机号码是常见的退回原因（天津明确不允许）。',
  },
  messages: {
    pass: { message: { en: 'Every person has their own mobile number.', zh: '每人使用各自的手机号码。' } },
    warn: {
      message: { en: '{name} and {other} share the mobile number {mobile}.', zh: '{name} 与 {other} 使用同一手机号码 {mobile}。' },
      fix: { en: 'Give each person their own mobile number.', zh: '请为每人填写各自的手机号码。' },
    },
  },
  check({ filing }) {
    const seen = new Map<string, PersonEntry>();
    const out: RawFinding[] = [];
    let compared = 0;
    for (const p of filing.people) {
      const n = p.person.mobile ? normaliseMobile(p.person.mobile) : undefined;
      if (!n) continue;
      compared++;
      const first = seen.get(n);
      if (!first) seen.set(n, p);
      else if (!samePerson(first.person, p.person)) {
        out.push({ rule: this.id, status: 'warn', path: `${p.path}.mobile`, args: { name: p.person.name, other: first.person.name, mobile: n } });
      }
    }
    if (out.length === 0 && compared > 1) out.push({ rule: this.id, status: 'pass', path: '' });
    return out;
  },
});

export const personRules: CodeRule[] = [identityDocument, idNumber, idExpiry, mobileFormat, mobileShared];
