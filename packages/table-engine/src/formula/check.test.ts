import { describe, expect, it } from 'vitest';
import { analyzeFormula } from './index.ts';
import { CHECK_OPTIONS } from './formula.fixtures.ts';

const check = (source: string) => analyzeFormula(source, CHECK_OPTIONS);
function typeOf(source: string) {
  const r = check(source);
  if (!r.ok) throw new Error(r.error.map((e) => e.message.en).join('; '));
  return r.value.type;
}
function errorsOf(source: string) {
  const r = check(source);
  if (r.ok) throw new Error(`expected ${source} to fail`);
  return r.error;
}

describe('checkFormula', () => {
  it('types field references from their field types, including Chinese and spaced names', () => {
    expect(typeOf('{客户名}')).toBe('text');
    expect(typeOf('{金额}')).toBe('number');
    expect(typeOf('{截止日期}')).toBe('date');
    expect(typeOf('{已完成}')).toBe('boolean');
    expect(typeOf('{标签}')).toBe('text[]');
    expect(typeOf('{负责人}')).toBe('text[]');
    expect(typeOf('{Deal Stage}')).toBe('text');
    expect(typeOf('{分数}')).toBe('number[]'); // lookup, resolved by the caller
    expect(typeOf('{汇总}')).toBe('unknown'); // rollup, not resolved
  });

  it('applies the implicit coercions: number & text is text, comparisons are true/false, IF unifies its branches', () => {
    expect(typeOf('{金额} & "元"')).toBe('text');
    expect(typeOf('{金额} * {数量} + 1')).toBe('number');
    expect(typeOf('{金额} > 100')).toBe('boolean');
    expect(typeOf('IF({已完成}, 1, 0)')).toBe('number');
    expect(typeOf('IF({已完成}, 1, "否")')).toBe('text');
    expect(typeOf('IF({已完成}, {截止日期}, TODAY())')).toBe('date');
    expect(typeOf('SWITCH({Deal Stage}, "赢单", 1, "输单", 0, 0.5)')).toBe('number');
    expect(typeOf('SUM({分数}) / COUNTA({分数})')).toBe('number');
    expect(typeOf('{汇总} + 1')).toBe('number');
  });

  it('tracks which fields a formula reads and whether it may be blank', () => {
    const r = check('IF({已完成}, {金额}) & {客户名} & {金额}');
    expect(r.ok && r.value.fieldIds).toEqual(['done', 'amount', 'name']);
    expect(r.ok && r.value.nullable).toBe(false);
    const blankable = check('IF({已完成}, {金额})');
    expect(blankable.ok && blankable.value.nullable).toBe(true);
  });

  it('reports an unknown field with its position, in English and Chinese', () => {
    expect(errorsOf('LEN({客户名称}) + 1')).toEqual([
      { code: 'formula.unknown_field', message: { en: 'Unknown field {客户名称}', zh: '未知字段 {客户名称}' }, start: 4, end: 10 },
    ]);
  });

  it('rejects a reference to the formula field itself as circular', () => {
    expect(errorsOf('{评级} + 1')).toMatchObject([
      {
        code: 'formula.circular_reference',
        start: 0,
        end: 4,
        message: { en: "Circular reference: {评级} is this formula's own field", zh: '循环引用：{评级} 是公式自身所在的字段' },
      },
    ]);
  });

  it('checks function names and argument counts', () => {
    expect(errorsOf('VLOOKUP(1)')).toMatchObject([{ code: 'formula.unknown_function', message: { en: 'Unknown function VLOOKUP', zh: '未知函数 VLOOKUP' } }]);
    expect(errorsOf('IF({已完成})')).toMatchObject([
      { code: 'formula.arity', start: 0, end: 9, message: { en: 'Function IF takes 2 or 3 arguments', zh: '函数 IF 需要 2 或 3 个参数' } },
    ]);
    expect(errorsOf('TODAY(1)')[0]?.message.en).toBe('Function TODAY takes no arguments');
    expect(errorsOf('SUM()')[0]?.message).toEqual({ en: 'Function SUM takes at least 1 argument', zh: '函数 SUM 至少需要 1 个参数' });
    expect(errorsOf('MID("a", 1)')[0]?.message.en).toBe('Function MID takes 3 arguments');
  });

  it('explains type mismatches and suggests the fix', () => {
    expect(errorsOf('{客户名} * 2')).toMatchObject([
      {
        code: 'formula.type_mismatch',
        start: 0,
        end: 5,
        message: {
          en: 'Operator * needs a number, but {客户名} is text; use VALUE() to turn text into a number',
          zh: '运算符 * 需要数字，但 {客户名} 是文本；可用 VALUE() 把文本转为数字',
        },
      },
    ]);
    expect(errorsOf('{分数} + 1')[0]?.message.en).toBe('Operator + needs a number, but {分数} is a list of numbers; use SUM() to add up a list');
    expect(errorsOf('YEAR("2024")')[0]?.message.zh).toBe('YEAR 的第 1 个参数应为日期，但 "2024" 是文本；可用 DATE(年, 月, 日) 构造日期');
    expect(errorsOf('SUM({标签})')[0]?.message.en).toBe('Argument 1 of SUM must be a number or a list of numbers, but {标签} is a list of text');
  });

  it('requires date units and formats to be quoted literals', () => {
    expect(errorsOf('DATEADD({截止日期}, 1, "weeks")')).toMatchObject([
      { code: 'formula.bad_literal', start: 19, end: 26, message: { en: "Argument 3 of DATEADD must be one of 'days', 'months', 'years', 'hours'" } },
    ]);
    expect(errorsOf('DATETIME_FORMAT({截止日期}, {客户名})')[0]?.message.zh).toBe("DATETIME_FORMAT 的第 2 个参数必须是带引号的文本，如 'YYYY-MM-DD'");
    expect(typeOf('DATEDIF({创建时间}, TODAY(), "Months")')).toBe('number');
  });

  it('collects every problem, not just the first', () => {
    expect(errorsOf('{甲} + {乙} + FOO()').map((e) => e.code)).toEqual(['formula.unknown_field', 'formula.unknown_field', 'formula.unknown_function']);
  });
});
