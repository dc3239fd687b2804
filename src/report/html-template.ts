// A tagged template for HTML: every interpolated value is escaped unless it is itself the result
// of `html`, so user data (names, file names, WHOIS text) can never become markup.
import { cleanText } from './formats/outside-text.js';

/** Markup made by `html` (or `raw` for trusted constants): passed through without escaping. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Text made safe for both element content and quoted attribute values; control characters removed. */
export function escapeHtml(text: string): string {
  return cleanText(text, true).replace(/[&<>"'`]/g, (c) => ENTITIES[c]!);
}

type Value = SafeHtml | string | number | boolean | null | undefined | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** `html\`<p>${text}</p>\``: interpolations are escaped; arrays are joined; null, undefined and false vanish. */
export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** A trusted constant (the style sheet, the filter script): never pass data here. */
export function raw(trusted: string): SafeHtml {
  return new SafeHtml(trusted);
}
