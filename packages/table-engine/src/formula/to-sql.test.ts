import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  analyzeFormula,
  compileToSql,
  evaluateFormula,
  formulaFunctionNames as functionNames,
  isFormulaErrorValue as isError,
  type FormulaRecord,
  type FormulaValue as Value,
} from './index.ts';
import type { CheckedFormula } from './check.ts';
import { CHECK_OPTIONS, CTX, NOW } from './formula.fixtures.ts';

// The core promise: a UI preview computed by evaluateFormula() shows what SQL computed by compileToSql() returns.
// Every formula below runs on the same rows both ways (in-memory PGlite = PostgreSQL) and must agree exactly;
// the only allowed difference is that SQL shows an error (#DIV/0! …) as NULL.

const COLUMNS = {
  name: 'text',
  amount: 'numeric(14,2)',
  qty: 'float8',
  due: 'timestamptz',
  done: 'boolean',
  tags: 'text[]',
  scores: 'float8[]',
  note: 'text',
  created: 'timestamptz',
  owner: 'text[]',
  stage: 'text',
  total: 'float8',
} as const;
type Column = keyof typeof COLUMNS;

const ROWS: Partial<Record<Column, unknown>>[] = [
  {
    name: '张三',
    amount: 1234.5,
    qty: 3,
    due: '2025-01-30T16:00:00.000Z', // 2025-01-31 00:00 in Shanghai
    done: true,
    tags: ['VIP', '华东'],
    scores: [90, 85.5, null],
    note: '  hello  ',
    created: '2024-12-31T16:30:00.000Z',
    owner: ['李四'],
    stage: '赢单',
    total: 12,
  },
  {},
  {
    name: '',
    amount: 0,
    qty: 0,
    due: '2024-02-29T07:45:30.000Z',
    done: false,
    tags: [],
    scores: [],
    note: 'Ab "q" \\ 😀',
    created: '2025-01-14T16:00:00.000Z', // midnight in Shanghai exactly
    owner: [],
    stage: '输单',
    total: -2.5,
  },
  {
    name: "O'Brien & 李",
    amount: -0.5,
    qty: -7,
    due: '2025-03-31T15:59:59.000Z',
    tags: ['a', null],
    scores: [0.1, 0.2],
    note: '\u3000x \u3000',
    created: '2023-12-31T23:59:59.000Z',
    owner: ['王五', '赵六'],
    total: 0,
  },
  {
    name: 'Zed',
    amount: 999999999.99,
    qty: 2.5,
    due: '2000-01-01T00:00:00.000Z',
    done: true,
    tags: ['VIP'],
    scores: [1e15, 3],
    note: '   ',
    created: '2025-06-15T04:00:00.000Z',
    owner: ['钱七'],
    stage: '赢单',
    total: 1e-5,
  },
];

// Month ends, leap days and times near midnight, crossed with each other, for the date functions.
const DATE_EDGES = [
  '2024-01-31T00:00:00+08:00',
  '2024-02-29T23:30:00+08:00',
  '2023-02-28T12:00:00+08:00',
  '2024-03-31T00:00:01+08:00',
  '2025-01-15T00:00:00+08:00',
  '2020-12-31T08:00:00Z',
];
for (const [i, due] of DATE_EDGES.entries()) {
  for (const [j, created] of DATE_EDGES.entries()) {
    ROWS.push({ due: new Date(due).toISOString(), created: new Date(created).toISOString(), qty: i * 7 - j * 3 });
  }
}

const FORMULAS = [
  // operators and implicit coercions
  '{金额} * {数量} + 1',
  '{金额} / {数量}',
  '-{数量} % 3',
  '{数量} % 2.5',
  '{客户名} & "：" & {金额} & "元"',
  '{金额} & "|" & {数量} & "|" & {已完成} & "|" & {截止日期} & "|" & {创建时间} & "|" & {标签} & "|" & {分数}',
  '{金额} > 100',
  '{客户名} = "张三"',
  '{客户名} < "李"',
  '{客户名} >= "a"',
  '{已完成} = TRUE',
  '{已完成} != FALSE',
  '{截止日期} > TODAY()',
  '{截止日期} <= DATE(2025, 1, 31)',
  '{截止日期} = {创建时间}',
  '{标签} = "VIP, 华东"',
  '{数量} = "3"',
  '1 / {数量} + 1',
  '"x" & 1 / {数量}',
  '(1 / {数量}) > 0',
  '{已完成} * 10 + {已完成}',
  '0.1 + 0.2 & ""',
  '{金额} * 1e10 & ""',
  '1 / 3 & "" & {数量} / 1e6',
  '"O\'Brien" & \'say "hi"\' & {客户名}',
  // math
  'SUM({分数})',
  'SUM({分数}, {数量}, 1)',
  'SUM({金额}, 1 / {数量})',
  'AVERAGE({分数}, {数量})',
  'AVERAGE({数量})',
  'MIN({分数})',
  'MAX({分数}, {数量})',
  'MIN({数量}, 1 / {数量})',
  'ROUND({金额} / 3, 2)',
  'ROUND({金额}, -2)',
  'ROUND(2.675, 2) + ROUND(-2.5)',
  'ROUND({数量} / 7, {数量})',
  'ROUNDUP({金额} / 7, 1)',
  'ROUNDUP(-1.21, 1)',
  'ROUNDUP({数量}, -1)',
  'ROUNDDOWN({金额} / 7, 2)',
  'ROUNDDOWN(-1.29, 1)',
  'ROUND(1 / {数量}, 2)',
  'ABS({数量})',
  'INT({金额} / 7) + INT(-1.5)',
  'MOD({数量}, 4)',
  'MOD(10, {数量})',
  'MOD(-7.5, 2)',
  'POWER({数量}, 2)',
  'POWER(2, INT({数量}))',
  'POWER({数量}, 0.5)',
  'POWER(0, -1)',
  'POWER(10, 400)',
  'POWER(10, -400)',
  'SQRT({数量})',
  'SQRT(-{数量})',
  'VALUE("12.5") + VALUE({备注})',
  'VALUE(" -3e2 ")',
  'VALUE("")',
  // text
  'LEFT({客户名}, 2)',
  'LEFT({备注})',
  'RIGHT({备注}, 3)',
  'LEFT({客户名}, -1)',
  'RIGHT({客户名}, 1e12)',
  'LEFT("abc", 1 / {数量})',
  'MID({备注}, 2, 3)',
  'MID({客户名}, 0, 2)',
  'MID({客户名}, {数量}, 2)',
  'LEN({备注})',
  'LEN({标签})',
  'LOWER({备注}) & UPPER({客户名})',
  '"[" & TRIM({备注}) & "]"',
  'SUBSTITUTE({备注}, "l", "L")',
  'SUBSTITUTE({客户名}, "", "x")',
  'FIND("l", {备注})',
  'FIND("", {备注}, 3)',
  'FIND("l", {备注}, {数量})',
  'CONTAINS({标签}, "VIP")',
  'CONTAINS({备注}, "")',
  'TEXT({金额})',
  'TEXT({截止日期})',
  'CONCATENATE({客户名}, "-", {数量}, "-", {负责人})',
  'CONCATENATE(1 / {数量})',
  // logic
  'IF({数量} >= 3, "多", IF({数量} > 0, "少", "无"))',
  'IF({已完成}, {金额})',
  'IF({已完成}, {截止日期}, TODAY())',
  'IF({客户名}, 1, 0)',
  'IF({标签}, "有标签", "无")',
  'IF({截止日期}, "有", "无")',
  'IF(1 / {数量} > 0, "正", "非正")',
  'IF({数量}, {标签}, {负责人})',
  'AND({已完成}, {金额} > 0)',
  'OR({已完成}, 1 / {数量} > 0)',
  'AND(1 / {数量} > 0, FALSE)',
  'OR(1 / {数量} > 0, FALSE)',
  'NOT({已完成})',
  'NOT(1 / {数量} > 0)',
  'ISBLANK({备注})',
  'ISBLANK({标签})',
  'ISBLANK({截止日期})',
  'ISBLANK({数量})',
  'ISBLANK({汇总})',
  'ISBLANK(1 / {数量})',
  'IFERROR({金额} / {数量}, -1)',
  'IFERROR({截止日期}, TODAY())',
  'SWITCH({Deal Stage}, "赢单", "✅", "输单", "❌", "…")',
  'SWITCH({数量}, 3, "三", 0, "零")',
  'SWITCH({已完成}, TRUE, 1, FALSE, 0, -1)',
  'SWITCH({截止日期}, DATE(2025, 1, 31), "月底", "其他")',
  // dates
  'TODAY()',
  'NOW()',
  'YEAR({创建时间})',
  'MONTH({截止日期}) * 100 + DAY({截止日期})',
  'WEEKDAY({截止日期})',
  'DATEADD({截止日期}, 1, "months")',
  'DATEADD({截止日期}, {数量}, "days")',
  'DATEADD({创建时间}, -36, "hours")',
  'DATEADD({截止日期}, 2, "years")',
  'DATEADD({截止日期}, 1e9, "days")',
  'DATEADD({截止日期}, 1.9, "days")',
  'DATEDIF({创建时间}, {截止日期}, "days")',
  'DATEDIF({截止日期}, {创建时间}, "months")',
  'DATEDIF({创建时间}, {截止日期}, "months")',
  'DATEDIF({创建时间}, TODAY(), "years")',
  'DATEDIF({截止日期}, {创建时间}, "years")',
  'DATEDIF({截止日期}, {创建时间}, "days")',
  'DATEDIF(DATE(2024, 2, 29), {截止日期}, "months")',
  'DATEADD({截止日期}, {数量}, "months")',
  'DATEADD({创建时间}, {数量}, "years")',
  'DATEADD({创建时间}, {数量} * 5, "hours")',
  'DATETIME_FORMAT({截止日期}, "YYYY年M月D日 H:mm:ss")',
  'DATETIME_FORMAT({创建时间}, "[Week of] YY/MM/DD HH")',
  'DATETIME_FORMAT({截止日期})',
  'DATE(2024, 2, 30)',
  'DATE(YEAR({截止日期}), MONTH({截止日期}) + 1, 0)',
  'DATE(2024, {数量}, 1)',
  'DATE(0, 1, 1)',
  'DATE(2024, -1, 1)',
  // lists and unresolved computed fields
  'COUNTA({标签})',
  'COUNTA({分数}, {客户名}, {数量})',
  'COUNTALL({标签}, {客户名})',
  'COUNTA({汇总})',
  '{汇总} + 1',
  '{汇总} & "!"',
  'IF({汇总}, "y", "n")',
];

/** Record for evaluateFormula: the same cells, keyed by field id. */
const RECORDS: FormulaRecord[] = ROWS.map((row) => ({ ...row }));

/** Errors compare as NULL; -0 as 0; dates by instant. */
function comparable(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(comparable);
  if (typeof v === 'number') return v === 0 ? 0 : v;
  if (typeof v === 'object' && isError(v as Value)) return null;
  return v;
}

let db: PGlite;

beforeAll(async () => {
  db = await PGlite.create();
  const columns = Object.entries(COLUMNS).map(([id, type]) => `"f_${id}" ${type}`);
  await db.exec(`create table t (id int primary key, ${columns.join(', ')})`);
  const ids = Object.keys(COLUMNS) as Column[];
  for (const [i, row] of ROWS.entries()) {
    const placeholders = ids.map((_, j) => `$${j + 2}`).join(', ');
    await db.query(`insert into t (id, ${ids.map((id) => `"f_${id}"`).join(', ')}) values ($1, ${placeholders})`, [i, ...ids.map((id) => row[id] ?? null)]);
  }
}, 60_000);

afterAll(async () => {
  await db?.close();
});

function analyzed(source: string): CheckedFormula {
  const r = analyzeFormula(source, CHECK_OPTIONS);
  if (!r.ok) throw new Error(`${source}: ${r.error.map((e) => e.message.en).join('; ')}`);
  return r.value;
}

async function runSql(checked: CheckedFormula, now: Date | null = NOW): Promise<{ sql: string; values: unknown[] }> {
  const params: unknown[] = [];
  const sql = compileToSql(checked.ast, {
    column: (id) => `"t"."f_${id}"`,
    param: (v) => `$${params.push(v)}`,
    timeZone: CTX.timeZone,
    ...(now ? { now } : {}),
  });
  const result = await db.query<{ v: unknown }>(`select ${sql} as v from t order by id`, params);
  return { sql, values: result.rows.map((r) => r.v) };
}

describe('compileToSql agrees with evaluateFormula on a real database', () => {
  it.each(FORMULAS)('%s', async (source) => {
    const checked = analyzed(source);
    const { values } = await runSql(checked);
    const previews = RECORDS.map((record) => evaluateFormula(checked.ast, record, CTX));
    expect(values.map(comparable)).toEqual(previews.map(comparable));
  });

  it('covers every function', () => {
    const used = new Set(FORMULAS.join(' ').match(/[A-Z_]+(?=\()/g));
    expect(functionNames.filter((name) => !used.has(name))).toEqual([]);
  });
});

describe('compileToSql', () => {
  it('binds every literal as a parameter, so user text never lands in the SQL', async () => {
    const { sql } = await runSql(analyzed(`IF({客户名} = "x'); drop table t; --", "张三", {客户名} & 'a"b')`));
    expect(sql).not.toContain('drop');
    expect(sql).not.toContain('张三');
    expect((await db.query<{ n: number }>('select count(*)::int as n from t')).rows[0]?.n).toBe(ROWS.length);
  });

  it("uses the statement's now() when no time is given", async () => {
    const { sql, values } = await runSql(analyzed('DATEDIF(DATE(2020, 1, 1), TODAY(), "years") >= 5'), null);
    expect(sql).toContain('now()');
    expect(values).toEqual(ROWS.map(() => true));
  });

  it('turns division by zero into NULL rather than a database error', async () => {
    const { values } = await runSql(analyzed('{金额} / {数量}'));
    expect(values[2]).toBeNull();
  });

  it('matches POWER with a fractional exponent to within one unit in the last place (V8 and C pow round differently)', async () => {
    const checked = analyzed('POWER(2, {数量})');
    const { values } = await runSql(checked);
    const previews = RECORDS.map((record) => evaluateFormula(checked.ast, record, CTX));
    values.forEach((v, i) => expect(v as number).toBeCloseTo(previews[i] as number, 12));
  });
});
