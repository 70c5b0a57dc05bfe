import { describe, expect, it } from 'vitest';
import { withCheckChar } from './credit-code.ts';
import { customerRuleTemplate, decide, scorePair, type DedupRule } from './score.ts';

const rule = customerRuleTemplate({ company: 'f_company', creditCode: 'f_code', phone: 'f_phone', email: 'f_email', contact: 'f_contact' });
const CODE_A = withCheckChar('91440106MA59C8XP3');
const CODE_B = withCheckChar('91110108MA01DU4K5');

describe('customerRuleTemplate', () => {
  it('uses the table’s field ids and leaves out the roles it does not have', () => {
    const r = customerRuleTemplate({ company: 'c1', phone: 'p1' });
    expect(r.fields).toEqual([
      { fieldId: 'c1', comparator: 'company', weight: 0.8 },
      { fieldId: 'p1', comparator: 'phone', weight: 0.7, group: 'contact' },
    ]);
    expect(r).toMatchObject({ high: 0.9, low: 0.65 });
  });
});

describe('scorePair', () => {
  it('merges a same company name with a same phone in another format', () => {
    const r = scorePair(
      rule,
      { f_company: '广州小马智行科技有限公司', f_phone: '020-3888 6666' },
      { f_company: '小马智行科技（广州）', f_phone: '+86 20 3888 6666' },
    );
    expect(r.score).toBeCloseTo(1 - 0.2 * 0.3, 10);
    expect(r).toMatchObject({ decision: 'merge', conflict: false, autoMergeAllowed: true });
    expect(r.reasons.map((x) => x.fieldId)).toEqual(['f_company', 'f_phone']);
  });
  it('only flags a name match alone, or a phone match alone', () => {
    expect(scorePair(rule, { f_company: '北京字节跳动科技有限公司' }, { f_company: '字节跳动' }).decision).toBe('flag');
    expect(scorePair(rule, { f_company: '甲公司', f_phone: '13800138000' }, { f_company: '乙公司', f_phone: '13800138000' }).decision).toBe('flag');
  });
  it('merges on the same valid credit code alone', () => {
    expect(scorePair(rule, { f_company: '北京三快在线科技有限公司', f_code: CODE_A }, { f_company: '美团', f_code: CODE_A }).decision).toBe('merge');
  });
  it('never merges sister companies in different cities, only flags them, even with the group hotline', () => {
    const r = scorePair(
      rule,
      { f_company: '广州小马智行科技有限公司', f_phone: '400-888-6060' },
      { f_company: '北京小马智行科技有限公司', f_phone: '4008886060' },
    );
    expect(r.score).toBeGreaterThan(rule.high);
    expect(r).toMatchObject({ decision: 'flag', conflict: true, autoMergeAllowed: false });
    expect(r.reasons[0]).toMatchObject({ fieldId: 'f_company', conflict: true });
  });
  it('never merges two different valid credit codes, whatever else matches', () => {
    const r = scorePair(
      rule,
      { f_company: '恒信达贸易有限公司', f_code: CODE_A, f_phone: '13800138000', f_email: 'a@hxd.cn' },
      { f_company: '恒信达贸易有限公司', f_code: CODE_B, f_phone: '13800138000', f_email: 'a@hxd.cn' },
    );
    expect(r).toMatchObject({ decision: 'flag', conflict: true });
    expect(r.reasons[0]?.reason.zh).toContain('统一社会信用代码不同');
  });
  it('counts phone, email and contact name once: they follow a person who may have changed companies', () => {
    const moved = scorePair(
      rule,
      { f_company: '小马智行科技有限公司', f_contact: '王磊', f_phone: '13800138000', f_email: 'wanglei@163.com' },
      { f_company: '小马出行科技有限公司', f_contact: '王磊', f_phone: '13800138000', f_email: 'wanglei@163.com' },
    );
    expect(moved.score).toBeCloseTo(1 - (1 - 0.8 * 0.75) * (1 - 0.7), 10);
    expect(moved.decision).toBe('flag');
  });
  it('ignores fields empty on either side and fields the rule does not name', () => {
    const r = scorePair(rule, { f_company: '小马智行', f_phone: '', other: 'x' }, { f_company: '小马智行', f_phone: '13800138000', other: 'x' });
    expect(r.score).toBeCloseTo(0.8, 10);
    expect(scorePair(rule, {}, {})).toMatchObject({ score: 0, decision: 'none', reasons: [] });
  });
  it('clamps weights outside 0..1', () => {
    const loose: DedupRule = { fields: [{ fieldId: 'x', comparator: 'exact', weight: 3 }], high: 0.9, low: 0.5 };
    expect(scorePair(loose, { x: 'a' }, { x: 'a' }).score).toBe(1);
  });
});

describe('decide', () => {
  it('merges above high without conflict, flags between the thresholds or on conflict', () => {
    expect(decide(rule, 0.95, false)).toBe('merge');
    expect(decide(rule, 0.95, true)).toBe('flag');
    expect(decide(rule, 0.7, false)).toBe('flag');
    expect(decide(rule, 0.5, true)).toBe('none');
  });
});
