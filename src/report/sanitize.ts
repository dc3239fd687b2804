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

/**
 * A GitHub Actions runner reads any log line that starts (after blanks) with `::` as a workflow
 * command (`::error`, `::add-mask`, `::stop-commands`). Outside text that starts a line is
 * made inert: a file name gets `./` (the same file), other text a leading `: `.
 */
const WORKFLOW_COMMAND_START = /^(\s*)::/;

/** Outside text for one line of terminal or log output: no controls, and no workflow command. */
export function forTerminal(text: string): string {
  return stripControl(text).replace(WORKFLOW_COMMAND_START, '$1: ::');
}

/** A file name as shown on a terminal or in a log: no controls, never a workflow command. */
export function fileNameForTerminal(file: string): string {
  const clean = stripControl(file);
  return WORKFLOW_COMMAND_START.test(clean) ? `./${clean.trimStart()}` : clean;
}

/** Text for the JSON report and other machine-read fields: controls and bidi removed, lone surrogates replaced. */
export function forJson(text: string, keepNewlines = false): string {
  return stripControl(text, keepNewlines);
}
