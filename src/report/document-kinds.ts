// Names of the document kinds (CONTRACT.md "Document kinds") for people to read.
import type { Lang, Text } from '../model.js';

const KINDS: Record<string, Text> = {
  'entity-certificate': { en: 'Entity certificate (business licence or other)', zh: '主体证件（营业执照等）' },
  'id-front': { en: 'Identity document, front', zh: '身份证件正面' },
  'id-back': { en: 'Identity document, back', zh: '身份证件反面' },
  'authenticity-statement': { en: 'Authenticity statement', zh: '网站备案信息真实性核验单' },
  'power-of-attorney': { en: 'Power of attorney / letter of authorization', zh: '授权书' },
  'domain-certificate': { en: 'Domain name certificate', zh: '域名证书' },
  'domain-holder-certificate': { en: 'Domain holder certificate', zh: '域名持有者证明' },
  'residence-permit': { en: 'Residence permit', zh: '居住证' },
  'proof-of-study-work-or-residence': { en: 'Proof of study, work or residence', zh: '学习、工作或居住证明' },
  'website-construction-plan': { en: 'Website construction plan', zh: '网站建设方案书' },
  'letter-of-guarantee': { en: 'Alibaba Cloud letter of guarantee (sealed)', zh: '阿里云备案担保函（加盖公章）' },
  'finance-commitment-letter': { en: 'Finance website commitment letter (Guangdong)', zh: '金融类网站备案承诺书（广东）' },
  'guangdong-authenticity-commitment': { en: 'Guangdong authenticity commitment letter', zh: '广东真实性承诺书' },
  'scopsr-certificate': { en: 'SCOPSR certificate', zh: '编办证明' },
  'change-certificate': { en: 'Certificate of change', zh: '变更证明' },
  'business-statement': { en: 'Business statement (Sichuan)', zh: '经营性说明（四川）' },
  'phone-bills': { en: 'Phone bills of the last three months', zh: '近三个月的电话账单' },
  'proof-of-employment': { en: 'Proof of employment', zh: '在职证明' },
  'proof-of-employment-or-income': { en: 'Proof of employment or income', zh: '在职或收入证明' },
  'guardian-id': { en: "Legal guardian's identity document", zh: '监护人身份证件' },
  'holding-id-photo': { en: 'Photo holding the identity document', zh: '手持证件照片' },
};

const PRE_APPROVALS: Record<string, Text> = {
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

export function documentKindName(kind: string, lang: Lang): string {
  const known = KINDS[kind];
  if (known) return known[lang];
  if (kind.startsWith('pre-approval:')) {
    const type = kind.slice('pre-approval:'.length);
    const name = PRE_APPROVALS[type]?.[lang] ?? type;
    return lang === 'zh' ? `前置审批（${name}）` : `Pre-approval (${name})`;
  }
  return kind;
}
