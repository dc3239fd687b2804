// From a validated manifest to the `Filing` rules read: province slug, people with their
// manifest paths, administrators resolved (`admin: principal`).
import type { RawFinding } from '../model.js';
import type { Filing, FilingWebsite, PersonEntry } from './filing.js';
import type { Manifest } from './schema.js';
import { acceptedProvinceForms, normaliseProvince } from './provinces.js';

export type NormaliseResult = { ok: true; filing: Filing } | { ok: false; findings: RawFinding[] };

export function toFiling(manifest: Manifest, file: string, dir: string): NormaliseResult {
  const province = normaliseProvince(manifest.province);
  if (!province) {
    return {
      ok: false,
      findings: [
        {
          rule: 'manifest/province',
          status: 'fail',
          path: 'province',
          args: { value: manifest.province, accepted: acceptedProvinceForms() },
        },
      ],
    };
  }
  const { principal, legalRepresentative } = manifest.entity;
  const people: PersonEntry[] = [{ role: 'principal', path: 'entity.principal', person: principal }];
  if (legalRepresentative) people.push({ role: 'legalRepresentative', path: 'entity.legalRepresentative', person: legalRepresentative });

  const websites: FilingWebsite[] = manifest.websites.map((w, index) => {
    const path = `websites[${index}]`;
    const own = w.admin !== undefined && w.admin !== 'principal' ? w.admin : undefined;
    if (own) people.push({ role: 'admin', path: `${path}.admin`, person: own, website: index });
    return {
      ...w,
      index,
      path,
      admin: own ?? principal,
      adminPath: own ? `${path}.admin` : 'entity.principal',
      adminIsPrincipal: own === undefined,
    };
  });

  const instances = manifest.instances.flatMap((entry, i) => ('product' in entry ? [{ ...entry, path: `instances[${i}]` }] : []));
  return { ok: true, filing: { file, dir, manifest, province, people, websites, instances } };
}
