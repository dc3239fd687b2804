// Tianjin's Huayuan district reminder shows only when the address names Huayuan (before §5.3.5).
import { describe, expect, it } from 'vitest';
import { evaluateManifest } from './helpers.js';

const withAddress = (address?: string) =>
  evaluateManifest({
    version: 1,
    province: 'tianjin',
    entity: { type: 'individual', name: '李四', ...(address ? { address } : {}), principal: { name: '李四' } },
  }).find((f) => f.rule === 'province/tianjin/huayuan-district');

describe('the Huayuan district reminder', () => {
  it('shows for an address in Huayuan, in Chinese or pinyin', () => {
    expect(withAddress('天津市西青区华苑产业区海泰发展六道1号')?.status).toBe('info');
    expect(withAddress('Huayuan Industrial Zone, Tianjin')?.status).toBe('info');
  });

  it('stays silent for other addresses and without one', () => {
    expect(withAddress('天津市和平区南京路1号')).toBeUndefined();
    expect(withAddress()).toBeUndefined();
  });
});
