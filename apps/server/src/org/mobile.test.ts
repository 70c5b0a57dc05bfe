import { describe, expect, it } from 'vitest';
import { normalizeMobile } from './mobile.ts';

describe('normalizeMobile', () => {
  it('stores mainland numbers as E.164 however they are typed', () => {
    for (const s of [
      '138 0013 8000',
      '+86 138-0013-8000',
      '8613800138000',
      '13800138000',
      '0086 13800138000',
      '１３８００１３８０００',
      '(+86) 138 0013 8000',
    ]) {
      expect(normalizeMobile(s)).toBe('+8613800138000');
    }
  });
  it('keeps other countries that come with a plus', () => {
    expect(normalizeMobile('+1 (415) 555-0100')).toBe('+14155550100');
    expect(normalizeMobile('+852 9123 4567')).toBe('+85291234567');
  });
  it('treats empty as no number', () => {
    expect(normalizeMobile('  ')).toBeNull();
    expect(normalizeMobile(null)).toBeNull();
  });
  it('refuses garbage with a clear code', () => {
    for (const s of ['abc', '12345', '138001380001', '+86 12800138000', '4155550100', '138-0013-800x']) {
      expect(() => normalizeMobile(s), s).toThrowError(expect.objectContaining({ code: 'org.person.invalid_mobile' }));
    }
  });
});
