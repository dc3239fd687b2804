// Field checks shared by the questionnaire and the answers file: each returns the normalised
// value or a reason in both languages, built on the checker's own identity, domain and date checks.
import type { Text } from '../model.js';
import { checkIdNumber, checkUscc, normaliseMobile, type IdNumberProblem, type UsccProblem } from '../facts/identity.js';
import { parseDomain, type DomainNameError } from '../facts/domain-name.js';
import { normaliseProvince, type ProvinceSlug } from '../manifest/provinces.js';
import { date as dateSchema, type IdType } from '../manifest/schema.js';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: Text };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = (en: string, zh: string): Checked<never> => ({ ok: false, reason: { en, zh } });

import { todayInChina } from '../facts/dates.js';

export { todayInChina };

/**
 * The longest answer to one question, in characters: far above any real name, address or list of
 * domains, and far below what would make a manifest the checker refuses for its size.
 */
export const MAX_ANSWER_CHARS = 500;

const tooLong = (): Checked<never> => bad(`at most ${MAX_ANSWER_CHARS} characters`, `最多 ${MAX_ANSWER_CHARS} 个字符`);

export function checkRequired(input: string): Checked<string> {
  const v = input.trim();
  if (v.length > MAX_ANSWER_CHARS) return tooLong();
  return v === '' ? bad('an answer is required', '此项必填') : ok(v);
}

/**
 * A person's name: not what belongs to another question (a date, "long-term", a number, an
 * email), the usual slip when answers are typed one question off.
 */
export function checkPersonName(input: string): Checked<string> {
  const r = checkRequired(input);
  if (!r.ok) return r;
  const v = r.value;
  if (/^(long-term|longterm|long term|长期)$/i.test(v) || /\d/.test(v) || v.includes('@')) {
    return bad(`"${v}" is not a person's name: give the name as on the identity document`, `“${v}”不是人名：请填写证件上的姓名`);
  }
  return r;
}

/** The words shown when typing or pasting goes beyond MAX_ANSWER_CHARS. */
export const TOO_LONG: Text = { en: `at most ${MAX_ANSWER_CHARS} characters: the rest was cut`, zh: `最多 ${MAX_ANSWER_CHARS} 个字符，超出部分已截去` };

export function checkProvince(input: string): Checked<ProvinceSlug> {
  const slug = normaliseProvince(input);
  return slug ? ok(slug) : bad(`"${input.trim()}" is not a province of mainland China`, `“${input.trim()}”不是中国大陆的省份`);
}

export function checkDate(input: string): Checked<string> {
  const v = input.trim();
  const r = dateSchema.safeParse(v);
  if (r.success) return ok(r.data);
  return /^\d{4}-\d{2}-\d{2}$/.test(v) ? bad(`${v} is not a real calendar date`, `${v} 不是真实的日期`) : bad('expected a date as YYYY-MM-DD', '请按 YYYY-MM-DD 格式填写日期');
}

/** An expiry date of a certificate or identity document: a date or `long-term` (长期). */
export function checkExpiry(input: string): Checked<string> {
  const v = input.trim();
  if (/^(long-term|longterm|long term|长期)$/i.test(v)) return ok('long-term');
  const d = checkDate(v);
  return d.ok ? d : bad('expected a date as YYYY-MM-DD, or long-term', '请按 YYYY-MM-DD 格式填写日期，或填写 long-term（长期）');
}

const ID_PROBLEMS: Record<IdNumberProblem, Text> = {
  'legacy-15': { en: 'a 15-digit number is no longer valid; use the 18-character number', zh: '15 位号码已停用，请填写 18 位号码' },
  length: { en: 'an ID number has 18 characters', zh: '身份证号码应为 18 位' },
  characters: { en: 'an ID number is 17 digits and a check digit (0-9 or X)', zh: '身份证号码应为 17 位数字加 1 位校验码（0-9 或 X）' },
  region: { en: 'the first two digits are not a region code', zh: '前两位不是有效的行政区划代码' },
  'birth-date': { en: 'digits 7 to 14 are not a real birth date', zh: '第 7 至 14 位不是有效的出生日期' },
  'check-digit': { en: 'the check digit is wrong', zh: '校验码错误' },
};

/** Which 18-character numbers each document type may carry (GB 11643 format, region prefix). */
const EIGHTEEN_CHAR_TYPES: Partial<Record<IdType, (region: string) => boolean>> = {
  'id-card': (r) => !['81', '82', '83'].includes(r),
  'temporary-id-card': (r) => !['81', '82', '83'].includes(r),
  'hk-macao-residence-permit': (r) => r === '81' || r === '82',
  'taiwan-residence-permit': (r) => r === '83',
};

export function checkIdentityNumber(type: IdType, input: string, today: string = todayInChina()): Checked<string> {
  const v = input.trim().toUpperCase();
  if (v === '') return checkRequired(v);
  const regionOk = EIGHTEEN_CHAR_TYPES[type];
  if (!regionOk) {
    // Passports and travel permits have no public check digit: only their shape is checked.
    return /^[A-Z0-9]{5,20}$/.test(v) ? ok(v) : bad('expected 5 to 20 letters and digits', '应为 5 至 20 位字母或数字');
  }
  const r = checkIdNumber(v, today);
  // The expected check character is never shown: with it, a mistyped number becomes a valid one.
  if (!r.ok) return bad(ID_PROBLEMS[r.problem].en, ID_PROBLEMS[r.problem].zh);
  if (!regionOk(r.facts.regionCode)) {
    return ['81', '82', '83'].includes(r.facts.regionCode)
      ? bad(
          'a number starting 81, 82 or 83 is a residence permit of Hong Kong, Macao or Taiwan residents: choose that document type',
          '以 81、82、83 开头的是港澳台居民居住证号码，请选择对应的证件类型',
        )
      : bad('a residence permit number starts with 81 or 82 (Hong Kong, Macao) or 83 (Taiwan)', '居住证号码以 81、82（港澳）或 83（台湾）开头');
  }
  return ok(r.facts.number);
}

const USCC_PROBLEMS: Record<UsccProblem, Text> = {
  length: { en: 'a unified social credit code has 18 characters', zh: '统一社会信用代码应为 18 位' },
  characters: { en: 'a unified social credit code uses digits and capital letters except I, O, Z, S and V', zh: '统一社会信用代码只含数字和除 I、O、Z、S、V 以外的大写字母' },
  authority: { en: 'the first two characters are not a registration authority and organisation type', zh: '前两位不是有效的登记管理部门和机构类别代码' },
  division: { en: 'characters 3 to 8 are not an administrative division code', zh: '第 3 至 8 位不是有效的行政区划代码' },
  'check-character': { en: 'the check character is wrong', zh: '校验码错误' },
};

export function checkCreditCode(input: string): Checked<string> {
  const v = input.trim().toUpperCase();
  if (v === '') return checkRequired(v);
  const r = checkUscc(v);
  if (r.ok) return ok(r.facts.code);
  return bad(USCC_PROBLEMS[r.problem].en, USCC_PROBLEMS[r.problem].zh);
}

export function checkMobile(input: string): Checked<string> {
  const m = normaliseMobile(input.trim());
  return m ? ok(m) : bad('expected a mainland mobile number: 11 digits starting 13 to 19', '请填写中国大陆手机号码：以 13 至 19 开头的 11 位数字');
}

export function checkEmail(input: string): Checked<string> {
  const v = input.trim();
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(v) ? ok(v) : bad('expected an email address such as name@example.com', '请填写电子邮箱地址，例如 name@example.com');
}

const DOMAIN_PROBLEMS: Record<DomainNameError, Text> = {
  url: { en: 'write the domain name alone, without http:// or a path', zh: '只填写域名，不带 http:// 或路径' },
  ip: { en: 'an IP address cannot be filed; write a domain name', zh: 'IP 地址不能备案，请填写域名' },
  syntax: { en: 'not a valid domain name', zh: '不是有效的域名' },
  'no-registrable-domain': { en: 'a public suffix alone cannot be filed', zh: '不能只填写公共后缀' },
};

/** One domain to file: the registrable domain (example.com), as the filing names it. */
export function checkDomain(input: string): Checked<string> {
  const p = parseDomain(input);
  if (!p.ok) {
    const r = DOMAIN_PROBLEMS[p.error];
    return bad(`${input.trim()}: ${r.en}`, `${input.trim()}：${r.zh}`);
  }
  if (p.domain.isSubdomain) {
    return bad(`${p.domain.unicode} is a subdomain: file the domain ${p.domain.registrableUnicode}`, `${p.domain.unicode} 是子域名，请填写主域名 ${p.domain.registrableUnicode}`);
  }
  return ok(p.domain.unicode);
}

/** A list of domains separated by commas or spaces; `taken` are domains already given for other websites. */
export function checkDomainList(input: string, taken: readonly string[] = []): Checked<string[]> {
  if (input.length > MAX_ANSWER_CHARS) return tooLong();
  const parts = input.split(/[\s,，、;；]+/).filter((s) => s !== '');
  if (parts.length === 0) return bad('give at least one domain name', '请至少填写一个域名');
  const out: string[] = [];
  for (const part of parts) {
    const d = checkDomain(part);
    if (!d.ok) return d;
    if (out.includes(d.value)) return bad(`${d.value} is given twice`, `${d.value} 重复填写`);
    if (taken.includes(d.value)) return bad(`${d.value} is already given for another website`, `${d.value} 已填写在另一个网站下`);
    out.push(d.value);
  }
  return ok(out);
}

export function checkWholeNumber(input: string): Checked<number> {
  const v = input.trim();
  return /^\d+$/.test(v) && Number.isSafeInteger(Number(v)) ? ok(Number(v)) : bad('expected a whole number, 0 or more', '请填写 0 或正整数');
}

export function checkAmount(input: string): Checked<number> {
  const v = input.trim();
  return /^\d+(\.\d+)?$/.test(v) ? ok(Number(v)) : bad('expected a number, 0 or more', '请填写 0 或正数');
}

/** An instance id as the console shows it (i-wz9…, no spaces); `taken` are ids already given. */
export function checkInstanceId(input: string, taken: readonly string[] = []): Checked<string> {
  const v = input.trim();
  if (v === '') return checkRequired(v);
  if (!/^[A-Za-z0-9][\w.-]*$/.test(v)) return bad('expected the instance ID as the console shows it, e.g. i-wz9abc123', '请填写控制台显示的实例 ID，例如 i-wz9abc123');
  if (taken.includes(v)) return bad(`${v} is already given`, `${v} 已填写过`);
  return ok(v);
}

/** A region in mainland China, where a filing's instance must be (EXTRA-RULES.md, "Limits"). */
export function checkRegion(input: string): Checked<string> {
  const v = input.trim().toLowerCase();
  if (!/^[a-z]{2}-[a-z0-9-]+$/.test(v)) return bad('expected a region ID such as cn-hangzhou', '请填写地域 ID，例如 cn-hangzhou');
  if (!v.startsWith('cn-') || v === 'cn-hongkong') {
    return bad('the instance must be in mainland China (a region cn-…, not cn-hongkong)', '实例必须位于中国大陆地域（cn-…，不含 cn-hongkong）');
  }
  return ok(v);
}
