// Manifest paths as the report writes them (`websites[1].domains[0]`) and back to keys.

export type PathKey = string | number;

// JSON.stringify leaves DEL, C1 controls and bidi overrides as they are; a terminal must not see them.
const UNSAFE_IN_KEY = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const escapeKey = (k: string) => JSON.stringify(k).replace(UNSAFE_IN_KEY, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function formatPath(keys: readonly PathKey[]): string {
  let out = '';
  for (const k of keys) {
    if (typeof k === 'number') out += `[${k}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(k)) out += out === '' ? k : `.${k}`;
    else out += `[${escapeKey(k)}]`;
  }
  return out;
}

export function parsePath(path: string): PathKey[] {
  const keys: PathKey[] = [];
  const re = /([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path))) {
    if (m[1] !== undefined) keys.push(m[1]);
    else if (m[2] !== undefined) keys.push(Number(m[2]));
    else if (m[3] !== undefined) keys.push(JSON.parse(m[3]) as string);
  }
  return keys;
}
