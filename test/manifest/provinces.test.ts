import { describe, expect, it } from 'vitest';
import { normaliseProvince, PROVINCES, provinceOfAddress } from '../../src/manifest/provinces.js';

describe('province spellings', () => {
  it.each([
    ['guangdong', 'guangdong'],
    ['Guangdong', 'guangdong'],
    ['广东', 'guangdong'],
    ['广东省', 'guangdong'],
    ['44', 'guangdong'],
    [44, 'guangdong'],
    ['440000', 'guangdong'],
    ['GD', 'guangdong'],
    ['gd', 'guangdong'],
    ['CN-GD', 'guangdong'],
    ['粤', 'guangdong'],
    ['京', 'beijing'],
    ['北京市', 'beijing'],
    ['沪', 'shanghai'],
    ['广西壮族自治区', 'guangxi'],
    ['广西', 'guangxi'],
    ['内蒙古自治区', 'inner-mongolia'],
    ['Inner Mongolia', 'inner-mongolia'],
    ['inner_mongolia', 'inner-mongolia'],
    ['nei mongol', 'inner-mongolia'],
    ['新疆维吾尔自治区', 'xinjiang'],
    ['宁夏回族自治区', 'ningxia'],
    ['西藏', 'tibet'],
    ['xizang', 'tibet'],
    ['XZ', 'tibet'],
    ['陕西', 'shaanxi'],
    ['SN', 'shaanxi'],
    ['山西', 'shanxi'],
    ['SX', 'shanxi'],
    ["An'hui", 'anhui'],
    ['黔', 'guizhou'],
    ['HA', 'henan'],
    ['HI', 'hainan'],
    ['Atlantis', undefined],
    ['99', undefined],
    ['香港', undefined],
  ])('%s → %s', (input, slug) => expect(normaliseProvince(input)).toBe(slug));

  it('knows all 31 provinces, each with a unique code, abbreviation and two letters', () => {
    expect(PROVINCES).toHaveLength(31);
    for (const key of ['code', 'letters', 'slug'] as const) expect(new Set(PROVINCES.map((p) => p[key])).size).toBe(31);
    expect(new Set(PROVINCES.flatMap((p) => p.abbr)).size).toBe(PROVINCES.flatMap((p) => p.abbr).length);
    for (const p of PROVINCES) {
      expect(normaliseProvince(p.slug)).toBe(p.slug);
      expect(normaliseProvince(p.zh)).toBe(p.slug);
      expect(normaliseProvince(p.code)).toBe(p.slug);
      expect(normaliseProvince(p.letters)).toBe(p.slug);
      for (const a of p.abbr) expect(normaliseProvince(a)).toBe(p.slug);
    }
  });

  it('reads the province an address starts with', () => {
    expect(provinceOfAddress('广东省深圳市南山区科技园路1号')).toBe('guangdong');
    expect(provinceOfAddress('北京市朝阳区')).toBe('beijing');
    expect(provinceOfAddress('深圳市南山区')).toBeUndefined();
  });
});
