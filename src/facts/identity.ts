// Identity facts read from numbers alone: mainland resident ID numbers (GB 11643), unified
// social credit codes (GB 32100) and mainland mobile numbers. Pure functions.
import { OTHER_REGION_CODES, provinceByCode, type ProvinceSlug } from '../manifest/provinces.js';

export type IdNumberProblem = 'legacy-15' | 'length' | 'characters' | 'region' | 'birth-date' | 'check-digit';

export interface IdNumberFacts {
  number: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** The domicile province, or undefined for Hong Kong, Macao and Taiwan residence permits (81/82/83). */
  province?: ProvinceSlug;
  /** The first two digits. */
  regionCode: string;
  /** 'male' for an odd sequence digit. */
  sex: 'male' | 'female';
}

export type IdNumberResult = { ok: true; facts: IdNumberFacts } | { ok: false; problem: IdNumberProblem; expected?: string };

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The GB 11643 check character for the first 17 digits. */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

function isRealDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * Checks an 18-character mainland ID number (also the number format of Hong Kong, Macao and
 * Taiwan residence permits, region 81/82/83). `today` bounds the birth date.
 */
export function checkIdNumber(input: string, today?: string): IdNumberResult {
  const n = input.trim().toUpperCase();
  if (/^\d{15}$/.test(n)) return { ok: false, problem: 'legacy-15' };
  if (n.length !== 18) return { ok: false, problem: 'length' };
  if (!/^\d{17}[\dX]$/.test(n)) return { ok: false, problem: 'characters' };
  const regionCode = n.slice(0, 2);
  const province = provinceByCode(regionCode)?.slug;
  if (!province && !OTHER_REGION_CODES[regionCode]) return { ok: false, problem: 'region' };
  const y = Number(n.slice(6, 10));
  const m = Number(n.slice(10, 12));
  const d = Number(n.slice(12, 14));
  const birthDate = n.slice(6, 14).replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3');
  if (y < 1900 || !isRealDate(y, m, d) || (today !== undefined && birthDate > today)) return { ok: false, problem: 'birth-date' };
  const expected = idCheckDigit(n);
  if (n[17] !== expected) return { ok: false, problem: 'check-digit', expected };
  return {
    ok: true,
    facts: { number: n, birthDate, province, regionCode, sex: Number(n[16]) % 2 === 1 ? 'male' : 'female' },
  };
}

/** Whole years between a birth date and a day (both YYYY-MM-DD): one is 18 on the 18th birthday. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

// GB 32100-2015: 31 characters (no I, O, Z, S, V).
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Registration-management authority codes (first character) and the organisation types under each. */
const USCC_AUTHORITIES: Record<string, { name: string; types: string }> = {
  '1': { name: 'institutional organisation (机构编制)', types: '1239' },
  '2': { name: 'foreign affairs (外交)', types: '19' },
  '3': { name: 'judicial administration (司法行政)', types: '123459' },
  '4': { name: 'culture (文化)', types: '19' },
  '5': { name: 'civil affairs (民政)', types: '1239' },
  '6': { name: 'tourism (旅游)', types: '19' },
  '7': { name: 'religious affairs (宗教)', types: '129' },
  '8': { name: 'trade unions (工会)', types: '19' },
  '9': { name: 'industry and commerce (工商)', types: '123' },
  A: { name: 'military establishment (中央军委改革和编制办公室)', types: '19' },
  N: { name: 'agriculture (农业)', types: '1239' },
  Y: { name: 'other (其他)', types: '1' },
};

export type UsccProblem = 'length' | 'characters' | 'authority' | 'division' | 'check-character';

export interface UsccFacts {
  code: string;
  authority: string;
  /** The six-digit administrative division code of the registering authority. */
  division: string;
  /** Province of issue, or undefined for a national-level code (100000) that tells nothing. */
  province?: ProvinceSlug;
  national: boolean;
}

export type UsccResult = { ok: true; facts: UsccFacts } | { ok: false; problem: UsccProblem; expected?: string };

export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_CHARS[(31 - (sum % 31)) % 31]!;
}

export function checkUscc(input: string): UsccResult {
  const c = input.trim().toUpperCase();
  if (c.length !== 18) return { ok: false, problem: 'length' };
  if ([...c].some((ch) => !USCC_CHARS.includes(ch))) return { ok: false, problem: 'characters' };
  const authority = USCC_AUTHORITIES[c[0]!];
  if (!authority?.types.includes(c[1]!)) return { ok: false, problem: 'authority' };
  const division = c.slice(2, 8);
  if (!/^\d{6}$/.test(division)) return { ok: false, problem: 'division' };
  const national = division === '100000';
  const province = provinceByCode(division.slice(0, 2))?.slug;
  if (!national && !province) return { ok: false, problem: 'division' };
  const expected = usccCheckCharacter(c);
  if (c[17] !== expected) return { ok: false, problem: 'check-character', expected };
  return { ok: true, facts: { code: c, authority: authority.name, division, province: national ? undefined : province, national } };
}

/** A mainland mobile number: 11 digits starting 13–19, with an optional +86/0086 prefix, spaces or dashes. */
export function normaliseMobile(input: string): string | undefined {
  const s = input.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
  return /^1[3-9]\d{9}$/.test(s) ? s : undefined;
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORG_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A nine-character organisation code (GB 11714), written with or without its dash. */
export function checkOrganizationCode(input: string): boolean {
  const c = input.trim().toUpperCase().replace('-', '');
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(c)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += ORG_CHARS.indexOf(c[i]!) * ORG_WEIGHTS[i]!;
  const r = 11 - (sum % 11);
  const expected = r === 10 ? 'X' : r === 11 ? '0' : String(r);
  return c[8] === expected;
}
