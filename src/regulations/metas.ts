// Rule data as `RuleMeta`: the words `rules`, `explain`, SARIF and the renderers read. A data
// rule's pass and unknown texts are the catalogue's, wrapped around the rule's own title or message.
import type { Lang, Text } from '../model.js';
import type { RuleMeta } from '../rules/types.js';
import type { LoadedRule } from './loader.js';
import type { DataRule } from './schema.js';
import { CATALOGUES } from '../report/catalogue/index.js';

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

const wrap = (key: 'data.unknown' | 'data.pass', inner: Text, lower = false): Text => {
  const one = (lang: Lang) => CATALOGUES[lang][key].replace('{text}', () => (lower ? lowerFirst(inner[lang]) : inner[lang]));
  return { en: one('en'), zh: one('zh') };
};

/** The words of an `unknown` finding when the rule has none of its own. */
export function unknownText(rule: Pick<DataRule, 'message' | 'unknown'>): Text {
  return rule.unknown ?? wrap('data.unknown', rule.message, true);
}

/** The words of a `pass` finding, from the rule's title. */
export function passText(rule: Pick<DataRule, 'title'>): Text {
  return wrap('data.pass', rule.title);
}

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
