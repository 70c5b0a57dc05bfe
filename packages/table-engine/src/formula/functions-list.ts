import { joinSql, p, returns, type FunctionDef } from './function-def.ts';
import { isArrayType, type TypedNode } from './types.ts';
import { isNullish, type Value } from './values.ts';

const isList = (node: TypedNode | undefined): boolean => node !== undefined && isArrayType(node.type);
const isTextual = (node: TypedNode | undefined): boolean => node?.type === 'text' || node?.type === 'text[]' || node?.type === 'unknown';

/** Non-empty means not blank and, for text, not "". */
const filled = (v: Value | undefined): boolean => v !== undefined && !isNullish(v) && v !== '';

export const listFunctions = {
  COUNTA: {
    category: 'list',
    signature: 'COUNTA(value, …)',
    description: { en: 'How many values are not empty, counting each item of a list', zh: '非空值的个数，列表中的每一项分别计数' },
    arity: { min: 1, max: Infinity },
    params: [p.any()],
    result: returns('number'),
    strict: false,
    evaluate: (args, _ctx, nodes) =>
      args.reduce<number>((n, v, i) => n + (isList(nodes[i]) ? (Array.isArray(v) ? v.filter(filled).length : 0) : filled(v) ? 1 : 0), 0),
    sql: (args, _ctx, nodes) =>
      `${joinSql(
        args.map((a, i) => {
          const node = nodes[i];
          const blank = isTextual(node) ? (x: string) => `${x} IS NULL OR (${x})::text = ''` : (x: string) => `${x} IS NULL`;
          return isList(node) ? `(SELECT count(*) FROM unnest(${a}) AS _e WHERE NOT (${blank('_e')}))` : `(CASE WHEN ${blank(a)} THEN 0 ELSE 1 END)`;
        }),
        '+',
      )}::float8`,
  },
  COUNTALL: {
    category: 'list',
    signature: 'COUNTALL(value, …)',
    description: { en: 'How many values there are, blanks included, counting each item of a list', zh: '值的总个数（含空值），列表中的每一项分别计数' },
    arity: { min: 1, max: Infinity },
    params: [p.any()],
    result: returns('number'),
    strict: false,
    evaluate: (args, _ctx, nodes) => args.reduce<number>((n, v, i) => n + (isList(nodes[i]) ? (Array.isArray(v) ? v.length : 0) : 1), 0),
    sql: (args, _ctx, nodes) =>
      `${joinSql(
        args.map((a, i) => (isList(nodes[i]) ? `coalesce(cardinality(${a}), 0)` : '1')),
        '+',
      )}::float8`,
  },
} as const satisfies Record<string, FunctionDef>;
