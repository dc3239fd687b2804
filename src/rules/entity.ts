// The filing entity: its certificate number, where it was issued, whether it is still valid.
import type { RawFinding } from '../model.js';
import { checkUscc, checkOrganizationCode } from '../facts/identity.js';
import { addMonths } from '../facts/dates.js';
import { provinceBySlug } from '../manifest/provinces.js';
import { sameName } from '../manifest/people.js';
import { settingsFor } from '../regulations/index.js';
import { defineRule, type CodeRule } from './types.js';

const ORGANISATION_CERTIFICATES = new Set(['business-license', 'uscc-certificate', 'public-institution-certificate', 'social-organization-certificate']);

export const certificatePresent = defineRule({
  id: 'entity/certificate',
  source: 'before §1 Documents required for registering an ICP filing',
  title: { en: 'An organisation declares its certificate', zh: '单位主体填写了证件信息' },
  explain: {
    en: 'Every organisation files with its certificate (business licence or other qualification document): its type, number and a photo. An individual files with the identity document of the principal instead.',
    zh: '单位主体须使用其证件（营业执照或其他资质证书）备案：证件类型、号码和照片。个人主体则使用主体负责人本人的身份证件。',
  },
  messages: {
    fail: {
      message: { en: 'The entity ({type}) has no certificate.', zh: '主体（{type}）未填写证件信息。' },
      fix: { en: 'Add `entity.certificate` with `type`, `number` and `image`.', zh: '请填写 `entity.certificate` 的 `type`、`number` 和 `image`。' },
    },
  },
  check({ filing }) {
    const e = filing.manifest.entity;
    if (e.type === 'individual' || e.certificate) return [];
    return [{ rule: this.id, status: 'fail', path: 'entity', args: { type: e.type } }];
  },
});

export const creditCode = defineRule({
  id: 'entity/certificate-number',
  source: 'GB 32100-2015 (unified social credit code); GB 11714 (organisation code)',
  title: { en: 'The certificate number is well formed', zh: '证件号码格式正确' },
  explain: {
    en: 'A unified social credit code has 18 characters: the registration authority, the organisation type, the six-digit division code of the issuing authority, the organisation code and a check character computed over the first 17 (GB 32100). A typo is caught here rather than by the communications administration.',
    zh: '统一社会信用代码共 18 位：登记管理部门码、机构类别码、6 位登记管理机关行政区划码、组织机构代码和按前 17 位计算的校验码（GB 32100）。在此发现输入错误，免得被通信管理局退回。',
  },
  messages: {
    pass: { message: { en: 'Credit code {code} is well formed ({authority}).', zh: '统一社会信用代码 {code} 格式正确（{authority}）。' } },
    'check-character': {
      message: { en: 'Credit code {code}: the check character does not match the other 17.', zh: '统一社会信用代码 {code} 的校验码与前 17 位不符。' },
      fix: { en: 'Copy the code again from the licence; one character is wrong.', zh: '请从执照上重新抄录代码，其中有字符有误。' },
    },
    length: {
      message: { en: 'Credit code {code} has {length} characters; 18 are expected.', zh: '统一社会信用代码 {code} 有 {length} 位，应为 18 位。' },
      fix: { en: 'Copy the 18-character code from the licence.', zh: '请从执照上抄录 18 位代码。' },
    },
    characters: {
      message: {
        en: 'Credit code {code} contains characters a credit code never has (I, O, S, V, Z or punctuation).',
        zh: '统一社会信用代码 {code} 含有不应出现的字符（I、O、S、V、Z 或标点）。',
      },
      fix: { en: 'Check for O instead of 0 and I instead of 1.', zh: '请检查是否把 0 写成了 O、把 1 写成了 I。' },
    },
    authority: {
      message: {
        en: 'Credit code {code}: the first two characters are not a known registration authority and organisation type.',
        zh: '统一社会信用代码 {code} 的前两位不是有效的登记管理部门码和机构类别码。',
      },
      fix: { en: 'Copy the code again from the licence.', zh: '请从执照上重新抄录代码。' },
    },
    division: {
      message: { en: 'Credit code {code}: characters 3–8 are not an administrative division code.', zh: '统一社会信用代码 {code} 的第 3–8 位不是有效的行政区划码。' },
      fix: { en: 'Copy the code again from the licence.', zh: '请从执照上重新抄录代码。' },
    },
    'organization-code': {
      message: {
        en: 'Organisation code {code} is not well formed (8 characters, a dash and a check character).',
        zh: '组织机构代码 {code} 格式不正确（8 位本体代码、连字符和 1 位校验码）。',
      },
      fix: { en: 'Copy the code again from the certificate.', zh: '请从证书上重新抄录代码。' },
    },
    'organization-code-pass': { message: { en: 'Organisation code {code} is well formed.', zh: '组织机构代码 {code} 格式正确。' } },
  },
  check({ filing }) {
    const cert = filing.manifest.entity.certificate;
    if (!cert || filing.manifest.entity.type === 'individual') return [];
    const path = 'entity.certificate.number';
    const code = cert.number;
    if (cert.type === 'organization-code' && code.replace('-', '').length === 9) {
      return checkOrganizationCode(code)
        ? [{ rule: this.id, status: 'pass', path, key: 'organization-code-pass', args: { code } }]
        : [{ rule: this.id, status: 'fail', path, key: 'organization-code', args: { code } }];
    }
    if (!ORGANISATION_CERTIFICATES.has(cert.type) && cert.type !== 'organization-code' && code.length !== 18) return [];
    const r = checkUscc(code);
    if (r.ok) return [{ rule: this.id, status: 'pass', path, args: { code: r.facts.code, authority: r.facts.authority } }];
    return [{ rule: this.id, status: 'fail', path, key: r.problem, args: { code, length: code.length } }];
  },
});

export const certificateProvince = defineRule({
  id: 'entity/certificate-province',
  source: 'guide: An ICP Filing must be registered in the same province where the business licenses were issued',
  title: { en: 'The filing province is where the certificate was issued', zh: '备案省份与证件签发地一致' },
  explain: {
    en: 'An organisation files in the province where its licence was issued; the division code in characters 3–8 of the credit code tells which. A national-level code (100000) says nothing about the province and is not a failure.',
    zh: '单位须在证件签发地所在省份备案；统一社会信用代码第 3–8 位的行政区划码表明签发地。国家级代码（100000）无法判断省份，不视为问题。',
  },
  messages: {
    pass: { message: { en: 'The credit code was issued in {province}, the filing province.', zh: '统一社会信用代码签发地为{provinceZh}，与备案省份一致。' } },
    fail: {
      message: {
        en: 'The credit code was issued in {province} (division {division}), but the filing is for {filingProvince}.',
        zh: '统一社会信用代码签发地为{provinceZh}（区划码 {division}），而备案省份为{filingProvinceZh}。',
      },
      fix: { en: 'File in {province}: organisations cannot file in another province.', zh: '请在{provinceZh}备案：单位不能跨省备案。' },
    },
    info: {
      message: {
        en: 'The credit code has a national-level division code ({division}); confirm the filing province from the licence.',
        zh: '统一社会信用代码为国家级区划码（{division}），请根据执照确认备案省份。',
      },
    },
  },
  check({ filing }) {
    const cert = filing.manifest.entity.certificate;
    if (!cert || filing.manifest.entity.type === 'individual') return [];
    const r = checkUscc(cert.number);
    if (!r.ok) return [];
    const path = 'entity.certificate.number';
    if (r.facts.national || !r.facts.province) return [{ rule: this.id, status: 'info', path, args: { division: r.facts.division } }];
    const issued = provinceBySlug(r.facts.province)!;
    const filed = provinceBySlug(filing.province)!;
    const args = { province: issued.en, provinceZh: issued.short, division: r.facts.division, filingProvince: filed.en, filingProvinceZh: filed.short };
    return [{ rule: this.id, status: issued.slug === filed.slug ? 'pass' : 'fail', path, args }];
  },
});

export const certificateExpiry = defineRule({
  id: 'entity/certificate-expiry',
  source: 'materials: Requirements for material uploading ("Make sure that the uploaded certificates are valid"); Alibaba Cloud FAQ 50260',
  title: { en: 'The entity certificate is valid', zh: '主体证件在有效期内' },
  explain: {
    en: 'An expired certificate is rejected. One expiring within a few months (3 by default; Alibaba Cloud FAQ 50260) may expire during review, so renew it first.',
    zh: '过期的证件会被退回。几个月内（默认 3 个月，阿里云 FAQ 50260）到期的证件可能在审核期间过期，请先办理更新。',
  },
  messages: {
    pass: { message: { en: 'The certificate is valid until {expires}.', zh: '证件有效期至 {expires}。' } },
    'long-term': { message: { en: 'The certificate is valid long-term.', zh: '证件长期有效。' } },
    fail: {
      message: { en: 'The certificate expired on {expires}.', zh: '证件已于 {expires} 过期。' },
      fix: { en: 'Renew the certificate and photograph the new one.', zh: '请更新证件并拍摄新证件。' },
    },
    warn: {
      message: { en: 'The certificate expires on {expires}, within {months} months.', zh: '证件将于 {expires} 到期，不足 {months} 个月。' },
      fix: { en: 'Renew it before filing, or expect a rejection if it expires during review.', zh: '请在备案前更新，否则审核期间到期会被退回。' },
    },
  },
  check({ filing, options }) {
    const cert = filing.manifest.entity.certificate;
    if (!cert?.expires) return [];
    return [expiryFinding(this.id, 'entity.certificate.expires', cert.expires, options.date, settingsFor(filing.province).identityExpiryWarnMonths)];
  },
});

/** Shared by certificates and identity documents. */
export function expiryFinding(rule: string, path: string, expires: string, today: string, months: number): RawFinding {
  if (expires === 'long-term') return { rule, status: 'pass', path, key: 'long-term' };
  if (expires < today) return { rule, status: 'fail', path, args: { expires } };
  if (expires <= addMonths(today, months)) return { rule, status: 'warn', path, args: { expires, months } };
  return { rule, status: 'pass', path, args: { expires } };
}

export const individualName = defineRule({
  id: 'entity/individual-name',
  source: 'before §1 Documents required ("If the ICP filing entity is an individual, the certificate of the entity ... indicate the identity document of the entity")',
  title: { en: "An individual's entity name is the principal's name", zh: '个人主体名称与本人姓名一致' },
  explain: {
    en: 'For an individual the entity is the person: the entity name must be the name on the identity document of the principal.',
    zh: '个人备案的主体就是本人：主体名称必须与主体负责人身份证件上的姓名一致。',
  },
  messages: {
    pass: { message: { en: "The entity name is the principal's name.", zh: '主体名称与主体负责人姓名一致。' } },
    fail: {
      message: { en: 'The entity name "{entity}" differs from the principal\'s name "{principal}".', zh: '主体名称“{entity}”与主体负责人姓名“{principal}”不一致。' },
      fix: { en: 'Use the name on the identity document for both.', zh: '两处都请填写身份证件上的姓名。' },
    },
  },
  check({ filing }) {
    const e = filing.manifest.entity;
    if (e.type !== 'individual') return [];
    const same = sameName(e.name, e.principal.name);
    return [{ rule: this.id, status: same ? 'pass' : 'fail', path: 'entity.name', args: { entity: e.name, principal: e.principal.name } }];
  },
});

export const legalRepresentativeDeclared = defineRule({
  id: 'entity/legal-representative',
  source:
    'materials: Identity documents of the major principal of the organization ("Some provincial administrations require that the entity leader must be the legal representative")',
  title: { en: 'An organisation names its legal representative', zh: '单位主体填写了法定代表人' },
  explain: {
    en: 'Most provinces compare the principal and the website administrators with the legal representative (and then demand a letter of authorization); without it those checks cannot be made.',
    zh: '多数省份会把主体负责人、网站负责人与法定代表人比对（不一致时需要授权书）；未填写法定代表人则无法检查。',
  },
  messages: {
    pass: { message: { en: 'The legal representative is {name}.', zh: '法定代表人为{name}。' } },
    warn: {
      message: {
        en: 'The legal representative is not declared, so the checks that compare people with them cannot be made.',
        zh: '未填写法定代表人，无法进行与法定代表人相关的检查。',
      },
      fix: { en: 'Add `entity.legalRepresentative` with the name on the licence.', zh: '请按执照填写 `entity.legalRepresentative`。' },
    },
  },
  check({ filing }) {
    const e = filing.manifest.entity;
    if (e.type === 'individual') return [];
    if (e.legalRepresentative) return [{ rule: this.id, status: 'pass', path: 'entity.legalRepresentative', args: { name: e.legalRepresentative.name } }];
    return [{ rule: this.id, status: 'warn', path: 'entity' }];
  },
});

export const entityRules: CodeRule[] = [certificatePresent, creditCode, certificateProvince, certificateExpiry, individualName, legalRepresentativeDeclared];
