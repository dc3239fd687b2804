// Rule data as `RuleMeta`: the words `rules`, `explain`, SARIF and the renderers read.
import type { RuleMeta } from '../rules/types.js';
import type { LoadedRule } from './loader.js';
import { passText, unknownText } from './evaluate.js';

export function metaOf(rule: LoadedRule): RuleMeta {
  const fired = { message: rule.message, ...(rule.fix ? { fix: rule.fix } : {}) };
  const meta: RuleMeta = {
    id: rule.id,
    source: rule.source,
    title: rule.title,
    explain: rule.explain,
    quote: rule.quote,
    messages: {
      [rule.status]: fired,
      unknown: { message: unknownText(rule), ...(rule.fix ? { fix: rule.fix } : {}) },
      pass: { message: passText(rule) },
    },
  };
  if (rule.province) meta.province = rule.province;
  return meta;
}
