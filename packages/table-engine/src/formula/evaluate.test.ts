import { describe, expect, it } from 'vitest';
import { analyzeFormula, displayFormulaValue as displayValue, evaluateFormula, type FormulaRecord, type FormulaValue as Value } from './index.ts';
import { CHECK_OPTIONS, CTX } from './formula.fixtures.ts';

const DEAL: FormulaRecord = {
  name: '张三',
  amount: 1234.5,
  qty: 3,
  due: Date.parse('2025-01-31T00:00:00+08:00'),
  done: true,
  tags: ['VIP', '华东'],
  scores: [90, 85.5, null],
  note: '  hello  ',
  created: '2024-12-31T16:30:00Z', // 2025-01-01 00:30 in Shanghai
  owner: [{ id: 'u1', name: '李四' }],
  stage: '赢单',
  total: 12,
};
const EMPTY: FormulaRecord = {};

function value(source: string, record: FormulaRecord = DEAL): Value {
  const r = analyzeFormula(source, CHECK_OPTIONS);
  if (!r.ok) throw new Error(r.error.map((e) => e.message.en).join('; '));
  return evaluateFormula(r.value.ast, record, CTX);
}
const shown = (source: string, record: FormulaRecord = DEAL): string => displayValue(value(source, record), CTX.timeZone);

describe('evaluateFormula', () => {
  it('grades with nested IFs', () => {
    const grade = 'IF({数量} >= 5, "大单", IF({数量} >= 2, "中单", IF({数量} > 0, "小单", "无")))';
    expect(shown(grade)).toBe('中单');
    expect(shown(grade, { qty: 7 })).toBe('大单');
    expect(shown(grade, EMPTY)).toBe('无');
  });

  it('joins text and numbers; blanks count as "" in text and 0 in arithmetic', () => {
    expect(value('{客户名} & "：" & {金额} & "元"')).toBe('张三：1234.5元');
    expect(value('{客户名} & "：" & {金额} & "元"', EMPTY)).toBe('：元');
    expect(value('{金额} * {数量} + 1')).toBe(3704.5);
    expect(value('{金额} + {数量}', EMPTY)).toBe(0);
    expect(value('-{数量} % 2')).toBe(-1);
    expect(value('{已完成} * 10')).toBe(10);
    expect(value('"共 " & 1e15 & " 条"')).toBe('共 1e+15 条'); // the same text PostgreSQL prints
    expect(value('CONCATENATE({标签}, "/", {负责人})')).toBe('VIP, 华东/李四');
  });

  it('turns division by zero into #DIV/0!, which IFERROR catches', () => {
    expect(value('{金额} / ({数量} - 3)')).toEqual({ kind: 'error', code: '#DIV/0!' });
    expect(shown('MOD(5, 0)')).toBe('#DIV/0!');
    expect(value('IFERROR({金额} / ({数量} - 3), 0)')).toBe(0);
    expect(value('{金额} / ({数量} - 3) > 1')).toEqual({ kind: 'error', code: '#DIV/0!' });
    expect(shown('SQRT(-4)')).toBe('#NUM!');
  });

  it('rounds like a spreadsheet', () => {
    expect(value('ROUND(2.675, 2)')).toBe(2.68);
    expect(value('ROUND(-2.5)')).toBe(-3);
    expect(value('ROUND(1234.5, -2)')).toBe(1200);
    expect(value('ROUNDUP(1.21, 1)')).toBe(1.3);
    expect(value('ROUNDUP(4, -2)')).toBe(100);
    expect(value('ROUNDDOWN(-1.29, 1)')).toBe(-1.2);
    expect(value('INT(-1.5)')).toBe(-2);
    expect(value('ABS(-3) + POWER(2, 10) + SQRT(16)')).toBe(1031);
    expect(value('MOD(-7, 3)')).toBe(-1);
  });

  it('handles text functions by character, Chinese and emoji included', () => {
    expect(value('LEFT("客户名称", 2) & RIGHT("客户名称", 1)')).toBe('客户称');
    expect(value('MID("2025年第一季度", 6, 4)')).toBe('第一季度');
    expect(value('LEN("你好😀")')).toBe(3);
    expect(value('"[" & TRIM({备注}) & "]"')).toBe('[hello]');
    expect(value('SUBSTITUTE("a-b-c", "-", "·")')).toBe('a·b·c');
    expect(value('FIND("名", "客户名称")')).toBe(3);
    expect(value('FIND("x", "客户名称")')).toBe(0);
    expect(value('FIND("a", "banana", 3)')).toBe(4);
    expect(value('CONTAINS({标签}, "VIP")')).toBe(true);
    expect(value('UPPER("vip") & LOWER("ABC")')).toBe('VIPabc');
    expect(value('TEXT(0.5)')).toBe('0.5');
    expect(value('VALUE(" 12.5 ") + 1')).toBe(13.5);
    expect(shown('VALUE("abc")')).toBe('#VALUE!');
  });

  it('reads dates in the given time zone with a fixed now', () => {
    expect(shown('TODAY()')).toBe('2025-01-15'); // 01:30 on the 15th in Shanghai, the 14th in UTC
    expect(shown('NOW()')).toBe('2025-01-15 01:30');
    expect(value('YEAR({创建时间}) & "-" & MONTH({创建时间}) & "-" & DAY({创建时间})')).toBe('2025-1-1');
    expect(value('WEEKDAY(DATE(2025, 1, 15))')).toBe(4); // Wednesday; Sunday is 1
    expect(shown('DATEADD({截止日期}, 1, "months")')).toBe('2025-02-28');
    expect(shown('DATEADD({截止日期}, -1, "years")')).toBe('2024-01-31');
    expect(shown('DATEADD({创建时间}, 36, "hours")')).toBe('2025-01-02 12:30');
    expect(value('DATEDIF(TODAY(), {截止日期}, "days")')).toBe(16);
    expect(value('DATEDIF({截止日期}, TODAY(), "days")')).toBe(-16);
    expect(value('DATEDIF(DATE(2024, 1, 31), DATE(2024, 2, 29), "months")')).toBe(0);
    expect(value('DATEDIF(DATE(2024, 1, 15), DATE(2025, 3, 14), "months")')).toBe(13);
    expect(value('DATEDIF(DATE(2024, 1, 15), DATE(2025, 3, 14), "years")')).toBe(1);
    expect(value('DATETIME_FORMAT({创建时间}, "YYYY年M月D日 HH:mm")')).toBe('2025年1月1日 00:30');
    expect(value('DATETIME_FORMAT({截止日期})')).toBe('2025-01-31');
    expect(shown('DATE(2024, 13, 1)')).toBe('2025-01-01');
    expect(value('{截止日期} > TODAY()')).toBe(true);
    expect(value('YEAR({截止日期})', EMPTY)).toBeNull();
    expect(value('{截止日期} > TODAY()', EMPTY)).toBeNull();
  });

  it('aggregates lists from multi-value and lookup fields', () => {
    expect(value('SUM({分数})')).toBe(175.5);
    expect(value('SUM({分数}, 10, {数量})')).toBe(188.5);
    expect(value('AVERAGE({分数})')).toBe(87.75);
    expect(value('AVERAGE({分数})', EMPTY)).toBeNull();
    expect(value('MAX({分数}, 100)')).toBe(100);
    expect(value('MIN({分数}, {数量})')).toBe(3);
    expect(value('COUNTA({分数})')).toBe(2);
    expect(value('COUNTALL({分数})')).toBe(3);
    expect(value('COUNTA({标签}, {客户名}, {备注})')).toBe(4);
    expect(value('COUNTA({标签}, {客户名})', EMPTY)).toBe(0);
  });

  it('evaluates logic, blanks and SWITCH', () => {
    expect(value('AND({已完成}, {金额} > 1000)')).toBe(true);
    expect(value('OR({已完成}, {金额} > 1000)', EMPTY)).toBe(false);
    expect(value('NOT({已完成})')).toBe(false);
    expect(value('ISBLANK({备注})', EMPTY)).toBe(true);
    expect(value('ISBLANK("")')).toBe(true);
    expect(value('ISBLANK({标签})', { tags: [] })).toBe(true);
    expect(value('ISBLANK({标签})')).toBe(false);
    const stage = 'SWITCH({Deal Stage}, "赢单", "✅", "输单", "❌", "…")';
    expect(value(stage)).toBe('✅');
    expect(value(stage, { stage: '输单' })).toBe('❌');
    expect(value(stage, EMPTY)).toBe('…');
    expect(value('SWITCH({数量}, 1, "一", 3, "三")')).toBe('三');
    expect(value('IF({已完成}, "是")', { done: false })).toBeNull();
  });

  it('converts values of unresolved computed fields at run time', () => {
    expect(value('{汇总} + 1')).toBe(13);
    expect(value('{汇总} + 1', { total: '7' })).toBe(8);
    expect(value('{汇总} + 1', { total: 'abc' })).toBe(1); // like a blank: not a number, so 0 in arithmetic
    expect(value('{汇总} & ""', { total: [1, 2] })).toBe('1, 2');
  });
});
