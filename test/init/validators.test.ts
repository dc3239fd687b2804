// Field checks behind both the prompts and the answers file.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkCreditCode, checkDomainList, checkExpiry, checkIdentityNumber, checkMobile, checkProvince, checkRegion, todayInChina } from '../../src/init/validators.js';
import { searchProvinces } from '../../src/init/choices.js';
import { stripControl } from '../../src/init/terminal-text.js';
import { idCheckDigit } from '../../src/facts/identity.js';
import { ACME_USCC, HK_PERMIT, ZHANG_ID, ZHANG_ID_WRONG, idNumber } from './samples.js';

describe('validators', () => {
  it('accepts an ID number only with its check digit, and never shows the digit that would make it valid', () => {
    expect(checkIdentityNumber('id-card', ZHANG_ID.toLowerCase(), '2026-01-01')).toEqual({ ok: true, value: ZHANG_ID });
    const r = checkIdentityNumber('id-card', ZHANG_ID_WRONG, '2026-01-01');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason.en).toBe('the check digit is wrong');
      expect(`${r.reason.en}${r.reason.zh}`).not.toContain(ZHANG_ID[17]!);
    }
  });

  it('refuses a birth date after today', () => {
    const future = idNumber('44030520300101123');
    expect(checkIdentityNumber('id-card', future, '2026-11-26').ok).toBe(false);
  });

  it('matches residence permit numbers to their document type', () => {
    expect(checkIdentityNumber('hk-macao-residence-permit', HK_PERMIT).ok).toBe(true);
    expect(checkIdentityNumber('id-card', HK_PERMIT).ok).toBe(false);
    expect(checkIdentityNumber('taiwan-residence-permit', HK_PERMIT).ok).toBe(false);
    expect(checkIdentityNumber('passport', 'E1234567').ok).toBe(true);
  });

  it('accepts every 17-digit body with its computed check digit and rejects every other digit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 10 }), (seq, other) => {
        const body = `110101198001${String(1 + (seq % 28)).padStart(2, '0')}${String(seq % 1000).padStart(3, '0')}`;
        const good = body + idCheckDigit(body);
        const wrong = body + '0123456789X'[other]!;
        expect(checkIdentityNumber('id-card', good, '2026-01-01').ok).toBe(true);
        expect(checkIdentityNumber('id-card', wrong, '2026-01-01').ok).toBe(wrong === good);
      }),
    );
  });

  it('checks credit codes, mobiles, expiries, regions and provinces', () => {
    expect(checkCreditCode(ACME_USCC.toLowerCase())).toEqual({ ok: true, value: ACME_USCC });
    expect(checkCreditCode('91440300MA5FAAAAIO').ok).toBe(false);
    expect(checkMobile('0086 139-0013-9000')).toEqual({ ok: true, value: '13900139000' });
    expect(checkMobile('12900139000').ok).toBe(false);
    expect(checkExpiry('长期')).toEqual({ ok: true, value: 'long-term' });
    expect(checkExpiry('2030-13-01').ok).toBe(false);
    expect(checkRegion('CN-Beijing')).toEqual({ ok: true, value: 'cn-beijing' });
    expect(checkRegion('ap-southeast-1').ok).toBe(false);
    expect(checkProvince('粤')).toEqual({ ok: true, value: 'guangdong' });
    expect(checkProvince('Taiwan').ok).toBe(false);
  });

  it('splits domain lists on commas and spaces, in Latin or Chinese punctuation', () => {
    expect(checkDomainList('Example.com，例子.中国、xn--fsqu00a.xn--55qx5d')).toEqual({ ok: true, value: ['example.com', '例子.中国', '例子.公司'] });
    expect(checkDomainList('').ok).toBe(false);
    expect(checkDomainList('192.168.1.1').ok).toBe(false);
  });

  it('gives today in China Standard Time', () => {
    expect(todayInChina(new Date('2026-11-25T16:30:00Z'))).toBe('2026-11-26');
    expect(todayInChina(new Date('2026-11-25T15:30:00Z'))).toBe('2026-11-25');
  });
});

describe('province search', () => {
  it('finds by pinyin prefix, Chinese, code and abbreviation', () => {
    expect(searchProvinces('shan', 'en').map((c) => c.value)).toEqual(['shanxi', 'shanghai', 'shandong', 'shaanxi']);
    expect(searchProvinces('江', 'en').map((c) => c.value)).toEqual(['heilongjiang', 'jiangsu', 'zhejiang', 'jiangxi']);
    expect(searchProvinces('shanxi', 'en').map((c) => c.value)).toEqual(['shanxi', 'shaanxi']);
    expect(searchProvinces('44', 'en').map((c) => c.value)).toEqual(['guangdong']);
    expect(searchProvinces('nei', 'en').map((c) => c.value)).toEqual(['inner-mongolia']);
    expect(searchProvinces(undefined, 'en')).toHaveLength(31);
  });
});

describe('terminal text', () => {
  it('drops control characters and bidirectional overrides', () => {
    expect(stripControl('docs/\u001b[2Jx\u202e.jpg\r\n')).toBe('docs/[2Jx.jpg ');
  });
});
