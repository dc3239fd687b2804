// Outside text made safe for any output: no control or bidi characters (../sanitize.ts) and no
// lone surrogates, which cannot be encoded as UTF-8 and break URI encoding.
import { stripControl } from '../sanitize.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Control characters removed (newlines and tabs kept only when asked), lone surrogates replaced. */
export function cleanText(text: string, keepNewlines = false): string {
  return stripControl(text, keepNewlines).replace(LONE_SURROGATE, '\ufffd');
}
