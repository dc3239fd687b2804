// The words of a data rule's finding, rendered as the report renders them (from the rule's texts).
import type { Lang, RawFinding } from '../../src/model.js';
import { bundledRegulations, type Regulations } from '../../src/regulations/index.js';
import { metaOf } from '../../src/regulations/metas.js';
import { renderFinding } from '../../src/report/render.js';
import { ruleIndex } from '../../src/rules/registry.js';

export function words(f: RawFinding, lang: Lang = 'en', regs: Regulations = bundledRegulations()): { message: string; fix?: string } {
  const rule = regs.byId.get(f.rule);
  const r = renderFinding(f, rule ? metaOf(rule) : ruleIndex().get(f.rule), lang);
  return { message: r.message, ...(r.fix ? { fix: r.fix } : {}) };
}
