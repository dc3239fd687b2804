// A strict, small XML 1.0 parser for tests: it rejects what a real parser would (unbalanced or
// mismatched tags, bare `&` or `<`, duplicate attributes, forbidden characters, two roots).
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated character data directly inside this element, entities decoded. */
  text: string;
}

const NAME = /^[A-Za-z_:][\w.:-]*/;
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function decode(raw: string, where: number): string {
  if (raw.includes('<')) throw new Error(`'<' in character data or attribute at ${where}`);
  return raw.replace(/&([^;&\s]*);|&/g, (_whole, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`bare '&' at ${where}`);
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (ref in named) return named[ref]!;
    const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
    if (!m) throw new Error(`unknown entity &${ref}; at ${where}`);
    const cp = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
    const ch = String.fromCodePoint(cp);
    if (FORBIDDEN.test(ch)) throw new Error(`reference to a forbidden character at ${where}`);
    return ch;
  });
}

export function parseXml(xml: string): XmlElement {
  if (FORBIDDEN.test(xml)) throw new Error('document contains a character XML 1.0 forbids');
  let i = 0;
  const fail = (msg: string): never => {
    throw new Error(`${msg} at offset ${i}`);
  };
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) fail('unterminated XML declaration');
    i = end + 2;
  }
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < xml.length) {
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0) fail('unterminated comment');
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', i)) {
      if (stack.length === 0) fail('CDATA outside the root');
      const end = xml.indexOf(']]>', i);
      if (end < 0) fail('unterminated CDATA');
      stack[stack.length - 1]!.text += xml.slice(i + 9, end);
      i = end + 3;
    } else if (xml.startsWith('</', i)) {
      const m = NAME.exec(xml.slice(i + 2));
      if (!m) fail('bad closing tag');
      const open = stack.pop();
      if (!open || open.name !== m![0]) fail(`closing </${m![0]}> does not match <${open?.name}>`);
      i += 2 + m![0].length;
      while (/\s/.test(xml[i] ?? '')) i++;
      if (xml[i] !== '>') fail('closing tag not ended');
      i++;
    } else if (xml[i] === '<') {
      const m = NAME.exec(xml.slice(i + 1));
      if (!m) fail('bad tag name');
      const el: XmlElement = { name: m![0], attrs: {}, children: [], text: '' };
      i += 1 + m![0].length;
      for (;;) {
        const ws = /^\s*/.exec(xml.slice(i))![0].length;
        i += ws;
        if (xml.startsWith('/>', i) || xml[i] === '>') break;
        if (ws === 0) fail('attributes must be separated by white space');
        const a = /^([A-Za-z_:][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(xml.slice(i));
        if (!a) fail('bad attribute');
        if (a![1]! in el.attrs) fail(`duplicate attribute ${a![1]}`);
        el.attrs[a![1]!] = decode(a![3] ?? a![4] ?? '', i);
        i += a![0].length;
      }
      if (stack.length === 0) {
        if (root) fail('a second root element');
        root = el;
      } else stack[stack.length - 1]!.children.push(el);
      if (xml.startsWith('/>', i)) i += 2;
      else {
        i += 1;
        stack.push(el);
      }
    } else {
      const next = xml.indexOf('<', i);
      const raw = xml.slice(i, next < 0 ? xml.length : next);
      if (stack.length === 0) {
        if (raw.trim() !== '') fail('text outside the root element');
      } else {
        if (raw.includes(']]>')) fail("']]>' in character data");
        stack[stack.length - 1]!.text += decode(raw, i);
      }
      i += raw.length;
    }
  }
  if (stack.length > 0) fail(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (!root) fail('no root element');
  return root!;
}
