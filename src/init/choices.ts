// Lists the questionnaire offers: Alibaba Cloud's mainland regions, products and what each
// product is asked about, and the province list searched by pinyin, Chinese, code or abbreviation.
import type { Lang, Text } from '../model.js';
import { message } from '../report/catalogue/index.js';
import { PROVINCES, normaliseProvince, type ProvinceSlug } from '../manifest/provinces.js';
import type { CertificateType, ContentCategory, EntityType, FilingKind, IdType, Product } from './answers.js';

/** Mainland China regions only: a filing's instance must be in mainland China. */
export const MAINLAND_REGIONS: readonly { id: string; en: string; zh: string }[] = [
  { id: 'cn-hangzhou', en: 'Hangzhou', zh: '杭州' },
  { id: 'cn-shanghai', en: 'Shanghai', zh: '上海' },
  { id: 'cn-beijing', en: 'Beijing', zh: '北京' },
  { id: 'cn-shenzhen', en: 'Shenzhen', zh: '深圳' },
  { id: 'cn-qingdao', en: 'Qingdao', zh: '青岛' },
  { id: 'cn-zhangjiakou', en: 'Zhangjiakou', zh: '张家口' },
  { id: 'cn-huhehaote', en: 'Hohhot', zh: '呼和浩特' },
  { id: 'cn-wulanchabu', en: 'Ulanqab', zh: '乌兰察布' },
  { id: 'cn-nanjing', en: 'Nanjing', zh: '南京' },
  { id: 'cn-fuzhou', en: 'Fuzhou', zh: '福州' },
  { id: 'cn-heyuan', en: 'Heyuan', zh: '河源' },
  { id: 'cn-guangzhou', en: 'Guangzhou', zh: '广州' },
  { id: 'cn-chengdu', en: 'Chengdu', zh: '成都' },
  { id: 'cn-wuhan-lr', en: 'Wuhan', zh: '武汉' },
];

export const PRODUCT_NAMES: Record<Product, Text> = {
  ecs: { en: 'ECS instance', zh: '云服务器 ECS' },
  'web-hosting': { en: 'Web Hosting', zh: '虚拟主机' },
  'simple-application-server': { en: 'Simple Application Server', zh: '轻量应用服务器' },
  'elastic-web-hosting': { en: 'Elastic Web Hosting', zh: '弹性 Web 托管' },
  marketplace: { en: 'Marketplace website building', zh: '云市场建站' },
  'nat-gateway': { en: 'NAT Gateway', zh: 'NAT 网关' },
  'ipv6-translation': { en: 'IPv6 Translation Service', zh: 'IPv6 转换服务' },
  ens: { en: 'Edge Node Service (ENS)', zh: '边缘节点服务 ENS' },
};

/** Products sold with a public bandwidth figure (ECS must have one, `before` Table 1-1); a NAT gateway has none. */
export const BANDWIDTH_PRODUCTS: readonly Product[] = ['ecs', 'simple-application-server', 'ens'];

/** Marketplace website building is judged by its order amount and initial term (`before` Table 1-1). */
export const ORDER_PRODUCTS: readonly Product[] = ['marketplace'];

/** The certificate each kind of entity files with (CONTRACT.md, `entity.certificate`). */
export const CERTIFICATE_FOR: Record<Exclude<EntityType, 'individual'>, CertificateType> = {
  enterprise: 'business-license',
  'individual-business': 'business-license',
  'public-institution': 'public-institution-certificate',
  government: 'uscc-certificate',
  'social-organization': 'social-organization-certificate',
  other: 'other',
};

/** Certificates whose number is a unified social credit code (GB 32100) with a check character. */
export const USCC_CERTIFICATES: readonly CertificateType[] = ['business-license', 'public-institution-certificate', 'uscc-certificate', 'social-organization-certificate'];

export interface ProvinceChoice {
  value: ProvinceSlug;
  name: string;
}

/** The province's name in the reader's language first, then in the other, then its slug. */
const provinceLabel = (p: (typeof PROVINCES)[number], lang: Lang) => message('init.province-choice', { en: p.en, zh: p.zh, slug: p.slug }, lang);

/** Provinces matching a search term: a prefix of pinyin or English, part of the Chinese name, or any accepted spelling. */
export function searchProvinces(term: string | undefined, lang: Lang): ProvinceChoice[] {
  const q = (term ?? '').trim().toLowerCase();
  const exact = q === '' ? undefined : normaliseProvince(q);
  const compact = q.replace(/[\s'-]/g, '');
  return PROVINCES.filter((p) => {
    if (q === '' || p.slug === exact) return true;
    // Shaanxi (陕西) is often typed as "shanxi": offer it beside Shanxi (山西) and let the Chinese name decide.
    const pinyin = [p.slug, p.slug.replace(/aa/g, 'a'), p.en.toLowerCase(), ...('alias' in p ? p.alias : [])].map((s) => s.replace(/[\s'-]/g, ''));
    return pinyin.some((s) => s.startsWith(compact)) || p.zh.includes(q) || p.abbr.some((a) => a === q);
  }).map((p) => ({ value: p.slug, name: provinceLabel(p, lang) }));
}

export const FILING_KIND_NAMES: Record<FilingKind, Text> = {
  new: { en: 'New filing: the entity has no filing yet', zh: '首次备案：主体尚无备案' },
  'new-website': { en: 'New website: the entity is filed, add a website', zh: '新增网站：主体已备案，新增网站' },
  'new-provider': { en: 'New access provider: the website is filed elsewhere, now hosted on Alibaba Cloud', zh: '新增接入：网站已在其他接入商备案，现接入阿里云' },
  change: { en: 'Change: change a filed entity or website', zh: '变更备案：变更已备案的主体或网站信息' },
  transfer: { en: 'Transfer: move a filing to another entity', zh: '转移备案' },
  'refile-after-cancellation': { en: 'Refile after cancellation', zh: '注销后重新备案' },
};

export const ENTITY_TYPE_NAMES: Record<EntityType, Text> = {
  individual: { en: 'Individual', zh: '个人' },
  enterprise: { en: 'Enterprise', zh: '企业' },
  'individual-business': { en: 'Individual business (个体工商户)', zh: '个体工商户' },
  'public-institution': { en: 'Public institution (事业单位)', zh: '事业单位' },
  government: { en: 'Government body', zh: '政府机关' },
  'social-organization': { en: 'Social organisation', zh: '社会团体' },
  other: { en: 'Other', zh: '其他' },
};

export const CERTIFICATE_NAMES: Record<Exclude<CertificateType, IdType>, Text> = {
  'business-license': { en: 'business licence', zh: '营业执照' },
  'organization-code': { en: 'organisation code certificate', zh: '组织机构代码证' },
  'public-institution-certificate': { en: 'public institution legal person certificate', zh: '事业单位法人证书' },
  'uscc-certificate': { en: 'unified social credit code certificate', zh: '统一社会信用代码证书' },
  'social-organization-certificate': { en: 'social organisation legal person registration certificate', zh: '社会团体法人登记证书' },
  other: { en: 'certificate', zh: '证件' },
};

export const ID_TYPE_NAMES: Record<IdType, Text> = {
  'id-card': { en: 'Resident identity card (居民身份证)', zh: '居民身份证' },
  'temporary-id-card': { en: 'Temporary resident identity card', zh: '临时居民身份证' },
  'hk-macao-residence-permit': { en: 'Residence permit for Hong Kong and Macao residents', zh: '港澳居民居住证' },
  'hk-macao-travel-permit': { en: 'Mainland travel permit for Hong Kong and Macao residents', zh: '港澳居民来往内地通行证' },
  'taiwan-residence-permit': { en: 'Residence permit for Taiwan residents', zh: '台湾居民居住证' },
  'taiwan-travel-permit': { en: 'Mainland travel permit for Taiwan residents', zh: '台湾居民来往大陆通行证' },
  passport: { en: 'Passport', zh: '护照' },
};

export const CONTENT_NAMES: Record<ContentCategory, Text> = {
  general: { en: 'General: company or product information', zh: '综合：企业或产品介绍' },
  'personal-blog': { en: 'Personal blog', zh: '个人博客' },
  ecommerce: { en: 'E-commerce', zh: '电子商务' },
  forum: { en: 'Forum or community', zh: '论坛社区' },
  news: { en: 'News', zh: '新闻' },
  publishing: { en: 'Online publishing', zh: '网络出版' },
  medicine: { en: 'Medicine', zh: '药品' },
  culture: { en: 'Online culture: games, music, video', zh: '网络文化：游戏、音乐、视频' },
  broadcasting: { en: 'Radio, film and TV programmes', zh: '广播电影电视节目' },
  education: { en: 'Education', zh: '教育' },
  healthcare: { en: 'Healthcare', zh: '医疗保健' },
  'online-taxi': { en: 'Online taxi booking', zh: '网约车' },
  finance: { en: 'Finance', zh: '金融' },
};
