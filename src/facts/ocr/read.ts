// What OCR reads from one image, as text lines, and the pure readings taken from them: the side of an
// ID card, its number and validity, a licence's credit code, whether a name is printed. A number is
// only taken when it passes its check character, so a misread digit is "not read", never "different".
import { checkIdNumber, checkUscc } from '../identity.js';

export interface OcrReading {
  /** Recognised lines, top to bottom, NFKC-normalised with control characters removed. */
  lines: string[];
  /** Clockwise turn (degrees) at which the text was read; 0 when read as stored. */
  rotation: 0 | 90 | 180 | 270;
  /** Set when the file could not be read or decoded (why, in a few words). */
  error?: string;
}

/** Text with spaces and punctuation OCR scatters removed, full-width forms folded. */
export function compact(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u3000·•．。，,、:：;；'"“”‘’()（）]/g, '')
    .toUpperCase();
}

const FRONT_ANCHORS = ['公民身份号码', '公民身份', '身份号码'];
const BACK_ANCHORS = ['签发机关', '有效期限', '居民身份证'];
const LICENCE_ANCHORS = ['营业执照', '统一社会信用代码', '信用代码'];

export type IdSide = 'front' | 'back';

/** The side of an ID card the text shows, or undefined when it shows neither (or, oddly, both). */
export function idSide(lines: string[]): IdSide | undefined {
  const text = compact(lines.join(''));
  const front = FRONT_ANCHORS.some((a) => text.includes(a));
  const back = BACK_ANCHORS.some((a) => text.includes(a));
  if (front === back) return undefined;
  return front ? 'front' : 'back';
}

/** Whether the text holds a word that only a card or a licence prints: enough to say it was read upright. */
export function hasAnchor(lines: string[]): boolean {
  const text = compact(lines.join(''));
  return [...FRONT_ANCHORS, ...BACK_ANCHORS, ...LICENCE_ANCHORS, '姓名', '出生'].some((a) => text.includes(a)) || idNumbers(lines).valid.length > 0;
}

/** Characters OCR confuses with digits, read as the digit (only where a digit must stand). */
const DIGIT_LOOKALIKES: Record<string, string> = { O: '0', D: '0', Q: '0', I: '1', L: '1', '|': '1', Z: '2', S: '5', B: '8', '×': 'X' };

function digitsOnly(run: string): string {
  return [...run].map((c) => DIGIT_LOOKALIKES[c] ?? c).join('');
}

export interface NumberReadings {
  /** Numbers that pass their check character. */
  valid: string[];
  /** 18-character runs that look like a number but fail their check: not read. */
  unreadable: number;
}

/** Mainland ID numbers (GB 11643) in the text. */
export function idNumbers(lines: string[]): NumberReadings {
  const valid = new Set<string>();
  let unreadable = 0;
  for (const line of lines) {
    const c = compact(line);
    for (const m of c.matchAll(/[0-9OQDILZSB|]{17}[0-9X×]/g)) {
      const n = digitsOnly(m[0]);
      if (checkIdNumber(n).ok) valid.add(n);
      else unreadable++;
    }
    // A run longer than 18 (a digit read twice) holds no number we can trust; count it as seen.
    if (/[0-9]{19,}/.test(c)) unreadable++;
  }
  return { valid: [...valid], unreadable };
}

/** Unified social credit codes (GB 32100) in the text. */
export function creditCodes(lines: string[]): NumberReadings {
  const valid = new Set<string>();
  let unreadable = 0;
  for (const line of lines) {
    // The code alphabet has no I, O, S, V, Z: those are misread 1, 0, 5, U/Y, 2.
    const c = compact(line).replace(/O/g, '0').replace(/I/g, '1').replace(/Z/g, '2').replace(/S/g, '5');
    for (const m of c.matchAll(/(?<![0-9A-Z])[0-9A-HJ-NP-RT-UW-Y]{18}(?![0-9A-Z])/g)) {
      if (checkUscc(m[0]).ok) valid.add(m[0]);
      else unreadable++;
    }
  }
  return { valid: [...valid], unreadable };
}

export type ValidityEnd = string | 'long-term';

export interface Validity {
  from: string;
  to: ValidityEnd;
}

/**
 * The validity printed on the back of an ID card (`2016.03.01-2036.03.01`, `2016.03.01-长期`). Only a
 * period that a card can have is taken (5, 10 or 20 years to the same day, or long-term from a
 * plausible day), so a misread digit gives "not read" rather than a different date.
 */
export function idValidity(lines: string[]): Validity | undefined {
  const text = compact(lines.join('')).replace(/[—–~至一]/g, '-');
  const m = /(\d{4})[.\-年](\d{2})[.\-月](\d{2})日?-+(长期|(\d{4})[.\-年](\d{2})[.\-月](\d{2}))/.exec(text);
  if (!m) return undefined;
  const from = `${m[1]}-${m[2]}-${m[3]}`;
  if (!isDate(from)) return undefined;
  if (m[4] === '长期') return { from, to: 'long-term' };
  const to = `${m[5]}-${m[6]}-${m[7]}`;
  const years = Number(m[5]) - Number(m[1]);
  if (!isDate(to) || to.slice(4) !== from.slice(4) || ![5, 10, 20].includes(years)) return undefined;
  return { from, to };
}

function isDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return y >= 1980 && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * Whether a name is printed in its field: the text after `label` (姓名, 名称) on the same line, or, when
 * the label stands alone (a tilted photo splits the row into boxes), the line after or before it.
 * The field must start with the name, exactly or, for names of 3 characters or more, with one misread
 * character in six; a neighbouring line may also hold it exactly after another box's words. Without the
 * label, only an exact match anywhere counts, so an address that shares characters with the name never
 * passes for it. Spaces, width and case are ignored.
 */
export function namePrinted(name: string, lines: string[], label: string): boolean {
  const want = [...compact(name)];
  if (want.length === 0) return false;
  const exact = want.join('');
  const texts = lines.map(compact);
  const tolerance = want.length >= 3 ? Math.max(1, Math.floor(want.length / 6)) : 0;
  const at = texts.findIndex((t) => t.includes(label));
  if (at < 0) return texts.some((t) => t.includes(exact));
  const sameLine = texts[at]!.slice(texts[at]!.indexOf(label) + label.length);
  const fields = sameLine.length > 0 ? [sameLine] : [texts[at + 1], texts[at - 1]].filter((t): t is string => t !== undefined);
  return fields.some((f) => startsWithName([...f], want, tolerance) || (sameLine.length === 0 && f.includes(exact)));
}

/** The field starts with the name (OCR may add or drop one character before it), within `tolerance` misread characters. */
function startsWithName(field: string[], want: string[], tolerance: number): boolean {
  for (const start of [0, 1]) {
    let diff = Math.abs(field.length - start - want.length) > tolerance + 1 ? tolerance + 1 : 0;
    for (let j = 0; j < want.length && diff <= tolerance; j++) if (field[start + j] !== want[j]) diff++;
    if (diff <= tolerance) return true;
  }
  return false;
}
