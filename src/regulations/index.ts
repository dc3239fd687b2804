// The rule data of `regulations/`: loading and evaluation.
import type { RawFinding } from '../model.js';
import type { CheckContext, CodeRule, RuleMeta } from '../rules/types.js';
import type { ProvinceSettings } from './schema.js';
import { bundledRegulations, DEFAULT_SETTINGS } from './loader.js';
import { evaluateWith } from './evaluate.js';
import { metaOf } from './metas.js';
import { reuseRules } from './reuse.js';
import { normaliseProvince } from '../manifest/provinces.js';
import { memoise } from '../memo.js';

export { RegulationsError, loadRegulationsFrom, bundledRegulations, type LoadedRule, type Regulations } from './loader.js';
export { evaluateWith } from './evaluate.js';
export { mergeDocuments, documentsProvided } from './documents.js';

/** Metadata of every data rule (for `rules`, `explain`, SARIF). */
export function dataRuleMetas(): RuleMeta[] {
  return bundledRegulations().rules.map(metaOf);
}

/** Rules written as code that belong to the regulations (reuse windows ...). */
export const regulationCodeRules: CodeRule[] = reuseRules;

/** Evaluates the data rules that apply to the filing's province and the general ones. */
export function evaluateRegulations(ctx: CheckContext): RawFinding[] {
  return evaluateWith(bundledRegulations(), ctx);
}

/** A named figure of a bundled rule (`figures:` in regulations/); a missing one is a defect of the data. */
export function regulationFigure(rule: string, name: string): number {
  const value = bundledRegulations().byId.get(rule)?.figures?.[name];
  if (typeof value !== 'number') throw new Error(`regulations: rule ${rule} has no numeric figure ${name}`);
  return value;
}

/** The province's settings from its rule file (defaults when it has none); asked by the dated rules on every day a filing is evaluated at, answered once per province as written. */
export const settingsFor: (province: string) => ProvinceSettings = memoise((province) => {
  const slug = normaliseProvince(province);
  return (slug && bundledRegulations().provinces.get(slug)?.settings) || DEFAULT_SETTINGS;
}, 1_000);

export { RULES_DATE } from '../version.js';
