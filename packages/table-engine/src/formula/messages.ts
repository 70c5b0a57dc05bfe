import { formulaError, type FormulaError } from './ast.ts';
import type { ParamSpec } from './function-def.ts';
import { isArrayType, TYPE_NAMES, type FormulaType, type TypedNode } from './types.ts';

/** How a value is named in a message: `{客户名}`, `"abc"`, `12`, or "this value". */
function shown(node: TypedNode): { en: string; zh: string } {
  switch (node.kind) {
    case 'field':
      return { en: `{${node.name}}`, zh: `{${node.name}}` };
    case 'literal':
      return typeof node.value === 'string'
        ? { en: JSON.stringify(node.value), zh: JSON.stringify(node.value) }
        : { en: String(node.value), zh: String(node.value) };
    case 'call':
      return { en: `${node.name}(…)`, zh: `${node.name}(…)` };
    default:
      return { en: 'this value', zh: '该值' };
  }
}

function hint(expected: FormulaType | 'numbers', actual: FormulaType): { en: string; zh: string } {
  if ((expected === 'number' || expected === 'numbers') && actual === 'text')
    return { en: '; use VALUE() to turn text into a number', zh: '；可用 VALUE() 把文本转为数字' };
  if (expected === 'number' && isArrayType(actual)) return { en: '; use SUM() to add up a list', zh: '；可用 SUM() 对列表求和' };
  if (expected === 'date') return { en: '; use DATE(year, month, day) to make a date', zh: '；可用 DATE(年, 月, 日) 构造日期' };
  return { en: '', zh: '' };
}

const NUMBERS = { en: 'a number or a list of numbers', zh: '数字或数字列表' };

export function operandProblem(op: string, expected: FormulaType, node: TypedNode): FormulaError {
  const what = shown(node);
  const [want, got, h] = [TYPE_NAMES[expected], TYPE_NAMES[node.type], hint(expected, node.type)];
  return formulaError(
    'formula.type_mismatch',
    `Operator ${op} needs ${want.en}, but ${what.en} is ${got.en}${h.en}`,
    `运算符 ${op} 需要${want.zh}，但 ${what.zh} 是${got.zh}${h.zh}`,
    node,
  );
}

export function argumentProblem(fn: string, index: number, expected: ParamSpec | FormulaType | undefined, node: TypedNode): FormulaError {
  const n = index + 1;
  if (typeof expected === 'object' && expected.type === 'literal') {
    if (expected.choices) {
      const list = expected.choices.map((c) => `'${c}'`);
      return formulaError(
        'formula.bad_literal',
        `Argument ${n} of ${fn} must be one of ${list.join(', ')}`,
        `${fn} 的第 ${n} 个参数必须是 ${list.join('、')} 之一`,
        node,
      );
    }
    return formulaError(
      'formula.bad_literal',
      `Argument ${n} of ${fn} must be text in quotes, like ${expected.example ?? "'…'"}`,
      `${fn} 的第 ${n} 个参数必须是带引号的文本，如 ${expected.example ?? "'…'"}`,
      node,
    );
  }
  const raw = typeof expected === 'object' ? expected.type : (expected ?? 'unknown');
  const type = raw === 'any' || raw === 'literal' ? 'unknown' : raw;
  const want = type === 'numbers' ? NUMBERS : TYPE_NAMES[type];
  const [what, got, h] = [shown(node), TYPE_NAMES[node.type], hint(type, node.type)];
  return formulaError(
    'formula.type_mismatch',
    `Argument ${n} of ${fn} must be ${want.en}, but ${what.en} is ${got.en}${h.en}`,
    `${fn} 的第 ${n} 个参数应为${want.zh}，但 ${what.zh} 是${got.zh}${h.zh}`,
    node,
  );
}

export function arityProblem(fn: string, arity: { min: number; max: number }, span: { start: number; end: number }): FormulaError {
  const { min, max } = arity;
  const [en, zh] =
    max === 0
      ? ['takes no arguments', '不需要参数']
      : min === max
        ? [`takes ${min} argument${min === 1 ? '' : 's'}`, `需要 ${min} 个参数`]
        : max === Infinity
          ? [`takes at least ${min} argument${min === 1 ? '' : 's'}`, `至少需要 ${min} 个参数`]
          : max === min + 1
            ? [`takes ${min} or ${max} arguments`, `需要 ${min} 或 ${max} 个参数`]
            : [`takes ${min} to ${max} arguments`, `需要 ${min} 到 ${max} 个参数`];
  return formulaError('formula.arity', `Function ${fn} ${en}`, `函数 ${fn} ${zh}`, span);
}
