import { describe, expect, it } from 'vitest';
import { nameKeys } from './name-keys.ts';

describe('nameKeys', () => {
  it('gives pinyin and initials for Chinese names', () => {
    expect(nameKeys('张伟')).toEqual({ pinyin: 'zhangwei', initials: 'zw' });
    expect(nameKeys('欧阳娜娜')).toEqual({ pinyin: 'ouyangnana', initials: 'oynn' });
    expect(nameKeys('曾小贤').initials).toBe('zxx');
    expect(nameKeys('单雄信').pinyin).toBe('shanxiongxin');
  });
  it('keeps Latin names searchable', () => {
    expect(nameKeys('Alice Wang').pinyin).toBe('alicewang');
  });
});
