import { describe, expect, it } from 'vitest';
import { comparePersonNames, personNameKey } from './person-name.ts';

const sim = (a: string, b: string) => comparePersonNames(a, b).similarity;

describe('person names', () => {
  it('treats traditional and simplified, spaces and middle dots as the same name', () => {
    expect(sim('张伟', '張偉')).toBe(1);
    expect(sim('张 伟', '张伟')).toBe(1);
    expect(sim('迪丽热巴·迪力木拉提', '迪丽热巴迪力木拉提')).toBe(1);
  });
  it('scores names that sound the same high but below equal', () => {
    expect(sim('章伟', '张伟')).toBe(0.85);
    expect(comparePersonNames('章伟', '张伟').reason?.zh).toContain('同音');
  });
  it('scores a different character low', () => {
    expect(sim('张伟', '张强')).toBe(0.5);
    expect(sim('张伟', '李娜')).toBe(0);
  });
  it('matches Latin names by case, spacing and order', () => {
    expect(sim('Alice Wang', 'alice  wang')).toBe(1);
    expect(sim('Wang Alice', 'Alice Wang')).toBe(0.95);
  });
  it('matches a Chinese name with its pinyin in either order', () => {
    expect(sim('张伟', 'Zhang Wei')).toBe(0.85);
    expect(sim('张伟', 'Wei Zhang')).toBe(0.85);
    expect(sim('欧阳娜娜', 'Nana Ouyang')).toBe(0.85);
    expect(sim('张伟', 'Li Na')).toBe(0);
  });
  it('keys by pinyin so 张伟, 張偉 and Zhang Wei meet', () => {
    expect(personNameKey('張偉').key).toBe('zhangwei');
    expect(personNameKey('Zhang Wei').key).toBe('zhangwei');
    expect(personNameKey('曾小贤').key).toBe('zengxiaoxian');
    expect(personNameKey(' ').key).toBeNull();
  });
});
