// Answers -> a version 1 manifest object (CONTRACT.md "The manifest"), keys in the order the
// example manifest uses so the written file reads like the documentation.
import type { InitAnswers, PersonAnswers } from './answers.js';

export type ManifestObject = Record<string, unknown>;

function person(p: PersonAnswers): ManifestObject {
  const id: ManifestObject = { type: p.id.type, number: p.id.number };
  if (p.id.expires) id.expires = p.id.expires;
  if (p.id.front) id.front = p.id.front;
  if (p.id.back) id.back = p.id.back;
  return { name: p.name, id, mobile: p.mobile, ...(p.mobileProvince ? { mobileProvince: p.mobileProvince } : {}), email: p.email };
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
  if (e.address) entity.address = e.address;
  if (e.legalRepresentative) {
    // The principal named as legal representative is one person: the ID number says so to the
    // province rules that compare them.
    const same = e.legalRepresentative.name.trim() === e.principal.name.trim();
    entity.legalRepresentative = same
      ? { name: e.legalRepresentative.name, id: { type: e.principal.id.type, number: e.principal.id.number } }
      : { name: e.legalRepresentative.name };
  }
  entity.principal = person(e.principal);

  const out: ManifestObject = {
    version: 1,
    provider: 'aliyun',
    province: a.province,
    filing: a.filing,
  };
  if (a.previousFiling && Object.keys(a.previousFiling).length > 0) out.previousFiling = { ...a.previousFiling };
  Object.assign(out, {
    entity,
    websites: a.websites.map((w) => ({
      name: w.name,
      domains: [...w.domains],
      content: [...w.content],
      ...(w.remarks ? { remarks: w.remarks } : {}),
      ...(w.preApprovals?.length ? { preApprovals: w.preApprovals.map((p) => ({ ...p })) } : {}),
      instances: [...w.instances],
      admin: w.admin === 'principal' ? 'principal' : person(w.admin),
    })),
    instances: a.instances.map((i) => {
      const entry: ManifestObject = { id: i.id, product: i.product, region: i.region };
      for (const key of ['billing', 'expires', 'publicBandwidthMbps', 'orderAmountCny', 'initialSubscriptionMonths', 'serviceNumbersUsed'] as const) {
        if (i[key] !== undefined) entry[key] = i[key];
      }
      return entry;
    }),
  });
  if (a.domains && Object.keys(a.domains).length > 0) out.domains = structuredClone(a.domains);
  if (a.documents?.length) out.documents = a.documents.map((d) => ({ ...d }));
  return out;
}
