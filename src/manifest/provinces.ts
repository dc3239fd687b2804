// The 31 filing provinces (CONTRACT.md slugs) and every spelling users write them in:
// pinyin, Chinese with or without its suffix, GB/T 2260 code, one-character abbreviation, two-letter code.

export const PROVINCES = [
  { slug: 'beijing', zh: '北京市', short: '北京', code: '11', abbr: ['京'], letters: 'BJ', en: 'Beijing' },
  { slug: 'tianjin', zh: '天津市', short: '天津', code: '12', abbr: ['津'], letters: 'TJ', en: 'Tianjin' },
  { slug: 'hebei', zh: '河北省', short: '河北', code: '13', abbr: ['冀'], letters: 'HE', en: 'Hebei' },
  { slug: 'shanxi', zh: '山西省', short: '山西', code: '14', abbr: ['晋'], letters: 'SX', en: 'Shanxi' },
  {
    slug: 'inner-mongolia',
    zh: '内蒙古自治区',
    short: '内蒙古',
    code: '15',
    abbr: ['蒙'],
    letters: 'NM',
    en: 'Inner Mongolia',
    alias: ['neimenggu', 'nei-mongol', 'innermongolia'],
  },
  { slug: 'liaoning', zh: '辽宁省', short: '辽宁', code: '21', abbr: ['辽'], letters: 'LN', en: 'Liaoning' },
  { slug: 'jilin', zh: '吉林省', short: '吉林', code: '22', abbr: ['吉'], letters: 'JL', en: 'Jilin' },
  { slug: 'heilongjiang', zh: '黑龙江省', short: '黑龙江', code: '23', abbr: ['黑'], letters: 'HL', en: 'Heilongjiang' },
  { slug: 'shanghai', zh: '上海市', short: '上海', code: '31', abbr: ['沪'], letters: 'SH', en: 'Shanghai' },
  { slug: 'jiangsu', zh: '江苏省', short: '江苏', code: '32', abbr: ['苏'], letters: 'JS', en: 'Jiangsu' },
  { slug: 'zhejiang', zh: '浙江省', short: '浙江', code: '33', abbr: ['浙'], letters: 'ZJ', en: 'Zhejiang' },
  { slug: 'anhui', zh: '安徽省', short: '安徽', code: '34', abbr: ['皖'], letters: 'AH', en: 'Anhui', alias: ["an'hui", 'an-hui'] },
  { slug: 'fujian', zh: '福建省', short: '福建', code: '35', abbr: ['闽'], letters: 'FJ', en: 'Fujian' },
  { slug: 'jiangxi', zh: '江西省', short: '江西', code: '36', abbr: ['赣'], letters: 'JX', en: 'Jiangxi' },
  { slug: 'shandong', zh: '山东省', short: '山东', code: '37', abbr: ['鲁'], letters: 'SD', en: 'Shandong' },
  { slug: 'henan', zh: '河南省', short: '河南', code: '41', abbr: ['豫'], letters: 'HA', en: 'Henan' },
  { slug: 'hubei', zh: '湖北省', short: '湖北', code: '42', abbr: ['鄂'], letters: 'HB', en: 'Hubei' },
  { slug: 'hunan', zh: '湖南省', short: '湖南', code: '43', abbr: ['湘'], letters: 'HN', en: 'Hunan' },
  { slug: 'guangdong', zh: '广东省', short: '广东', code: '44', abbr: ['粤'], letters: 'GD', en: 'Guangdong' },
  { slug: 'guangxi', zh: '广西壮族自治区', short: '广西', code: '45', abbr: ['桂'], letters: 'GX', en: 'Guangxi' },
  { slug: 'hainan', zh: '海南省', short: '海南', code: '46', abbr: ['琼'], letters: 'HI', en: 'Hainan' },
  { slug: 'chongqing', zh: '重庆市', short: '重庆', code: '50', abbr: ['渝'], letters: 'CQ', en: 'Chongqing' },
  { slug: 'sichuan', zh: '四川省', short: '四川', code: '51', abbr: ['川', '蜀'], letters: 'SC', en: 'Sichuan' },
  { slug: 'guizhou', zh: '贵州省', short: '贵州', code: '52', abbr: ['贵', '黔'], letters: 'GZ', en: 'Guizhou' },
  { slug: 'yunnan', zh: '云南省', short: '云南', code: '53', abbr: ['云', '滇'], letters: 'YN', en: 'Yunnan' },
  { slug: 'tibet', zh: '西藏自治区', short: '西藏', code: '54', abbr: ['藏'], letters: 'XZ', en: 'Tibet', alias: ['xizang'] },
  { slug: 'shaanxi', zh: '陕西省', short: '陕西', code: '61', abbr: ['陕', '秦'], letters: 'SN', en: 'Shaanxi' },
  { slug: 'gansu', zh: '甘肃省', short: '甘肃', code: '62', abbr: ['甘', '陇'], letters: 'GS', en: 'Gansu' },
  { slug: 'qinghai', zh: '青海省', short: '青海', code: '63', abbr: ['青'], letters: 'QH', en: 'Qinghai' },
  { slug: 'ningxia', zh: '宁夏回族自治区', short: '宁夏', code: '64', abbr: ['宁'], letters: 'NX', en: 'Ningxia' },
  { slug: 'xinjiang', zh: '新疆维吾尔自治区', short: '新疆', code: '65', abbr: ['新'], letters: 'XJ', en: 'Xinjiang' },
] as const satisfies readonly {
  slug: string;
  zh: string;
  short: string;
  code: string;
  abbr: readonly string[];
  letters: string;
  en: string;
  alias?: readonly string[];
}[];

export type ProvinceSlug = (typeof PROVINCES)[number]['slug'];
export type Province = (typeof PROVINCES)[number];

/** Regions that appear in identity numbers but are not filing provinces. */
export const OTHER_REGION_CODES: Record<string, { zh: string; en: string }> = {
  '71': { zh: '台湾', en: 'Taiwan' },
  '81': { zh: '香港', en: 'Hong Kong' },
  '82': { zh: '澳门', en: 'Macao' },
  '83': { zh: '台湾', en: 'Taiwan' },
};

const SUFFIXES = ['壮族自治区', '回族自治区', '维吾尔自治区', '自治区', '省', '市'];

const index = new Map<string, ProvinceSlug>();
for (const p of PROVINCES) {
  const keys: string[] = [p.slug, p.slug.replace(/-/g, ''), p.zh, p.short, p.code, `${p.code}0000`, p.letters, `CN-${p.letters}`, p.en, ...p.abbr];
  if ('alias' in p) keys.push(...p.alias);
  for (const k of keys) index.set(k.toLowerCase(), p.slug);
}

/** The slug for any accepted spelling, or undefined. */
export function normaliseProvince(input: string | number): ProvinceSlug | undefined {
  let s = String(input).trim().toLowerCase().replace(/\s+/g, ' ');
  const direct = index.get(s) ?? index.get(s.replace(/[\s_]/g, '-')) ?? index.get(s.replace(/[\s_-]/g, ''));
  if (direct) return direct;
  for (const suffix of SUFFIXES) {
    if (s.endsWith(suffix)) {
      s = s.slice(0, -suffix.length);
      const found = index.get(s);
      if (found) return found;
    }
  }
  return undefined;
}

export function provinceBySlug(slug: string): Province | undefined {
  return PROVINCES.find((p) => p.slug === slug);
}

export function provinceByCode(code: string): Province | undefined {
  return PROVINCES.find((p) => p.code === code);
}

/** The accepted forms, for an error message. */
export function acceptedProvinceForms(): string {
  return PROVINCES.map((p) => `${p.slug} (${p.zh}, ${p.code}, ${p.letters}, ${p.abbr[0]})`).join('; ');
}

/** The province an address starts with (广东省深圳市… → guangdong), if any. */
export function provinceOfAddress(address: string): ProvinceSlug | undefined {
  const a = address.trim();
  for (const p of PROVINCES) {
    if (a.startsWith(p.short)) return p.slug;
  }
  return undefined;
}
