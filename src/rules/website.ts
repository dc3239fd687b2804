// Website names: the common reasons a name is refused (EXTRA-RULES.md, from Huawei Cloud's ICP
// guidance and rejection reports): a domain as the name, no Chinese, a national prefix.
import type { RawFinding } from '../model.js';
import { parseDomain } from '../facts/domain-name.js';
import { defineRule, type CodeRule } from './types.js';

const SOURCE = 'Huawei Cloud ICP guidance (website names)';
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const DOMAIN_LIKE = /(?:[a-z0-9-]+\.)+[a-z]{2,}/i;
/** Words reserved for the state at the start of a name (中国…, 国家…): ordinary entities may not use them. */
const NATIONAL_PREFIXES = ['中国', '中华', '国家', '全国', '中央'];

export const nameNotDomain = defineRule({
  id: 'website/name-not-domain',
  source: SOURCE,
  title: { en: 'The website name is not a domain name', zh: '网站名称不是域名' },
  explain: {
    en: 'A website name describes the site in words; the domain itself, or a name built around a domain, is refused.',
    zh: '网站名称应以文字描述网站；直接使用域名或包含域名的名称会被退回。',
  },
  messages: {
    pass: { message: { en: 'Website "{website}": the name is not a domain.', zh: '网站“{website}”：名称不是域名。' } },
    fail: {
      message: { en: 'Website "{website}": the name contains the domain-like "{found}".', zh: '网站“{website}”：名称中包含类似域名的“{found}”。' },
      fix: { en: 'Name the website in words (a few Chinese characters describing it), without a domain.', zh: '请用文字（几个描述网站的汉字）命名网站，不要包含域名。' },
    },
  },
  check({ filing }) {
    return filing.websites.map((w): RawFinding => {
      const found = DOMAIN_LIKE.exec(w.name)?.[0];
      const isDomain = found !== undefined && parseDomain(found).ok;
      return isDomain
        ? { rule: this.id, status: 'fail', path: `${w.path}.name`, args: { website: w.name, found } }
        : { rule: this.id, status: 'pass', path: `${w.path}.name`, args: { website: w.name } };
    });
  },
});

export const nameChinese = defineRule({
  id: 'website/name-chinese',
  source: SOURCE,
  title: { en: 'The website name is in Chinese', zh: '网站名称使用中文' },
  explain: {
    en: 'The filing system and the communications administrations expect a website name of a few Chinese characters; a name of only letters, digits or symbols is a common rejection.',
    zh: '备案系统和通信管理局要求网站名称由若干汉字组成；只有字母、数字或符号的名称是常见的退回原因。',
  },
  messages: {
    pass: { message: { en: 'Website "{website}": the name is in Chinese.', zh: '网站“{website}”：名称为中文。' } },
    fail: {
      message: { en: 'Website "{website}": the name has no Chinese characters.', zh: '网站“{website}”：名称中没有汉字。' },
      fix: { en: 'Give the website a name of a few Chinese characters that says what it is (e.g. 示例科技官网).', zh: '请用几个能说明网站内容的汉字命名（如“示例科技官网”）。' },
    },
  },
  check({ filing }) {
    return filing.websites.map((w): RawFinding => ({ rule: this.id, status: CJK.test(w.name) ? 'pass' : 'fail', path: `${w.path}.name`, args: { website: w.name } }));
  },
});

export const nameNationalPrefix = defineRule({
  id: 'website/name-national-prefix',
  source: SOURCE,
  title: { en: 'The website name does not start with a national word', zh: '网站名称不以“中国”“国家”等字样开头' },
  explain: {
    en: 'Names starting with 中国, 中华, 国家, 全国 or 中央 suggest a state body; for ordinary entities they are refused unless the entity name itself carries them.',
    zh: '以“中国”“中华”“国家”“全国”“中央”开头的名称会被视为国家机关；普通主体使用会被退回，除非主体名称本身含有这些字样。',
  },
  messages: {
    pass: { message: { en: 'Website "{website}": no national word at the start of the name.', zh: '网站“{website}”：名称未以国家性字样开头。' } },
    warn: {
      message: {
        en: 'Website "{website}": the name starts with "{prefix}", which ordinary entities may not use.',
        zh: '网站“{website}”：名称以“{prefix}”开头，普通主体不得使用。',
      },
      fix: {
        en: 'Rename the website without "{prefix}" at the start, or be ready to show why the entity may use it.',
        zh: '请修改网站名称，去掉开头的“{prefix}”，或准备好相关证明。',
      },
    },
  },
  check({ filing }) {
    const entity = filing.manifest.entity;
    const exempt = entity.type === 'government' || entity.type === 'public-institution';
    return filing.websites.map((w): RawFinding => {
      const prefix = NATIONAL_PREFIXES.find((p) => w.name.startsWith(p));
      const allowed = exempt || (prefix !== undefined && entity.name.startsWith(prefix));
      return prefix && !allowed
        ? { rule: this.id, status: 'warn', path: `${w.path}.name`, args: { website: w.name, prefix } }
        : { rule: this.id, status: 'pass', path: `${w.path}.name`, args: { website: w.name } };
    });
  },
});

export const websiteRules: CodeRule[] = [nameNotDomain, nameChinese, nameNationalPrefix];
