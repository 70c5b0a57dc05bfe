import { describe, expect, it } from 'vitest';
import { compareExact, compareText, exactKey, textKey } from './plain-text.ts';

describe('exact', () => {
  it('compares trimmed text as is', () => {
    expect(compareExact(' A-100 ', 'A-100').similarity).toBe(1);
    expect(compareExact('A-100', 'a-100').similarity).toBe(0);
    expect(exactKey('  ')).toEqual({ key: null, warnings: [] });
  });
});

describe('text', () => {
  it('ignores case, width, spaces, punctuation and traditional characters', () => {
    expect(textKey('ＶＩＰ 客戶（華南）').key).toBe('vip客户华南');
    expect(compareText('VIP客户-华南', 'vip 客戶（華南）').similarity).toBe(1);
  });
  it('tolerates a small typo in a longer text, not in a short one', () => {
    expect(compareText('Shenzhen Bay Science Park', 'Shenzhen Bay Sceince Park').similarity).toBeGreaterThan(0.9);
    expect(compareText('ab', 'ac').similarity).toBe(0.5);
    expect(compareText('abc', 'xyz').reason).toBeNull();
  });
  it('gives no evidence for an empty side', () => {
    expect(compareText('', 'x')).toEqual({ similarity: 0, conflict: false, reason: null });
  });
});
