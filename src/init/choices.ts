// Lists the questionnaire offers: Alibaba Cloud's mainland regions, what each product is asked
// about, and the province list searched by pinyin, Chinese, code or abbreviation.
import type { Lang } from '../model.js';
import { message } from '../report/catalogue/index.js';
import { PROVINCES, normaliseProvince, type ProvinceSlug } from '../manifest/provinces.js';
import type { CertificateType, EntityType, Product } from './answers.js';

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
