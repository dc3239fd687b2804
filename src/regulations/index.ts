// The rule data of `regulations/`: loading and evaluation. (Placeholder API.)
import type { RawFinding } from '../model.js';
import type { CheckContext, CodeRule, RuleMeta } from '../rules/types.js';
import type { ProvinceSettings } from './schema.js';
import { provinceSettings } from './schema.js';

/** Metadata of every data rule (for `rules`, `explain`, SARIF). */
export function dataRuleMetas(): RuleMeta[] {
  return [];
}

/** Rules written as code that belong to the regulations (reuse windows ...). */
export const regulationCodeRules: CodeRule[] = [];

/** Evaluates the data rules that apply to the filing's province and the general ones. */
export function evaluateRegulations(_ctx: CheckContext): RawFinding[] {
  return [];
}

export function settingsFor(_province: string): ProvinceSettings {
  return provinceSettings.parse({});
}

/** The date of the bundled rule data (`before` issue 20190806). */
export const RULES_DATE = '2019-08-06';
