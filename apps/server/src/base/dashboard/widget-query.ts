import { sql, type RawBuilder } from 'kysely';
import { choicesOf, fieldTypeDefs, type FieldMeta, type FilterNode } from '@concord/table-engine';
import type { WidgetAgg, WidgetData, WidgetSpec, MeasureAgg } from '@concord/contracts';
import type { Db } from '../../platform/db/database.ts';
import { formulaTypeResolver, valueExpr, type RelatedTables } from '../field-sql.ts';
import { filterToSql } from '../filter-to-sql.ts';
import type { TableMeta } from '../table-meta.ts';
import * as records from '../record.repo.ts';
import { toApiValues } from '../record-values.ts';
import { badWidget, groupKey, keyComparator, labelsFor, timeZoneOf, type GroupKey } from './group-keys.ts';
import { periodRange } from './periods.ts';
import { aggregate, firstIds, type AggregateQuery } from './chunk-cache.ts';

/** Everything a widget's SQL needs: the table as the viewer sees it and the predicate of the records it may count. */
export interface WidgetScope {
  /** The table without the viewer's hidden fields: widgets cannot name what the viewer cannot see. */
  table: TableMeta;
  related: RelatedTables;
  /** Row rules, the view's filter, the widget's filter and the dashboard filters, combined. */
  where: RawBuilder<boolean>;
  now: Date;
  userId: string | null;
  locale: 'en' | 'zh-CN';
}

/** Groups returned by one chart query at most; beyond this a chart is unreadable anyway. */
const MAX_GROUPS = 10_000;

function fieldOf(scope: WidgetScope, fieldId: string | null, what: string): FieldMeta {
  const field = fieldId ? scope.table.byId.get(fieldId) : undefined;
  if (!field) throw badWidget(`${what}: unknown field ${fieldId ?? ''}`, `${what}：字段 ${fieldId ?? ''} 不存在`);
  return field;
}

/** A field's value as a number for sum/avg/min/max: number fields, and rollups/formulas that yield numbers. */
function numericExpr(scope: WidgetScope, fieldId: string | null): RawBuilder<unknown> {
  const field = fieldOf(scope, fieldId, 'Measure');
  const kind = fieldTypeDefs[field.type].valueKind;
  const numeric = kind === 'number' || (kind === 'computed' && field.type !== 'lookup' && formulaTypeResolver(scope.table, scope.related)(field) === 'number');
  if (!numeric) throw badWidget(`${field.name} is not a number field`, `字段 ${field.name} 不是数字`);
  return sql`(${valueExpr(field, scope.related)})::double precision`;
}

/** The aggregate columns of one query, each computed per chunk and merged (chunk-cache.ts). */
type Aggs = AggregateQuery['aggs'];
/** Reads a measure's final value from a merged row's values. */
type Finish = (values: readonly (number | null)[]) => number | null;

const filtered = (when: RawBuilder<boolean> | null) => (when ? sql` filter (where ${when})` : sql``);

/** Adds the mergeable parts of `agg` to `aggs`: an average is a sum and a count, a rate two counts. */
function partialAgg(aggs: Aggs, agg: WidgetAgg, value: RawBuilder<unknown> | null, when: RawBuilder<boolean> | null): Finish {
  const at = aggs.length;
  const f = filtered(when);
  switch (agg) {
    case 'count':
      aggs.push({ expr: sql`count(*)${f}::double precision`, merge: 'sum' });
      return (v) => v[at] ?? 0;
    case 'sum':
      aggs.push({ expr: sql`sum(${value})${f}`, merge: 'sum' });
      // A sum over no records is 0; an average, minimum or maximum over none is empty.
      return (v) => v[at] ?? 0;
    case 'avg':
      aggs.push({ expr: sql`sum(${value})${f}`, merge: 'sum' }, { expr: sql`count(${value})${f}::double precision`, merge: 'sum' });
      return (v) => (v[at + 1] ? v[at]! / v[at + 1]! : null);
    case 'min':
    case 'max':
      aggs.push({ expr: sql`${sql.raw(agg)}(${value})${f}`, merge: agg });
      return (v) => v[at] ?? null;
  }
}

function partialMeasure(aggs: Aggs, scope: WidgetScope, m: { agg: MeasureAgg; fieldId: string | null; rateFilter: FilterNode | null }): Finish {
  if (m.agg === 'rate') {
    if (!m.rateFilter) throw badWidget('A rate needs the filter of records that count as converted', '转化率需要设置“已转化”的筛选条件');
    const hit = filterToSql(m.rateFilter, { table: scope.table, related: scope.related, now: scope.now, userId: scope.userId });
    const hits = partialAgg(aggs, 'count', null, hit);
    const all = partialAgg(aggs, 'count', null, null);
    return (v) => (all(v) ? hits(v)! / all(v)! : null);
  }
  return partialAgg(aggs, m.agg, m.agg === 'count' ? null : numericExpr(scope, m.fieldId), null);
}

const query = (scope: WidgetScope, parts: Partial<AggregateQuery> & Pick<AggregateQuery, 'aggs'>): AggregateQuery => ({
  table: scope.table,
  keys: [],
  joins: [],
  where: scope.where,
  ...parts,
});

type NumberSpec = Extract<WidgetSpec, { kind: 'number' }>;

export async function numberData(db: Db, scope: WidgetScope, spec: NumberSpec): Promise<WidgetData> {
  const value = spec.agg === 'count' ? null : numericExpr(scope, spec.fieldId);
  const aggs: Aggs = [];
  if (!spec.comparison) {
    const finish = partialAgg(aggs, spec.agg, value, null);
    const [row] = await aggregate(db, query(scope, { aggs }), scope.now.getTime());
    return { kind: 'number', value: row ? finish(row.values) : spec.agg === 'count' || spec.agg === 'sum' ? 0 : null, previous: null, change: null };
  }
  const dateField = fieldOf(scope, spec.comparison.dateFieldId, 'Comparison');
  if (fieldTypeDefs[dateField.type].valueKind !== 'date') throw badWidget(`${dateField.name} is not a date field`, `字段 ${dateField.name} 不是日期`);
  const d = valueExpr(dateField, scope.related);
  const tz = timeZoneOf(dateField);
  const cur = periodRange(spec.comparison.period, scope.now, tz);
  const prev = periodRange(spec.comparison.period, scope.now, tz, -1);
  const [curWhen, prevWhen] =
    spec.comparison.mode === 'in_period'
      ? [sql<boolean>`${d} >= ${cur.start} and ${d} < ${cur.end}`, sql<boolean>`${d} >= ${prev.start} and ${d} < ${prev.end}`]
      : [null, sql<boolean>`${d} < ${cur.start}`];
  const current = partialAgg(aggs, spec.agg, value, curWhen);
  const previous = partialAgg(aggs, spec.agg, value, prevWhen);
  const [row] = await aggregate(db, query(scope, { aggs }), scope.now.getTime());
  const empty = spec.agg === 'count' || spec.agg === 'sum' ? 0 : null;
  const v = row ? current(row.values) : empty;
  const p = row ? previous(row.values) : empty;
  return { kind: 'number', value: v, previous: p, change: v !== null && p !== null && p !== 0 ? (v - p) / Math.abs(p) : null };
}

type ChartSpec = Extract<WidgetSpec, { kind: 'bar' | 'line' | 'pie' }>;

export async function chartData(db: Db, scope: WidgetScope, spec: ChartSpec): Promise<WidgetData> {
  const g1 = groupKey(fieldOf(scope, spec.groupBy.fieldId, 'Group by'), spec.groupBy.bucket, scope.related, 'g1');
  const g2: GroupKey | null = spec.series ? groupKey(fieldOf(scope, spec.series.fieldId, 'Series'), spec.series.bucket, scope.related, 'g2') : null;
  const aggs: Aggs = [];
  const measure = partialMeasure(aggs, scope, spec.measure);
  const groupKeys = g2 ? [g1, g2] : [g1];
  const merged = await aggregate(
    db,
    query(scope, {
      keys: groupKeys.map((g) => ({ expr: g.key, out: g.out })),
      joins: groupKeys.flatMap((g) => (g.join ? [g.join] : [])),
      aggs,
    }),
    scope.now.getTime(),
  );
  const res = merged.slice(0, MAX_GROUPS).map((r) => ({ k1: r.keys[0] ?? null, k2: r.keys[1] ?? null, m: measure(r.values) }));

  const totals = new Map<string | null, number>();
  for (const r of res) totals.set(r.k1, (totals.get(r.k1) ?? 0) + (r.m ?? 0));
  const byKey = keyComparator(g1.field);
  const cats = [...totals.keys()].sort((a, b) => {
    if (spec.sort.by === 'value') return (spec.sort.desc ? -1 : 1) * ((totals.get(a) ?? 0) - (totals.get(b) ?? 0)) || byKey(a, b);
    return (spec.sort.desc ? -1 : 1) * byKey(a, b);
  });
  const categories = cats.slice(0, spec.limit);
  const seriesKeys = g2 ? [...new Set(res.map((r) => r.k2))].sort(keyComparator(g2.field)) : [null];
  const cell = new Map(res.map((r) => [`${r.k1 ?? '\u0000'}|${r.k2 ?? '\u0000'}`, r.m]));
  const [catLabels, seriesLabels] = await Promise.all([
    labelsFor(db, g1.field, categories, scope.locale),
    g2 ? labelsFor(db, g2.field, seriesKeys, scope.locale) : Promise.resolve(new Map<string | null, string>()),
  ]);
  const measureLabel = spec.measure.fieldId ? (scope.table.byId.get(spec.measure.fieldId)?.name ?? '') : '';
  return {
    kind: spec.kind,
    categories: categories.map((k) => ({ key: k, label: catLabels.get(k) ?? String(k) })),
    series: seriesKeys.map((s) => ({
      key: s,
      label: g2 ? (seriesLabels.get(s) ?? String(s)) : measureLabel,
      // A category missing from a series has no records there: 0 for counts and sums, empty for averages and rates.
      values: categories.map((k) => cell.get(`${k ?? '\u0000'}|${s ?? '\u0000'}`) ?? (spec.measure.agg === 'count' || spec.measure.agg === 'sum' ? 0 : null)),
    })),
  };
}

type FunnelSpec = Extract<WidgetSpec, { kind: 'funnel' }>;

/** Counts per step; cumulative funnels count a record at a later step as having passed the earlier ones. */
export async function funnelData(db: Db, scope: WidgetScope, spec: FunnelSpec): Promise<WidgetData> {
  const field = fieldOf(scope, spec.fieldId, 'Funnel');
  if (field.type !== 'singleSelect') throw badWidget(`A funnel needs a single-select field; ${field.name} is not one`, `漏斗需要单选字段，${field.name} 不是`);
  const options = new Map(choicesOf(field).map((c) => [c.id, c.name]));
  const unknown = spec.steps.find((s) => !options.has(s));
  if (unknown) throw badWidget(`${field.name} has no option ${unknown}`, `字段 ${field.name} 没有选项 ${unknown}`);
  const aggs: Aggs = [];
  const count = partialAgg(aggs, 'count', null, null);
  const rows = await aggregate(db, query(scope, { keys: [{ expr: valueExpr(field, scope.related), out: (k) => k }], aggs }), scope.now.getTime());
  const at = new Map(rows.map((r) => [r.keys[0] ?? null, count(r.values) ?? 0]));
  const direct = spec.steps.map((s) => at.get(s) ?? 0);
  const reached = spec.cumulative ? direct.map((_, i) => direct.slice(i).reduce((a, b) => a + b, 0)) : direct;
  const ratio = (a: number, b: number | undefined) => (b ? a / b : null);
  return {
    kind: 'funnel',
    steps: spec.steps.map((optionId, i) => ({
      optionId,
      label: options.get(optionId) ?? optionId,
      count: reached[i]!,
      conversion: i === 0 ? null : ratio(reached[i]!, reached[i - 1]),
      overall: ratio(reached[i]!, reached[0]),
    })),
  };
}

type TableSpec = Extract<WidgetSpec, { kind: 'table' }>;

export async function tableData(db: Db, scope: WidgetScope, spec: TableSpec): Promise<WidgetData> {
  const fields = spec.fieldIds.map((id) => fieldOf(scope, id, 'Column'));
  for (const s of spec.sort) fieldOf(scope, s.fieldId, 'Sort');
  const page = (d: Db, where: RawBuilder<boolean>, withFields: FieldMeta[]) =>
    records.findPage(d, scope.table, scope.related, withFields, { where, sort: spec.sort, offset: 0, limit: spec.limit, withTotal: false });
  // Both the rows and the total come from the chunk cache, so after one change only that change's chunk is read again.
  const ids = await firstIds(db, scope.table, scope.where, spec.limit, async (d, where) => (await page(d, where, [])).rows, scope.now.getTime());
  const rows = (await page(db, ids ? sql<boolean>`(${scope.where}) and t.id = any(${sql.val(ids)}::text[])` : scope.where, fields)).rows;
  const aggs: Aggs = [];
  const count = partialAgg(aggs, 'count', null, null);
  const [totalRow] = await aggregate(db, query(scope, { aggs }), scope.now.getTime());
  const values = await toApiValues(db, fields, rows);
  return { kind: 'table', fieldIds: spec.fieldIds, rows: rows.map((r, i) => ({ id: r.id, fields: values[i]! })), total: totalRow ? count(totalRow.values)! : 0 };
}

/** Computes one widget. Throws AppError for settings that do not fit the table (the caller reports it per widget). */
export function widgetData(db: Db, scope: WidgetScope, spec: WidgetSpec): Promise<WidgetData> {
  switch (spec.kind) {
    case 'number':
      return numberData(db, scope, spec);
    case 'bar':
    case 'line':
    case 'pie':
      return chartData(db, scope, spec);
    case 'funnel':
      return funnelData(db, scope, spec);
    case 'table':
      return tableData(db, scope, spec);
  }
}
