import { describe, expect, it } from 'vitest';
import { blockingKeys, comparators, compareValues, dedupKey } from './comparators.ts';

describe('dedupKey', () => {
  it('gives each comparator’s normalised key', () => {
    expect(dedupKey('exact', ' A-100 ').key).toBe('A-100');
    expect(dedupKey('text', 'ＶＩＰ 客戶').key).toBe('vip客户');
    expect(dedupKey('company', '小馬智行科技（廣州）有限公司').key).toBe('小马智行科技');
    expect(dedupKey('phone', '+86 138-0013-8000').key).toBe('+8613800138000');
    expect(dedupKey('email', 'BD@Alibaba-Inc.com').key).toBe('bd@alibaba-inc.com');
    expect(dedupKey('creditCode', '9144030071526726xg').key).toBe('9144030071526726XG');
    expect(dedupKey('personName', '張偉').key).toBe('zhangwei');
  });
  it('gives the same key to the variants a lookup must find', () => {
    const keys = ['广州小马智行科技有限公司', '小马智行科技（广州）', '小馬智行科技有限公司', '广东省广州市小马智行科技'].map(
      (n) => dedupKey('company', n).key,
    );
    expect(new Set(keys).size).toBe(1);
  });
  it('gives null and no warning for empty cells, whatever the comparator', () => {
    for (const c of comparators) expect(dedupKey(c, '   ')).toEqual({ key: null, warnings: [] });
  });
});

describe('blockingKeys', () => {
  it('indexes a company under its core, trade name and the trade name’s pinyin', () => {
    expect(blockingKeys('company', '深圳市腾讯计算机系统有限公司')).toEqual(['腾讯计算机系统', '腾讯', 'tengxun']);
    // a homophone typo shares the pinyin key
    expect(blockingKeys('company', '腾迅计算机系统')).toContain('tengxun');
  });
  it('indexes every phone and email in a cell', () => {
    expect(blockingKeys('phone', '13800138000 / 010-62751234')).toEqual(['+8613800138000', '+861062751234']);
    expect(blockingKeys('email', 'a@x.cn; b@x.cn')).toEqual(['a@x.cn', 'b@x.cn']);
  });
  it('includes the dedupKey key', () => {
    const samples: Record<(typeof comparators)[number], string> = {
      exact: 'A',
      text: 'Ab c',
      company: '广州小马智行科技有限公司',
      phone: '13800138000',
      email: 'a@x.cn',
      creditCode: '9144030071526726XG',
      personName: '张伟',
    };
    for (const c of comparators) expect(blockingKeys(c, samples[c])).toContain(dedupKey(c, samples[c]).key);
  });
});

describe('compareValues', () => {
  it('dispatches to every comparator and gives no evidence for empty values', () => {
    for (const c of comparators) expect(compareValues(c, '', 'x')).toEqual({ similarity: 0, conflict: false, reason: null });
  });
  it('returns reasons in both languages', () => {
    const r = compareValues('phone', '138 0013 8000', '+8613800138000');
    expect(r.reason).toEqual({ en: 'Same phone +8613800138000', zh: '电话相同（+8613800138000）' });
  });
});
