import { clampInt, clampIntSql, joinSql, p, returns, type FunctionDef } from './function-def.ts';
import { remainder, remainderSql } from './operators.ts';
import { isArrayType, type TypedNode } from './types.ts';
import { errorValue, isNullish, NUMERIC_TEXT, textToNumber, type Value } from './values.ts';

const num = (v: Value | undefined): number => v as number;
const items = (v: Value): number[] => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : []);
const isList = (node: TypedNode | undefined): boolean => node !== undefined && isArrayType(node.type);

/** SQL over a float8[] argument: `fn` of its non-blank items. */
const listSql = (fn: string, x: string): string => `(SELECT ${fn} FROM unnest(${x}) AS _e)`;

/**
 * Rounds like PostgreSQL's `round(x::numeric, places)`: the float is first read as 15 significant digits (as float8 → numeric does),
 * then rounded in decimal: half away from zero, always away from zero (`up`) or toward zero (`down`).
 */
export function roundDecimal(x: number, places: number, mode: 'half' | 'up' | 'down'): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const [mantissa = '0', exp = '0'] = Math.abs(x).toExponential(14).split('e');
  const digits = mantissa.replace('.', '');
  const keep = Number(exp) + 1 + places;
  if (keep >= digits.length) return Number(`${x < 0 ? '-' : ''}${mantissa}e${exp}`);
  const kept = keep > 0 ? digits.slice(0, keep) : '0';
  const dropped = keep >= 0 ? digits.slice(keep) : '0'.repeat(-keep) + digits;
  const bump = mode === 'half' ? dropped.charAt(0) >= '5' : mode === 'up' ? /[1-9]/.test(dropped) : false;
  const n = BigInt(kept) + (bump ? 1n : 0n);
  if (n === 0n) return 0;
  return Number(`${x < 0 ? '-' : ''}${n}e${-places}`);
}

const MAX_PLACES = 300;
const placesSql = (args: readonly string[]): string => (args[1] === undefined ? '0' : clampIntSql(args[1], -MAX_PLACES, MAX_PLACES));
const places = (args: readonly Value[]): number => (args[1] === undefined ? 0 : clampInt(num(args[1]), -MAX_PLACES, MAX_PLACES));

const rounding = (mode: 'half' | 'up' | 'down', signature: string, en: string, zh: string, sql: (v: string, d: string) => string): FunctionDef => ({
  category: 'math',
  signature,
  description: { en, zh },
  arity: { min: 1, max: 2 },
  params: [p.number(), p.number()],
  result: returns('number'),
  strict: true,
  evaluate: (args) => roundDecimal(num(args[0]), places(args), mode),
  sql: (args, _ctx) => `(${sql(`(${args[0]})::numeric`, placesSql(args))})::float8`,
});

const unary = (signature: string, en: string, zh: string, js: (x: number) => Value, sql: (x: string) => string): FunctionDef => ({
  category: 'math',
  signature,
  description: { en, zh },
  arity: { min: 1, max: 1 },
  params: [p.number()],
  result: returns('number'),
  strict: true,
  evaluate: (args) => js(num(args[0])),
  sql: (args) => sql(args[0] ?? ''),
});

/** |b · log10 |a|| beyond this overflows or underflows float8, which PostgreSQL reports as an error rather than Infinity or 0. */
const POWER_LIMIT = 300;

export const mathFunctions = {
  SUM: {
    category: 'math',
    signature: 'SUM(number, …)',
    description: { en: 'Adds numbers, including every number in a lookup or rollup list', zh: '求和，可对查找引用或汇总得到的数字列表求和' },
    arity: { min: 1, max: Infinity },
    params: [p.numbers()],
    result: returns('number'),
    strict: false,
    evaluate: (args, _ctx, nodes) => {
      let total = 0;
      for (const [i, v] of args.entries()) {
        if (isList(nodes[i])) total += sumOf(items(v));
        else if (isNullish(v))
          return v; // only errors reach here: blanks were turned into 0
        else total += num(v);
      }
      return total;
    },
    sql: (args, _ctx, nodes) =>
      joinSql(
        args.map((a, i) => (isList(nodes[i]) ? listSql('coalesce(sum(_e), 0)', a) : a)),
        '+',
      ),
  },
  AVERAGE: {
    category: 'math',
    signature: 'AVERAGE(number, …)',
    description: { en: 'The mean of the non-blank numbers', zh: '非空数字的平均值' },
    arity: { min: 1, max: Infinity },
    params: [p.numbers('keep')],
    result: returns('number', true),
    strict: false,
    evaluate: (args, _ctx, nodes) => {
      let total = 0;
      let count = 0;
      for (const [i, v] of args.entries()) {
        const values = isList(nodes[i]) ? items(v) : isNullish(v) ? [] : [num(v)];
        total += sumOf(values); // the list's own sum first, as the SQL subquery does
        count += values.length;
      }
      return count === 0 ? null : total / count;
    },
    sql: (args, _ctx, nodes) => {
      const sums = args.map((a, i) => (isList(nodes[i]) ? listSql('coalesce(sum(_e), 0)', a) : `coalesce(${a}, 0)`));
      const counts = args.map((a, i) => (isList(nodes[i]) ? listSql('count(_e)', a) : `(CASE WHEN ${a} IS NULL THEN 0 ELSE 1 END)`));
      return `(${joinSql(sums, '+')} / nullif(${joinSql(counts, '+')}, 0))`;
    },
  },
  MIN: {
    category: 'math',
    signature: 'MIN(number, …)',
    description: { en: 'The smallest non-blank number', zh: '非空数字中的最小值' },
    arity: { min: 1, max: Infinity },
    params: [p.numbers('keep')],
    result: returns('number', true),
    strict: false,
    evaluate: (args, _ctx, nodes) => extreme(args, nodes, Math.min),
    sql: (args, _ctx, nodes) => `least(${args.map((a, i) => (isList(nodes[i]) ? listSql('min(_e)', a) : a)).join(', ')})`,
  },
  MAX: {
    category: 'math',
    signature: 'MAX(number, …)',
    description: { en: 'The largest non-blank number', zh: '非空数字中的最大值' },
    arity: { min: 1, max: Infinity },
    params: [p.numbers('keep')],
    result: returns('number', true),
    strict: false,
    evaluate: (args, _ctx, nodes) => extreme(args, nodes, Math.max),
    sql: (args, _ctx, nodes) => `greatest(${args.map((a, i) => (isList(nodes[i]) ? listSql('max(_e)', a) : a)).join(', ')})`,
  },
  ROUND: rounding(
    'half',
    'ROUND(number, [places])',
    'Rounds half away from zero to `places` decimals (negative rounds to tens, hundreds…)',
    '四舍五入到指定小数位（负数表示十位、百位…）',
    (v, d) => `round(${v}, ${d})`,
  ),
  ROUNDUP: rounding(
    'up',
    'ROUNDUP(number, [places])',
    'Rounds away from zero',
    '向远离零的方向舍入',
    (v, d) => `CASE WHEN trunc(${v}, ${d}) = ${v} THEN ${v} ELSE trunc(${v}, ${d}) + sign(${v}) * power(10::numeric, -${d}) END`,
  ),
  ROUNDDOWN: rounding('down', 'ROUNDDOWN(number, [places])', 'Rounds toward zero', '向零的方向舍入', (v, d) => `trunc(${v}, ${d})`),
  ABS: unary('ABS(number)', 'The absolute value', '绝对值', Math.abs, (x) => `abs(${x})`),
  INT: unary('INT(number)', 'Rounds down to the nearest integer', '向下取整', Math.floor, (x) => `floor(${x})`),
  SQRT: unary(
    'SQRT(number)',
    'The square root; #NUM! for negative numbers',
    '平方根；负数返回 #NUM!',
    (x) => (x < 0 ? errorValue('#NUM!') : Math.sqrt(x)),
    (x) => `(CASE WHEN ${x} < 0 THEN NULL ELSE sqrt(${x}) END)`,
  ),
  MOD: {
    category: 'math',
    signature: 'MOD(number, divisor)',
    description: { en: 'The remainder, with the sign of the number; #DIV/0! when the divisor is 0', zh: '余数（符号与被除数相同）；除数为 0 时返回 #DIV/0!' },
    arity: { min: 2, max: 2 },
    params: [p.number(), p.number()],
    result: returns('number'),
    strict: true,
    evaluate: (args) => remainder(num(args[0]), num(args[1])),
    sql: (args) => remainderSql(args[0] ?? '', args[1] ?? ''),
  },
  POWER: {
    category: 'math',
    signature: 'POWER(base, exponent)',
    description: { en: 'base raised to exponent; #NUM! when undefined or too large', zh: '乘方；无定义或过大时返回 #NUM!' },
    arity: { min: 2, max: 2 },
    params: [p.number(), p.number()],
    result: returns('number'),
    strict: true,
    evaluate: (args) => {
      const [a, b] = [num(args[0]), num(args[1])];
      if ((a === 0 && b < 0) || (a < 0 && b !== Math.trunc(b))) return errorValue('#NUM!');
      const scale = b * Math.log10(Math.abs(a) + (a === 0 ? 1 : 0));
      if (scale > POWER_LIMIT) return errorValue('#NUM!');
      return scale < -POWER_LIMIT ? 0 : Math.pow(a, b);
    },
    sql: ([a = '', b = '']) => {
      // numeric, because the float8 product itself could overflow (an error in PostgreSQL)
      const scale = `((${b})::numeric * log(abs(${a}) + (${a} = 0)::int)::numeric)`;
      return `(CASE WHEN (${a} = 0 AND ${b} < 0) OR (${a} < 0 AND ${b} <> trunc(${b})) OR ${scale} > ${POWER_LIMIT} THEN NULL WHEN ${scale} < -${POWER_LIMIT} THEN 0 ELSE power(${a}, ${b}) END)`;
    },
  },
  VALUE: {
    category: 'math',
    signature: 'VALUE(text)',
    description: { en: 'Reads text such as "12.5" as a number; #VALUE! when it is not a number', zh: '把 "12.5" 这样的文本转为数字；不是数字时返回 #VALUE!' },
    arity: { min: 1, max: 1 },
    params: [p.text('keep')],
    result: returns('number', 'ifArgs'),
    strict: true,
    evaluate: (args) => textToNumber(args[0] as string) ?? errorValue('#VALUE!'),
    sql: ([t = '']) => `(CASE WHEN ${t} ~ '${NUMERIC_TEXT}' THEN (${t})::float8 END)`,
  },
} as const satisfies Record<string, FunctionDef>;

const sumOf = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

function extreme(args: readonly Value[], nodes: readonly TypedNode[], pick: (...xs: number[]) => number): Value {
  const values = args.flatMap((v, i) => (isList(nodes[i]) ? items(v) : isNullish(v) ? [] : [num(v)]));
  return values.length === 0 ? null : pick(...values);
}
