// Text from outside (WHOIS fields, file names, manifest strings) must not steer a terminal:
// control characters (C0, C1, DEL) and bidirectional overrides are removed before display.

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;
// A lone surrogate (from a `"\ud800"` escape in YAML) cannot be written as UTF-8, and JSON readers in other languages choke on it.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Removes control and bidi-override characters, replaces lone surrogates; keeps tab and newline only when asked. */
export function stripControl(s: string, keepNewlines = false): string {
  const out = s.replace(UNSAFE, '').replace(LONE_SURROGATE, '\ufffd');
  return keepNewlines ? out : out.replace(/[\n\t]/g, ' ');
}
