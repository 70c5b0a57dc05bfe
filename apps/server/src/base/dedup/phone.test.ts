import { describe, expect, it } from 'vitest';
import { comparePhones, phoneKey, phonesIn, toE164 } from './phone.ts';

describe('toE164', () => {
  it('reads mobiles and landlines in the ways sheets write them', () => {
    const mobile = '+8613800138000';
    for (const p of ['138 0013 8000', '+86 138-0013-8000', '8613800138000', '0086 138 0013 8000', '１３８００１３８０００']) expect(toE164(p)).toBe(mobile);
    for (const p of ['010-62751234', '(010) 6275 1234', '+86 10 6275 1234', '86-10-62751234', '010-62751234-8001', '010-6275 1234 转 8001']) {
      expect(toE164(p)).toBe('+861062751234');
    }
    expect(toE164('+86 755 8601 3388')).toBe('+8675586013388');
  });
  it('reads 400/800 service numbers', () => {
    for (const p of ['400-810-8888', '4008108888', '+86 400 810 8888']) expect(toE164(p)).toBe('+864008108888');
    expect(toE164('800-820-8820')).toBe('+868008208820');
  });
  it('keeps other countries and refuses what is not a number', () => {
    expect(toE164('+852 2123 4567')).toBe('+85221234567');
    expect(toE164('95511')).toBeNull();
    expect(toE164('n/a')).toBeNull();
  });
});

describe('phones in a cell', () => {
  it('finds every number in a cell that holds several', () => {
    expect(phonesIn('13800138000/010-62751234')).toEqual(['+8613800138000', '+861062751234']);
    expect(phonesIn('138 0013 8000 / 139 0013 9000；13800138000')).toEqual(['+8613800138000', '+8613900139000']);
  });
  it('keys the first number and warns about text that is not a phone', () => {
    expect(phoneKey('138 0013 8000, 139 0013 9000')).toEqual({ key: '+8613800138000', warnings: [] });
    expect(phoneKey('ask reception').warnings[0]?.en).toContain('not a phone number');
    expect(phoneKey('')).toEqual({ key: null, warnings: [] });
  });
  it('matches when any number is shared; different numbers are no evidence either way', () => {
    expect(comparePhones('+86 138-0013-8000', '13800138000')).toMatchObject({ similarity: 1, conflict: false });
    expect(comparePhones('010-62751234, 13900139000', '139 0013 9000').similarity).toBe(1);
    expect(comparePhones('13800138000', '13900139000')).toEqual({ similarity: 0, conflict: false, reason: null });
  });
});
