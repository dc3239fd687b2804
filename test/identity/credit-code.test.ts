import { describe, expect, it } from 'vitest';
import { checkOrganizationCode, checkUscc, normaliseMobile, usccCheckCharacter } from '../../src/facts/identity.js';

const valid = (first17: string) => first17 + usccCheckCharacter(first17);

describe('unified social credit codes (GB 32100)', () => {
  const good: Array<[string, string | undefined, boolean]> = [
    ['91350100M000100Y43', 'fujian', false], // a published sample code
    [valid('91440300MA5F00001'), 'guangdong', false],
    [valid('91120116MA06A0001'), 'tianjin', false],
    [valid('91110108MA01X0001'), 'beijing', false],
    [valid('92440300L00000001'), 'guangdong', false], // individual business
    [valid('12100000400000123'), undefined, true], // central public institution: national level
    [valid('52310000MJ0000001'), 'shanghai', false], // social organisation (civil affairs)
    [valid('11330000002482123'), 'zhejiang', false], // government body
    [valid('93510100MA6C00001'), 'sichuan', false], // farmers' cooperative
    [valid('Y1650100MA7700001'), 'xinjiang', false],
  ];
  it.each(good)('accepts %s', (code, province, national) => {
    const r = checkUscc(code);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.facts.province).toBe(province);
      expect(r.facts.national).toBe(national);
    }
  });

  const bad: Array<[string, string]> = [
    ['91350100M000100Y44', 'check-character'],
    [valid('91440300MA5F00001').slice(0, 17) + (valid('91440300MA5F00001').endsWith('0') ? '1' : '0'), 'check-character'],
    ['91440300MA5XXXXXXX', 'check-character'], // the contract's placeholder
    ['91440300MA5F0000', 'length'],
    ['91440300MA5F00001AA', 'length'],
    ['91440300MA5F0000IO', 'characters'], // I and O never appear
    [valid('99440300MA5F00001'), 'authority'], // industry and commerce has no type 9
    [valid('Z1440300MA5F00001'), 'characters'],
    [valid('91990300MA5F00001'), 'division'],
    [valid('91ABCDEFMA5F00001'), 'division'],
  ];
  it.each(bad)('rejects %s (%s)', (code, problem) => {
    const r = checkUscc(code);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toBe(problem);
  });
});

describe('organisation codes (GB 11714)', () => {
  it('accepts a code with its check character, with or without the dash', () => {
    expect(checkOrganizationCode('D2143569-X')).toBe(true); // the standard's example
    expect(checkOrganizationCode('D2143569-1')).toBe(false);
    expect(checkOrganizationCode('M000100Y4')).toBe(true); // characters 9–17 of the sample credit code above
    expect(checkOrganizationCode('M000100Y-4')).toBe(true);
    expect(checkOrganizationCode('M000100Y5')).toBe(false);
  });
});

describe('mainland mobile numbers', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['0086-166-0000-1234', '16600001234'],
    ['19912345678', '19912345678'],
  ])('accepts %s', (input, out) => expect(normaliseMobile(input)).toBe(out));
  it.each(['12800138000', '1380013800', '138001380001', '02012345678', '+85291234567'])('rejects %s', (input) => expect(normaliseMobile(input)).toBeUndefined());
});
