// Text from outside (WHOIS fields, file names, manifest strings) must not steer a terminal:
// control characters (C0, C1, DEL) and bidirectional overrides are removed before display.

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Removes control and bidi-override characters; keeps tab and newline only when asked. */
export function stripControl(s: string, keepNewlines = false): string {
  const out = s.replace(UNSAFE, '');
  return keepNewlines ? out : out.replace(/[\n\t]/g, ' ');
}
