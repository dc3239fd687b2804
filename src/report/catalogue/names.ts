// One display name per language for every enum a person sees. Names that regulations data
// already carries (provinces, instance products, where to confirm a list) are read from there.
import type { Lang, NameKind, Text } from '../../model.js';
import type { CERTIFICATE_TYPES, CONTENT_CATEGORIES, ENTITY_TYPES, ID_TYPES, PRE_APPROVAL_TYPES } from '../../manifest/schema.js';
import { OTHER_REGION_CODES, PROVINCES } from '../../manifest/provinces.js';
import { loadInstanceEligibility } from '../../regulations/instance-eligibility.js';
import { loadRegistrarList, loadTldList } from '../../rules/domain-data.js';
import { DOCUMENT_KINDS } from './document-kinds.js';
import { message } from './index.js';
import { citationText } from '../sources.js';

type Table<K extends string> = Record<K, Text>;

export const ID_TYPE_NAMES: Table<(typeof ID_TYPES)[number]> = {
  'id-card': { en: 'resident identity card', zh: '居民身份证' },
  'temporary-id-card': { en: 'temporary resident identity card', zh: '临时居民身份证' },
  'hk-macao-residence-permit': { en: 'residence permit for Hong Kong and Macao residents', zh: '港澳居民居住证' },
  'hk-macao-travel-permit': { en: 'Mainland travel permit for Hong Kong and Macao residents', zh: '港澳居民来往内地通行证' },
  'taiwan-residence-permit': { en: 'residence permit for Taiwan residents', zh: '台湾居民居住证' },
  'taiwan-travel-permit': { en: 'Mainland travel permit for Taiwan residents', zh: '台湾居民来往大陆通行证' },
  passport: { en: 'passport', zh: '护照' },
};

export const CERTIFICATE_TYPE_NAMES: Table<(typeof CERTIFICATE_TYPES)[number]> = {
  'business-license': { en: 'business licence', zh: '营业执照' },
  'organization-code': { en: 'organisation code certificate', zh: '组织机构代码证' },
  'public-institution-certificate': { en: 'public institution legal person certificate', zh: '事业单位法人证书' },
  'uscc-certificate': { en: 'unified social credit code certificate', zh: '统一社会信用代码证书' },
  'social-organization-certificate': { en: 'social organisation legal person registration certificate', zh: '社会团体法人登记证书' },
  other: { en: 'other certificate', zh: '其他证件' },
  ...ID_TYPE_NAMES,
};

export const ENTITY_TYPE_NAMES: Table<(typeof ENTITY_TYPES)[number]> = {
  individual: { en: 'individual', zh: '个人' },
  enterprise: { en: 'enterprise', zh: '企业' },
  'individual-business': { en: 'individual business', zh: '个体工商户' },
  'public-institution': { en: 'public institution', zh: '事业单位' },
  government: { en: 'government body', zh: '政府机关' },
  'social-organization': { en: 'social organisation', zh: '社会团体' },
  other: { en: 'other organisation', zh: '其他组织' },
};

export const PRE_APPROVAL_NAMES: Table<(typeof PRE_APPROVAL_TYPES)[number]> = {
  news: { en: 'news', zh: '新闻' },
  publishing: { en: 'publishing', zh: '出版' },
  medicine: { en: 'medicine and medical devices', zh: '药品和医疗器械' },
  culture: { en: 'culture', zh: '文化' },
  broadcasting: { en: 'radio, film and television', zh: '广播电影电视节目' },
  education: { en: 'education', zh: '教育' },
  healthcare: { en: 'healthcare', zh: '医疗保健' },
  'online-taxi': { en: 'online taxi booking', zh: '网络预约车' },
  finance: { en: 'finance', zh: '金融' },
};

export const CONTENT_NAMES: Table<(typeof CONTENT_CATEGORIES)[number]> = {
  ...PRE_APPROVAL_NAMES,
  ecommerce: { en: 'e-commerce', zh: '电子商务' },
  forum: { en: 'forum', zh: '论坛' },
  'personal-blog': { en: 'personal blog', zh: '个人博客' },
  general: { en: 'general content', zh: '一般内容' },
};

export const ROLE_NAMES: Table<'entity' | 'legalRepresentative' | 'principal' | 'admin'> = {
  entity: { en: 'the filing subject', zh: '备案主体' },
  legalRepresentative: { en: 'the legal representative', zh: '法定代表人' },
  principal: { en: 'the entity principal', zh: '主体负责人' },
  admin: { en: 'the website administrator', zh: '网站负责人' },
};

/** The registration authority a credit code's first character names (GB 32100-2015). */
export const USCC_AUTHORITY_NAMES: Record<string, Text> = {
  '1': { en: 'institutional organisation', zh: '机构编制' },
  '2': { en: 'foreign affairs', zh: '外交' },
  '3': { en: 'judicial administration', zh: '司法行政' },
  '4': { en: 'culture', zh: '文化' },
  '5': { en: 'civil affairs', zh: '民政' },
  '6': { en: 'tourism', zh: '旅游' },
  '7': { en: 'religious affairs', zh: '宗教' },
  '8': { en: 'trade unions', zh: '工会' },
  '9': { en: 'industry and commerce', zh: '市场监督管理部门' },
  A: { en: 'military establishment', zh: '中央军委改革和编制办公室' },
  N: { en: 'agriculture', zh: '农业' },
  Y: { en: 'other', zh: '其他' },
};

/** The two sides of a mainland ID card, as `--ocr` tells them apart. */
export const ID_SIDE_NAMES: Table<'front' | 'back'> = {
  front: { en: 'photo', zh: '人像面' },
  back: { en: 'national emblem', zh: '国徽面' },
};

export const FIELD_NAMES: Table<'registrar' | 'holder' | 'expires' | 'privacyProtection'> = {
  privacyProtection: { en: 'privacy protection', zh: '隐私保护' },
  registrar: { en: 'registrar', zh: '注册商' },
  holder: { en: 'holder', zh: '持有者' },
  expires: { en: 'expiry date', zh: '到期日' },
};

function fromData(kind: NameKind, value: string): Text | undefined {
  switch (kind) {
    case 'province': {
      const p = PROVINCES.find((x) => x.slug === value);
      return p ? { en: p.en, zh: p.zh } : undefined;
    }
    case 'product':
      return (loadInstanceEligibility().products as Record<string, { name: Text } | undefined>)[value]?.name;
    case 'registrar': {
      const r = loadRegistrarList().registrars.find((x) => x.id === value);
      return r ? { en: r.en, zh: r.zh } : undefined;
    }
    case 'region':
      return OTHER_REGION_CODES[value];
    case 'confirmAt':
      return value === 'registrars' ? loadRegistrarList().confirmAt : value === 'tlds' ? loadTldList().confirmAt : undefined;
    default:
      return undefined;
  }
}

const TABLES: Partial<Record<NameKind, Record<string, Text>>> = {
  idType: ID_TYPE_NAMES,
  certificateType: CERTIFICATE_TYPE_NAMES,
  entityType: ENTITY_TYPE_NAMES,
  preApproval: PRE_APPROVAL_NAMES,
  content: CONTENT_NAMES,
  role: ROLE_NAMES,
  field: FIELD_NAMES,
  idSide: ID_SIDE_NAMES,
  documentKind: DOCUMENT_KINDS,
  usccAuthority: USCC_AUTHORITY_NAMES,
};

/** Who a document is for: a role by its name, otherwise the manifest path or domain as written. */
export function holderName(holder: string, lang: Lang): string {
  return holder in ROLE_NAMES ? nameOf('role', holder, lang) : holder;
}

/** The display name of an enum value; an unknown value is shown as written. */
export function nameOf(kind: NameKind, value: string, lang: Lang): string {
  if (kind === 'source') return citationText(value, lang);
  if (kind === 'documentKind' && value.startsWith('pre-approval:')) {
    const type = value.slice('pre-approval:'.length);
    const name = nameOf('preApproval', type, lang);
    return message('documentKind.preApproval', { name }, lang);
  }
  const text = TABLES[kind]?.[value] ?? fromData(kind, value);
  return text ? text[lang] : value;
}

/** Every display-name table, for the completeness test. */
export const NAME_TABLES = TABLES;
