// Every rule icp-check knows: code rules by area, then the data rules of `regulations/`.
import { dataRuleMetas, regulationCodeRules } from '../regulations/index.js';
import { domainRules } from './domain.js';
import { entityRules } from './entity.js';
import { imageRules } from './image.js';
import { instanceRules } from './instance.js';
import { manifestRules } from './manifest.js';
import { ocrRules } from './ocr.js';
import { personRules } from './person.js';
import { websiteRules } from './website.js';
import type { CodeRule, RuleMeta } from './types.js';
import { waiverRules } from '../waivers/apply.js';

export function codeRules(): CodeRule[] {
  return [...entityRules, ...personRules, ...websiteRules, ...domainRules, ...instanceRules, ...imageRules, ...ocrRules, ...regulationCodeRules];
}

let metas: Map<string, RuleMeta> | undefined;

/** All rule metadata by id (loads the rule data on first use). */
export function ruleIndex(): Map<string, RuleMeta> {
  if (!metas) {
    metas = new Map();
    for (const r of [...manifestRules, ...waiverRules, ...codeRules(), ...dataRuleMetas()]) metas.set(r.id, r);
  }
  return metas;
}

export function allRuleMetas(): RuleMeta[] {
  return [...ruleIndex().values()];
}
