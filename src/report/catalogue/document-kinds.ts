// Display names of the document kinds (CONTRACT.md "Document kinds").
import type { Text } from '../../model.js';

export const DOCUMENT_KINDS: Record<string, Text> = {
  'entity-certificate': { en: 'Entity certificate (business licence or other)', zh: '主体证件（营业执照等）' },
  'id-front': { en: 'Identity document, photo side', zh: '身份证人像面' },
  'id-back': { en: 'Identity document, national emblem side', zh: '身份证国徽面' },
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
  'scopsr-certificate': { en: 'Certificate from the commission office for public sector reform', zh: '编办证明' },
  'change-certificate': { en: 'Certificate of change', zh: '变更证明' },
  'business-statement': { en: 'Business statement (Sichuan)', zh: '经营性说明（四川）' },
  'phone-bills': { en: 'Phone bills of the last three months', zh: '近三个月的电话账单' },
  'proof-of-employment': { en: 'Proof of employment', zh: '在职证明' },
  'proof-of-employment-or-income': { en: 'Proof of employment or income', zh: '在职或收入证明' },
  'guardian-id': { en: "Legal guardian's identity document", zh: '监护人身份证件' },
  'holding-id-photo': { en: 'Photo holding the identity document', zh: '手持证件照片' },
};
