import { describe, expect, it } from 'vitest';
import { compareCompanies } from './company-compare.ts';

const sim = (a: string, b: string) => compareCompanies(a, b).similarity;

describe('compareCompanies: same company written differently', () => {
  it('matches fully across legal forms, places, brackets, width and script', () => {
    expect(sim('广州小马智行科技有限公司', '小马智行科技（广州）有限公司')).toBe(1);
    expect(sim('騰訊科技（深圳）有限公司', '腾讯科技')).toBe(1);
    expect(sim('Tencent Technology (Shenzhen) Co., Ltd.', 'TENCENT TECHNOLOGY SHENZHEN COMPANY LIMITED')).toBe(1);
    expect(compareCompanies('小马智行科技有限公司', '小马智行科技').reason?.zh).toContain('公司名称相同');
  });
  it('matches well when generic industry words are left out or swapped for a synonym', () => {
    expect(sim('小马智行科技（广州）有限公司', '小马智行')).toBeGreaterThanOrEqual(0.9);
    expect(sim('上海寻梦信息技术有限公司', '上海寻梦信息科技有限公司')).toBeGreaterThanOrEqual(0.9);
    expect(sim('中兴通讯股份有限公司', '中兴通信')).toBeGreaterThanOrEqual(0.9);
  });
  it('tolerates a homophone typo and a wrong character in a longer name', () => {
    expect(sim('深圳市腾讯计算机系统有限公司', '腾迅计算机系统')).toBeGreaterThanOrEqual(0.85);
    expect(sim('杭州网易雷火科技有限公司', '网易雷伙科技')).toBeGreaterThanOrEqual(0.9);
    expect(sim('苏州明德精密机械', '苏州明得精密机械')).toBeGreaterThanOrEqual(0.85);
    expect(sim('Tencent Holdings Limited', 'Tencnet Holdings Ltd')).toBeGreaterThanOrEqual(0.85);
  });
});

describe('compareCompanies: different companies', () => {
  it('keeps look-alike trade names below a match, even with the same industry words', () => {
    expect(sim('小马智行科技有限公司', '小马出行科技有限公司')).toBeLessThanOrEqual(0.75);
    expect(sim('深圳市腾讯计算机系统有限公司', '深圳市腾达计算机系统有限公司')).toBeLessThanOrEqual(0.5);
    expect(sim('美团', '美图')).toBeLessThanOrEqual(0.5);
    expect(sim('北京银行', '上海银行')).toBeLessThan(0.5);
  });
  it('scores one group’s different businesses lower than a left-out generic word', () => {
    expect(sim('招商银行', '招商证券')).toBeLessThanOrEqual(0.75);
    expect(sim('美的集团', '美的置业')).toBeLessThanOrEqual(0.75);
    expect(sim('小米科技', '小米通讯技术')).toBeLessThanOrEqual(0.75);
  });
  it('flags sister companies in different cities as a conflict, however the city is written', () => {
    const r = compareCompanies('广州小马智行科技有限公司', '小马智行科技（北京）有限公司');
    expect(r).toMatchObject({ similarity: 1, conflict: true });
    expect(r.reason?.zh).toContain('兄弟公司');
    expect(compareCompanies('广东小马智行', '北京小马智行').conflict).toBe(true);
    expect(compareCompanies('Bluewave Trading (Shanghai) Co., Ltd.', 'Bluewave Trading (Shenzhen) Co., Ltd.').conflict).toBe(true);
  });
  it('does not call a city inside its province, or a left-out city, a conflict', () => {
    expect(compareCompanies('广东小马智行', '深圳市小马智行').conflict).toBe(false);
    expect(compareCompanies('广州小马智行科技有限公司', '小马智行科技有限公司').conflict).toBe(false);
  });
  it('flags a branch against its head office, and two different branches', () => {
    const r = compareCompanies('北京字节跳动科技有限公司', '北京字节跳动科技有限公司上海分公司');
    expect(r.conflict).toBe(true);
    expect(r.reason?.en).toContain('branch');
    expect(compareCompanies('招商银行深圳分行', '招商银行北京分行').conflict).toBe(true);
    expect(compareCompanies('招商银行深圳分行', '招商银行股份有限公司深圳分行').conflict).toBe(false);
  });
  it('reports no conflict between names that are different anyway', () => {
    expect(compareCompanies('广州美团', '深圳美图')).toMatchObject({ conflict: false });
  });
  it('gives no evidence when a side has no usable name', () => {
    expect(compareCompanies('有限公司', '有限公司')).toEqual({ similarity: 0, conflict: false, reason: null });
  });
});
