import { describe, expect, it } from 'vitest';
import { fx, type FormulaNode } from './ast.ts';
import { parseFormula } from './parser.ts';

/** Drops positions so trees compare by shape. */
function shape(node: FormulaNode): unknown {
  switch (node.kind) {
    case 'number':
    case 'text':
    case 'boolean':
      return node.value;
    case 'field':
      return `{${node.name}}`;
    case 'negate':
      return ['neg', shape(node.arg)];
    case 'binary':
      return [node.op, shape(node.left), shape(node.right)];
    case 'call':
      return [node.name, ...node.args.map(shape)];
  }
}

function parsed(source: string): unknown {
  const r = parseFormula(source);
  if (!r.ok) throw new Error(r.error.message.en);
  return shape(r.value);
}

function failure(source: string) {
  const r = parseFormula(source);
  if (r.ok) throw new Error(`expected ${source} to fail`);
  return r.error;
}

describe('parseFormula', () => {
  it('reads numbers, both quote styles with escapes, booleans and field names with spaces and Chinese', () => {
    expect(parsed('3.25')).toBe(3.25);
    expect(parsed('.5')).toBe(0.5);
    expect(parsed('"say \\"hi\\""')).toBe('say "hi"');
    expect(parsed("'it\\'s'")).toBe("it's");
    expect(parsed('"a""b"')).toBe('a"b');
    expect(parsed('“中文引号”')).toBe('中文引号');
    expect(parsed('true')).toBe(true);
    expect(parsed('FALSE()')).toBe(false);
    expect(parsed('{客户 名称}')).toBe('{客户 名称}');
    expect(parsed('{Deal (won\\})}')).toBe('{Deal (won})}');
  });

  it('follows spreadsheet precedence: comparison < & < + - < * / % < unary minus', () => {
    expect(parsed('1 + 2 * 3')).toEqual(['+', 1, ['*', 2, 3]]);
    expect(parsed('(1 + 2) * 3')).toEqual(['*', ['+', 1, 2], 3]);
    expect(parsed('10 - 4 - 3')).toEqual(['-', ['-', 10, 4], 3]);
    expect(parsed('"n=" & 1 + 2')).toEqual(['&', 'n=', ['+', 1, 2]]);
    expect(parsed('{a} & "x" = "1x"')).toEqual(['=', ['&', '{a}', 'x'], '1x']);
    expect(parsed('-{金额} % 3')).toEqual(['%', ['neg', '{金额}'], 3]);
    expect(parsed('1 <> 2')).toEqual(['!=', 1, 2]);
    expect(parsed('1 != 2')).toEqual(['!=', 1, 2]);
    expect(parsed('--1')).toEqual(['neg', ['neg', 1]]);
  });

  it('reads function calls case-insensitively, nested, with no or many arguments', () => {
    expect(parsed('if({分数} >= 90, "优", if({分数} >= 60, "及格", "不及格"))')).toEqual([
      'IF',
      ['>=', '{分数}', 90],
      '优',
      ['IF', ['>=', '{分数}', 60], '及格', '不及格'],
    ]);
    expect(parsed('today()')).toEqual(['TODAY']);
    expect(parsed('Datetime_Format(NOW(), "YYYY")')).toEqual(['DATETIME_FORMAT', ['NOW'], 'YYYY']);
  });

  it('accepts full-width parentheses and commas typed with a Chinese input method', () => {
    expect(parsed('IF（{完成}，1，0）')).toEqual(['IF', '{完成}', 1, 0]);
  });

  it('records source positions', () => {
    const r = parseFormula('LEFT({名称}, 2)');
    expect(r.ok && r.value).toMatchObject({
      kind: 'call',
      start: 0,
      end: 13,
      args: [
        { kind: 'field', start: 5, end: 9 },
        { start: 11, end: 12 },
      ],
    });
    expect(fx.call('sum', [])).toMatchObject({ name: 'SUM' });
  });

  it('reports a missing ) with its position in both languages', () => {
    const error = failure('IF({a} > 1, 2 3)');
    expect(error).toMatchObject({ code: 'formula.expected', start: 14, end: 15 });
    expect(error.message).toEqual({ en: 'Expected ) at 15', zh: '第 15 个字符处应为 )' });
    expect(failure('(1 + 2').message.en).toBe('Expected ) at the end of the formula');
  });

  it('reports unclosed text and field references, stray characters and dangling operators', () => {
    expect(failure('"abc')).toMatchObject({ code: 'formula.unclosed_text', start: 0, end: 4, message: { zh: '第 1 个字符处开始的文本缺少结尾的 "' } });
    expect(failure('{客户名')).toMatchObject({ code: 'formula.unclosed_field', message: { en: 'Field reference starting at 1 is missing }' } });
    expect(failure('1 + @')).toMatchObject({ code: 'formula.unexpected_character', start: 4, end: 5, message: { en: 'Unexpected character @ at 5' } });
    expect(failure('1 +')).toMatchObject({ code: 'formula.unexpected_end' });
    expect(failure('1 2')).toMatchObject({ code: 'formula.unexpected_token', start: 2, message: { en: 'Unexpected 2 at 3' } });
    expect(failure('IF(1,,2)')).toMatchObject({ code: 'formula.unexpected_token', start: 5 });
    expect(failure('')).toMatchObject({ code: 'formula.empty', message: { zh: '公式为空' } });
    expect(failure('{}')).toMatchObject({ code: 'formula.empty_field' });
    expect(failure('1e999')).toMatchObject({ code: 'formula.number_too_large' });
  });

  it('suggests braces when a field name is written bare', () => {
    expect(failure('客户名 & "先生"').message).toEqual({
      en: 'Unknown name 客户名 at 1; write field references in braces, like {客户名}',
      zh: '第 1 个字符处无法识别 客户名；引用字段请加花括号，如 {客户名}',
    });
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    expect(failure('('.repeat(500) + '1' + ')'.repeat(500))).toMatchObject({ code: 'formula.too_deep' });
  });
});
