import type { SqlContext } from './context.ts';
import { addToDate, dateDiff, dateUnits, formatLocal, fromLocal, parseDateFormat, toCharPattern, toLocal, utcMillis, type DateUnit } from './dates.ts';
import { literalOf, localSql, p, returns, type FunctionDef } from './function-def.ts';
import { errorValue, type Value } from './values.ts';

const date = (v: Value | undefined): Date => v as Date;
const num = (v: Value | undefined): number => v as number;

/** Largest amount DATEADD accepts per unit, so results stay inside PostgreSQL's timestamp range (else #NUM!). */
const ADD_LIMITS: Record<DateUnit, number> = { days: 1_000_000, months: 12_000, years: 1_000, hours: 24_000_000 };
const DIFF_UNITS = ['days', 'months', 'years'] as const;
const DEFAULT_FORMAT = 'YYYY-MM-DD';

const part = (signature: string, en: string, zh: string, field: 'year' | 'month' | 'day'): FunctionDef => ({
  category: 'date',
  signature,
  description: { en, zh },
  arity: { min: 1, max: 1 },
  params: [p.date()],
  result: returns('number', 'ifArgs'),
  strict: true,
  evaluate: ([d], ctx) => toLocal(date(d), ctx.timeZone)[field],
  sql: ([d = ''], ctx) => `extract(${field} from ${localSql(d, ctx)})::float8`,
});

/**
 * Whole days, months or years between two instants read on the local wall clock, as `dateDiff` counts them.
 * `age` of the two local midnights gives complete months and years with the same sign rules (and names each argument once).
 */
function dateDiffSql(start: string, end: string, unit: string, ctx: SqlContext): string {
  const s = localSql(start, ctx);
  const e = localSql(end, ctx);
  if (unit === 'days') return `(${e}::date - ${s}::date)::float8`;
  const age = `age(date_trunc('day', ${e}), date_trunc('day', ${s}))`;
  return unit === 'years' ? `extract(year from ${age})::float8` : `(extract(year from ${age}) * 12 + extract(month from ${age}))::float8`;
}

export const dateFunctions = {
  TODAY: {
    category: 'date',
    signature: 'TODAY()',
    description: { en: "Today's date (midnight in the table's time zone)", zh: '今天（所在时区的零点）' },
    arity: { min: 0, max: 0 },
    params: [],
    result: returns('date'),
    strict: false,
    evaluate: (_args, ctx) => fromLocal({ ...toLocal(ctx.now, ctx.timeZone), hour: 0, minute: 0, second: 0, millisecond: 0 }, ctx.timeZone),
    sql: (_args, ctx) => `(date_trunc('day', ${localSql(ctx.now(), ctx)}) at time zone ${ctx.tz()})`,
  },
  NOW: {
    category: 'date',
    signature: 'NOW()',
    description: { en: 'The current date and time', zh: '当前日期和时间' },
    arity: { min: 0, max: 0 },
    params: [],
    result: returns('date'),
    strict: false,
    evaluate: (_args, ctx) => ctx.now,
    sql: (_args, ctx) => ctx.now(),
  },
  YEAR: part('YEAR(date)', 'The year', '年份', 'year'),
  MONTH: part('MONTH(date)', 'The month, 1–12', '月份（1–12）', 'month'),
  DAY: part('DAY(date)', 'The day of the month, 1–31', '日（1–31）', 'day'),
  WEEKDAY: {
    category: 'date',
    signature: 'WEEKDAY(date)',
    description: { en: 'Day of the week: 1 = Sunday … 7 = Saturday', zh: '星期几：1 = 星期日 … 7 = 星期六' },
    arity: { min: 1, max: 1 },
    params: [p.date()],
    result: returns('number', 'ifArgs'),
    strict: true,
    evaluate: ([d], ctx) => new Date(utcMillis({ ...toLocal(date(d), ctx.timeZone), hour: 0 })).getUTCDay() + 1,
    sql: ([d = ''], ctx) => `(extract(dow from ${localSql(d, ctx)}) + 1)::float8`,
  },
  DATEADD: {
    category: 'date',
    signature: "DATEADD(date, count, 'days' | 'months' | 'years' | 'hours')",
    description: { en: 'The date moved by `count` units (whole units; month ends are clamped)', zh: '把日期加上 count 个单位（取整；月末自动对齐）' },
    arity: { min: 3, max: 3 },
    params: [p.date(), p.number(), p.literal("'days'", dateUnits)],
    result: returns('date', 'ifArgs'),
    strict: true,
    evaluate: ([d, n], ctx, nodes) => {
      const unit = literalOf(nodes[2]) as DateUnit;
      const amount = Math.trunc(num(n));
      return !(Math.abs(amount) <= ADD_LIMITS[unit]) ? errorValue('#NUM!') : addToDate(date(d), amount, unit, ctx.timeZone);
    },
    sql: ([d = '', n = ''], ctx, nodes) => {
      const unit = literalOf(nodes[2]) as DateUnit;
      const shifted = `(${localSql(d, ctx)} + make_interval(${unit} => trunc(${n})::int)) at time zone ${ctx.tz()}`;
      return `(CASE WHEN abs(trunc(${n})) <= ${ADD_LIMITS[unit]} THEN ${shifted} END)`;
    },
  },
  DATEDIF: {
    category: 'date',
    signature: "DATEDIF(start, end, 'days' | 'months' | 'years')",
    description: {
      en: 'Whole calendar days, months or years from start to end (negative if end is earlier)',
      zh: '从 start 到 end 的整天数、整月数或整年数（end 更早时为负）',
    },
    arity: { min: 3, max: 3 },
    params: [p.date(), p.date(), p.literal("'days'", DIFF_UNITS)],
    result: returns('number', 'ifArgs'),
    strict: true,
    evaluate: ([s, e], ctx, nodes) => dateDiff(date(s), date(e), literalOf(nodes[2]) as (typeof DIFF_UNITS)[number], ctx.timeZone),
    sql: ([s = '', e = ''], ctx, nodes) => dateDiffSql(s, e, literalOf(nodes[2]), ctx),
  },
  DATETIME_FORMAT: {
    category: 'date',
    signature: "DATETIME_FORMAT(date, ['YYYY-MM-DD'])",
    description: {
      en: 'The date as text; tokens YYYY YY MM M DD D HH H mm ss, [text] is literal',
      zh: '把日期格式化为文本；支持 YYYY YY MM M DD D HH H mm ss，[文字] 原样输出',
    },
    arity: { min: 1, max: 2 },
    params: [p.date(), p.literal("'YYYY-MM-DD'")],
    result: returns('text', 'ifArgs'),
    strict: true,
    evaluate: ([d], ctx, nodes) => formatLocal(toLocal(date(d), ctx.timeZone), parseDateFormat(nodes[1] ? literalOf(nodes[1]) : DEFAULT_FORMAT)),
    sql: ([d = ''], ctx, nodes) => `to_char(${localSql(d, ctx)}, ${ctx.text(toCharPattern(parseDateFormat(nodes[1] ? literalOf(nodes[1]) : DEFAULT_FORMAT)))})`,
  },
  DATE: {
    category: 'date',
    signature: 'DATE(year, month, day)',
    description: {
      en: 'The date at midnight; months and days past the end roll over (DATE(2024, 13, 1) is 2025-01-01)',
      zh: '构造日期（零点）；超出范围的月、日自动进位',
    },
    arity: { min: 3, max: 3 },
    params: [p.number(), p.number(), p.number()],
    result: returns('date'),
    strict: true,
    evaluate: ([y, m, d], ctx) => {
      const [year, month, day] = [num(y), num(m), num(d)].map(Math.trunc) as [number, number, number];
      if (!inDateRange(num(y), num(m), num(d))) return errorValue('#NUM!');
      return fromLocal({ year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 }, ctx.timeZone);
    },
    sql: ([y = '', m = '', d = ''], ctx) =>
      `(CASE WHEN ${y} >= 1 AND ${y} < 10000 AND abs(${m}) <= 12000 AND abs(${d}) <= 1000000 THEN (make_date(trunc(${y})::int, 1, 1) + make_interval(months => trunc(${m})::int - 1, days => trunc(${d})::int - 1)) at time zone ${ctx.tz()} END)`,
  },
} as const satisfies Record<string, FunctionDef>;

function inDateRange(y: number, m: number, d: number): boolean {
  return y >= 1 && y < 10000 && Math.abs(m) <= 12000 && Math.abs(d) <= 1_000_000;
}
