import { describe, expect, it } from 'vitest';
import { editDistance, editSimilarity, homophones, HOMOPHONE_COST } from './similarity.ts';

describe('editDistance', () => {
  it('counts a Han character as one edit', () => {
    expect(editDistance('小马智行', '小马出行')).toBe(1);
    expect(editDistance('字节跳动', '字节跳动科技')).toBe(2);
  });
  it('counts an adjacent transposition as one edit', () => {
    expect(editDistance('tencent', 'tencnet')).toBe(1);
    expect(editDistance('恒信达', '恒达信')).toBe(1);
  });
  it('with sound, a homophone costs less than another character', () => {
    expect(editDistance('腾讯', '腾迅', true)).toBe(HOMOPHONE_COST);
    expect(editDistance('小马智行', '小马出行', true)).toBe(1);
    // 行 reads xing or hang: 远航 / 远行 are homophones
    expect(editDistance('远航', '远行', true)).toBe(HOMOPHONE_COST);
  });
});

describe('editSimilarity', () => {
  it('is 1 − distance / longer length', () => {
    expect(editSimilarity('abcd', 'abcd')).toBe(1);
    expect(editSimilarity('小马智行', '小马出行')).toBe(0.75);
    expect(editSimilarity('', '')).toBe(1);
    expect(editSimilarity('abc', '')).toBe(0);
  });
});

describe('homophones', () => {
  it('compares toneless readings of Han characters only', () => {
    expect(homophones('张', '章')).toBe(true);
    expect(homophones('智', '出')).toBe(false);
    expect(homophones('a', 'a')).toBe(false);
  });
});
