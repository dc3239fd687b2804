// Answers -> a version 1 manifest object (CONTRACT.md "The manifest"), keys in the order the
// example manifest uses so the written file reads like the documentation.
import type { InitAnswers, PersonAnswers } from './answers.js';

export type ManifestObject = Record<string, unknown>;

function person(p: PersonAnswers): ManifestObject {
  const id: ManifestObject = { type: p.id.type, number: p.id.number };
  if (p.id.expires) id.expires = p.id.expires;
  if (p.id.front) id.front = p.id.front;
  if (p.id.back) id.back = p.id.back;
  return { name: p.name, id, mobile: p.mobile, email: p.email };
}

export function buildManifest(a: InitAnswers): ManifestObject {
  const e = a.entity;
  const entity: ManifestObject = { type: e.type, name: e.name };
  if (e.certificate) {
    entity.certificate = { ...e.certificate };
  } else if (e.type === 'individual') {
    // An individual's certificate is the principal's identity document (CONTRACT.md, `entity.certificate`).
    const id = e.principal.id;
    entity.certificate = { type: id.type, number: id.number, ...(id.expires ? { expires: id.expires } : {}) };
  }
  if (e.legalRepresentative) entity.legalRepresentative = { name: e.legalRepresentative.name };
  entity.principal = person(e.principal);

  return {
    version: 1,
    provider: 'aliyun',
    province: a.province,
    filing: a.filing,
    entity,
    websites: a.websites.map((w) => ({
      name: w.name,
      domains: [...w.domains],
      content: [...w.content],
      instances: [...w.instances],
      admin: w.admin === 'principal' ? 'principal' : person(w.admin),
    })),
    instances: a.instances.map((i) => {
      const out: ManifestObject = { id: i.id, product: i.product, region: i.region };
      for (const key of ['billing', 'expires', 'publicBandwidthMbps', 'orderAmountCny', 'initialSubscriptionMonths', 'serviceNumbersUsed'] as const) {
        if (i[key] !== undefined) out[key] = i[key];
      }
      return out;
    }),
  };
}
