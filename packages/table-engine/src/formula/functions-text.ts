import { clampInt, clampIntSql, joinSql, p, returns, type FunctionDef } from './function-def.ts';
import { chars, type Value } from './values.ts';

const str = (v: Value | undefined): string => v as string;
const num = (v: Value | undefined): number => v as number;
/** Counts and positions are capped so `::int` cannot overflow in SQL. */
const MAX_LEN = 1_000_000_000;

const text1 = (signature: string, en: string, zh: string, js: (s: string) => Value, sql: (x: string) => string): FunctionDef => ({
  category: 'text',
  signature,
  description: { en, zh },
  arity: { min: 1, max: 1 },
  params: [p.text()],
  result: returns('text'),
  strict: true,
  evaluate: (args) => js(str(args[0])),
  sql: (args) => sql(args[0] ?? ''),
});

const edge = (side: 'left' | 'right', en: string, zh: string): FunctionDef => ({
  category: 'text',
  signature: `${side.toUpperCase()}(text, [count])`,
  description: { en, zh },
  arity: { min: 1, max: 2 },
  params: [p.text(), p.number()],
  result: returns('text'),
  strict: true,
  evaluate: (args) => {
    const cs = chars(str(args[0]));
    const n = args[1] === undefined ? 1 : clampInt(num(args[1]), 0, MAX_LEN);
    return (side === 'left' ? cs.slice(0, n) : cs.slice(Math.max(cs.length - n, 0))).join('');
  },
  sql: ([t = '', n]) => `${side}(${t}, ${n === undefined ? '1' : clampIntSql(n, 0, MAX_LEN)})`,
});

/** 1-based code-point position of `search` in `text` from `from`, or 0; PostgreSQL's `position` counts the same way. */
function findFrom(search: string, text: string, from: number): number {
  const rest = chars(text)
    .slice(from - 1)
    .join('');
  const at = rest.indexOf(search);
  return at < 0 ? 0 : chars(rest.slice(0, at)).length + from;
}

export const textFunctions = {
  CONCATENATE: {
    category: 'text',
    signature: 'CONCATENATE(text, …)',
    description: { en: 'Joins text together (same as &)', zh: '连接文本（同 &）' },
    arity: { min: 1, max: Infinity },
    params: [p.text()],
    result: returns('text'),
    strict: true,
    evaluate: (args) => args.map(str).join(''),
    sql: (args) => joinSql(args, '||'),
  },
  LEFT: edge('left', 'The first `count` characters (1 if omitted)', '开头的若干个字符（默认 1 个）'),
  RIGHT: edge('right', 'The last `count` characters (1 if omitted)', '末尾的若干个字符（默认 1 个）'),
  MID: {
    category: 'text',
    signature: 'MID(text, start, count)',
    description: { en: '`count` characters from position `start` (1 is the first)', zh: '从第 start 个字符起取 count 个字符（从 1 开始）' },
    arity: { min: 3, max: 3 },
    params: [p.text(), p.number(), p.number()],
    result: returns('text'),
    strict: true,
    evaluate: ([t, s, n]) => {
      const start = clampInt(num(s), 1, MAX_LEN);
      return chars(str(t))
        .slice(start - 1, start - 1 + clampInt(num(n), 0, MAX_LEN))
        .join('');
    },
    sql: ([t = '', s = '', n = '']) => `substr(${t}, ${clampIntSql(s, 1, MAX_LEN)}, ${clampIntSql(n, 0, MAX_LEN)})`,
  },
  LEN: {
    category: 'text',
    signature: 'LEN(text)',
    description: { en: 'The number of characters', zh: '字符数' },
    arity: { min: 1, max: 1 },
    params: [p.text()],
    result: returns('number'),
    strict: true,
    evaluate: (args) => chars(str(args[0])).length,
    sql: ([t = '']) => `length(${t})::float8`,
  },
  LOWER: text1(
    'LOWER(text)',
    'Lower-case letters',
    '转为小写',
    (s) => s.toLowerCase(),
    (x) => `lower(${x})`,
  ),
  UPPER: text1(
    'UPPER(text)',
    'Upper-case letters',
    '转为大写',
    (s) => s.toUpperCase(),
    (x) => `upper(${x})`,
  ),
  // Also the ideographic space (U+3000) that Chinese input methods type.
  TRIM: text1(
    'TRIM(text)',
    'Removes spaces (including full-width ones) at both ends',
    '去掉首尾空格（含全角空格）',
    (s) => s.replace(/^[ \u3000]+|[ \u3000]+$/g, ''),
    (x) => `btrim(${x}, ' \u3000')`,
  ),
  TEXT: text1(
    'TEXT(value)',
    'The value as text',
    '把值转为文本',
    (s) => s,
    (x) => x,
  ),
  SUBSTITUTE: {
    category: 'text',
    signature: 'SUBSTITUTE(text, old, new)',
    description: { en: 'Replaces every occurrence of `old` with `new`', zh: '把所有 old 替换为 new' },
    arity: { min: 3, max: 3 },
    params: [p.text(), p.text(), p.text()],
    result: returns('text'),
    strict: true,
    evaluate: ([t, from, to]) => (str(from) === '' ? str(t) : str(t).split(str(from)).join(str(to))),
    sql: ([t = '', from = '', to = '']) => `replace(${t}, ${from}, ${to})`,
  },
  FIND: {
    category: 'text',
    signature: 'FIND(search, text, [start])',
    description: { en: 'Position of `search` in `text` (1 is the first character), or 0 if absent', zh: 'search 在 text 中的位置（从 1 开始），找不到返回 0' },
    arity: { min: 2, max: 3 },
    params: [p.text(), p.text(), p.number()],
    result: returns('number'),
    strict: true,
    evaluate: ([search, t, start]) => findFrom(str(search), str(t), start === undefined ? 1 : clampInt(num(start), 1, MAX_LEN)),
    sql: ([search = '', t = '', start]) => {
      if (start === undefined) return `position(${search} in ${t})::float8`;
      const from = clampIntSql(start, 1, MAX_LEN);
      const at = `position(${search} in substr(${t}, ${from}))`;
      return `(CASE WHEN ${at} > 0 THEN ${at} + ${from} - 1 ELSE 0 END)::float8`;
    },
  },
  CONTAINS: {
    category: 'text',
    signature: 'CONTAINS(text, search)',
    description: { en: 'Whether `text` contains `search` (case-sensitive)', zh: 'text 是否包含 search（区分大小写）' },
    arity: { min: 2, max: 2 },
    params: [p.text(), p.text()],
    result: returns('boolean'),
    strict: true,
    evaluate: ([t, search]) => str(t).includes(str(search)),
    sql: ([t = '', search = '']) => `(position(${search} in ${t}) > 0)`,
  },
} as const satisfies Record<string, FunctionDef>;
