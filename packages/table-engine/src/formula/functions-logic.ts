import type { FormulaError } from './ast.ts';
import { joinSql, p, returns, type Coercer, type FunctionDef } from './function-def.ts';
import { isArrayType, type FormulaType, type TypedNode } from './types.ts';
import { compareScalars, isError, isNullish, type Scalar, type Value } from './values.ts';

/** Brings each listed argument to one common type; the others stay as they are. */
function unifyAt(args: readonly TypedNode[], c: Coercer, indexes: readonly number[], purpose: 'compare' | 'result'): TypedNode[] | FormulaError {
  const type: FormulaType = c.common(
    indexes.map((i) => args[i]).filter((a): a is TypedNode => a !== undefined),
    purpose,
  );
  const out = [...args];
  for (const i of indexes) {
    const node = args[i];
    if (!node) continue;
    const converted = c.to(node, type, 'keep', i);
    if ('code' in converted) return converted;
    out[i] = converted;
  }
  return out;
}

/** SQL three-valued AND/OR, which the JS side copies: a deciding value wins over blanks and errors. */
function logical(args: readonly Value[], decisive: boolean): Value {
  if (args.some((v) => v === decisive)) return decisive;
  return args.find(isError) ?? (args.some((v) => v === null) ? null : !decisive);
}

const switchLayout = (n: number) => ({ pairs: Math.floor((n - 1) / 2), hasDefault: (n - 1) % 2 === 1 });

export const logicFunctions = {
  IF: {
    category: 'logic',
    signature: 'IF(condition, then, [else])',
    description: { en: '`then` when the condition is true, otherwise `else` (blank if omitted)', zh: '条件为真时返回 then，否则返回 else（省略则为空）' },
    arity: { min: 2, max: 3 },
    params: [],
    coerce: (args, c) => {
      const [cond] = args;
      if (!cond) return args;
      const condition = c.to(cond, 'boolean', 'default', 0);
      if ('code' in condition) return condition;
      const rest = unifyAt(args, c, args.length === 3 ? [1, 2] : [1], 'result');
      return 'code' in rest ? rest : [condition, ...rest.slice(1)];
    },
    result: (args) => ({ type: args[1]?.type ?? 'unknown', nullable: args.length < 3 || args.slice(1).some((a) => a.nullable) }),
    strict: false,
    evaluate: ([cond, then, otherwise]) => (isNullish(cond ?? null) ? (cond ?? null) : cond ? (then ?? null) : (otherwise ?? null)),
    // Matching on TRUE/FALSE keeps an error in the condition an error (NULL) instead of silently taking the else branch.
    sql: ([c = '', then = '', otherwise]) =>
      otherwise === undefined ? `(CASE WHEN ${c} THEN ${then} END)` : `(CASE ${c} WHEN true THEN ${then} WHEN false THEN ${otherwise} END)`,
  },
  AND: {
    category: 'logic',
    signature: 'AND(condition, …)',
    description: { en: 'True when every condition is true', zh: '所有条件都为真时为真' },
    arity: { min: 1, max: Infinity },
    params: [p.boolean()],
    result: returns('boolean'),
    strict: false,
    evaluate: (args) => logical(args, false),
    sql: (args) => joinSql(args, 'AND'),
  },
  OR: {
    category: 'logic',
    signature: 'OR(condition, …)',
    description: { en: 'True when any condition is true', zh: '任一条件为真时为真' },
    arity: { min: 1, max: Infinity },
    params: [p.boolean()],
    result: returns('boolean'),
    strict: false,
    evaluate: (args) => logical(args, true),
    sql: (args) => joinSql(args, 'OR'),
  },
  NOT: {
    category: 'logic',
    signature: 'NOT(condition)',
    description: { en: 'The opposite true/false value', zh: '取反' },
    arity: { min: 1, max: 1 },
    params: [p.boolean()],
    result: returns('boolean'),
    strict: true,
    evaluate: ([v]) => !v,
    sql: ([x = '']) => `(NOT ${x})`,
  },
  ISBLANK: {
    category: 'logic',
    signature: 'ISBLANK(value)',
    description: { en: 'True when the value is empty: blank, "" or an empty list', zh: '值为空（空白、空文本或空列表）时为真' },
    arity: { min: 1, max: 1 },
    params: [p.any()],
    result: returns('boolean'),
    strict: false,
    evaluate: ([v = null]) => isNullish(v) || v === '' || (Array.isArray(v) && v.length === 0),
    sql: ([x = ''], _ctx, [node]) => {
      const type = node?.type ?? 'unknown';
      if (type === 'text') return `(${x} IS NULL OR ${x} = '')`;
      if (isArrayType(type)) return `(coalesce(cardinality(${x}), 0) = 0)`;
      if (type === 'unknown') return `(${x} IS NULL OR (${x})::text IN ('', '{}'))`;
      return `(${x} IS NULL)`;
    },
  },
  IFERROR: {
    category: 'logic',
    signature: 'IFERROR(value, fallback)',
    description: { en: '`fallback` when the value is an error such as #DIV/0! (or blank)', zh: '值为错误（如 #DIV/0!）或为空时返回 fallback' },
    arity: { min: 2, max: 2 },
    params: [],
    coerce: (args, c) => unifyAt(args, c, [0, 1], 'result'),
    result: (args) => ({ type: args[0]?.type ?? 'unknown', nullable: args[1]?.nullable ?? true }),
    strict: false,
    // SQL cannot tell an error from a blank (both are NULL), so neither side does.
    evaluate: ([v = null, fallback = null]) => (isNullish(v) ? fallback : v),
    sql: ([v = '', fallback = '']) => `coalesce(${v}, ${fallback})`,
  },
  SWITCH: {
    category: 'logic',
    signature: 'SWITCH(value, match1, result1, …, [default])',
    description: {
      en: 'The result paired with the first match equal to the value, else the default (blank if omitted)',
      zh: '返回第一个与值相等的匹配项对应的结果，否则返回默认值（省略则为空）',
    },
    arity: { min: 3, max: Infinity },
    params: [],
    coerce: (args, c) => {
      const { pairs, hasDefault } = switchLayout(args.length);
      const matches = Array.from({ length: pairs }, (_, i) => 1 + 2 * i);
      const results = [...matches.map((i) => i + 1), ...(hasDefault ? [args.length - 1] : [])];
      const compared = unifyAt(args, c, [0, ...matches], 'compare');
      return 'code' in compared ? compared : unifyAt(compared, c, results, 'result');
    },
    result: (args) => {
      const { hasDefault } = switchLayout(args.length);
      const results = args.filter((_, i) => i > 0 && (i % 2 === 0 || (hasDefault && i === args.length - 1)));
      return { type: results[0]?.type ?? 'unknown', nullable: !hasDefault || results.some((r) => r.nullable) };
    },
    strict: false,
    evaluate: (args, _ctx, nodes) => {
      const { pairs, hasDefault } = switchLayout(args.length);
      const value = args[0] ?? null;
      const type = nodes[0]?.type;
      if (!isNullish(value) && type && type !== 'unknown' && !isArrayType(type)) {
        for (let i = 0; i < pairs; i++) {
          const match = args[1 + 2 * i] ?? null;
          if (!isNullish(match) && compareScalars(value as Scalar, match as Scalar, type) === 0) return args[2 + 2 * i] ?? null;
        }
      }
      return hasDefault ? (args[args.length - 1] ?? null) : null;
    },
    sql: (args) => {
      const { pairs, hasDefault } = switchLayout(args.length);
      const arms = Array.from({ length: pairs }, (_, i) => `WHEN ${args[1 + 2 * i]} THEN ${args[2 + 2 * i]}`);
      return `(CASE ${args[0]} ${arms.join(' ')}${hasDefault ? ` ELSE ${args[args.length - 1]}` : ''} END)`;
    },
  },
} as const satisfies Record<string, FunctionDef>;
