import { sql, type RawBuilder } from 'kysely';
import { fieldTypeDefs, operatorsFor, resolveDateOperand, type FieldMeta, type FilterCondition, type FilterNode, type OptionsOf } from '@concord/table-engine';
import { AppError } from '../platform/errors.ts';
import { findOption, parseNumber } from './field-columns.ts';
import { valueExpr, type RelatedTables } from './field-sql.ts';
import type { TableMeta } from './table-meta.ts';

export interface FilterContext {
  table: TableMeta;
  related: RelatedTables;
  now: Date;
  /** The signed-in person, for "me" in person conditions. */
  userId: string | null;
}

const invalid = (en: string, zh: string) => new AppError('validation', 'base.filter.invalid', { en, zh }, { feishuCode: 1254018 });
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Compiles a filter tree to a SQL predicate over the record row `t`. Values are always parameters. */
export function filterToSql(node: FilterNode, ctx: FilterContext): RawBuilder<boolean> {
  if (node.kind === 'group') {
    if (node.children.length === 0) return sql<boolean>`true`;
    const parts = node.children.map((c) => filterToSql(c, ctx));
    return sql<boolean>`(${sql.join(parts, node.conjunction === 'and' ? sql` and ` : sql` or `)})`;
  }
  const field = ctx.table.byId.get(node.fieldId);
  if (!field) throw invalid(`Unknown field ${node.fieldId} in filter`, `筛选条件中的字段 ${node.fieldId} 不存在`);
  if (!operatorsFor(field.type).includes(node.operator)) {
    throw invalid(`Operator ${node.operator} does not apply to ${field.name}`, `运算符 ${node.operator} 不适用于字段 ${field.name}`);
  }
  return condition(field, node, ctx);
}

function condition(field: FieldMeta, c: FilterCondition, ctx: FilterContext): RawBuilder<boolean> {
  const raw = valueExpr(field, ctx.related);
  // Created/modified by hold one person id; compare them like one-element person lists.
  const v = field.type === 'createdBy' || field.type === 'modifiedBy' ? sql`array_remove(array[${raw}]::text[], null)` : raw;
  const kind = fieldTypeDefs[field.type].valueKind;
  const isArray = kind === 'multiSelect' || kind === 'user' || kind === 'department' || kind === 'link' || field.type === 'lookup';
  if (c.operator === 'isEmpty')
    return isArray
      ? sql<boolean>`coalesce(cardinality(${v}), 0) = 0`
      : kind === 'text'
        ? sql<boolean>`coalesce(${v}::text, '') = ''`
        : sql<boolean>`${v} is null`;
  if (c.operator === 'isNotEmpty') return sql<boolean>`not (${condition(field, { ...c, operator: 'isEmpty' }, ctx)})`;
  switch (kind) {
    case 'text':
    case 'computed':
      return textCondition(isArray ? sql`array_to_string(${v}, ' ')` : sql`${v}::text`, c, field);
    case 'number':
      return compare(v, c, numbers(c, field));
    case 'date':
      return dateCondition(v, c, field, ctx);
    case 'boolean':
      return sql<boolean>`coalesce(${v}, false) = ${c.values[0] === 'true' || c.values[0] === '1'}`;
    case 'select':
    case 'multiSelect': {
      const ids = c.values.map((name) => optionId(field, name));
      if (kind === 'select') {
        const anyOf = sql<boolean>`${v} = any(${sql.val(ids)}::text[])`;
        return c.operator === 'isNot' || c.operator === 'doesNotContain' ? sql<boolean>`(${v} is null or not ${anyOf})` : anyOf;
      }
      return arrayCondition(v, ids, c);
    }
    case 'user':
    case 'department':
    case 'link':
      return arrayCondition(
        v,
        c.values.map((x) => (x === 'me' && ctx.userId ? ctx.userId : x)),
        c,
      );
    case 'attachment':
      throw invalid(`Attachments can only be filtered by empty / not empty`, `附件字段只能按“为空/不为空”筛选`);
  }
}

function textCondition(v: RawBuilder<unknown>, c: FilterCondition, field: FieldMeta): RawBuilder<boolean> {
  const values = c.values.filter((x) => x !== '');
  if (values.length === 0) return sql<boolean>`true`;
  const one = (x: string): RawBuilder<boolean> => {
    switch (c.operator) {
      case 'is':
        return sql<boolean>`lower(${v}) = lower(${x})`;
      case 'isNot':
        return sql<boolean>`lower(coalesce(${v}, '')) <> lower(${x})`;
      case 'contains':
        return sql<boolean>`${v} ilike ${'%' + likeEscape(x) + '%'}`;
      case 'doesNotContain':
        return sql<boolean>`coalesce(${v}, '') not ilike ${'%' + likeEscape(x) + '%'}`;
      default: {
        // Computed values compared by order: numeric when the operand is a number.
        const n = parseNumber(x);
        if (n === null) throw invalid(`${field.name}: ${c.operator} needs a number`, `${field.name}：${c.operator} 需要数字`);
        return compare(sql`(${v})::double precision`, c, [n]);
      }
    }
  };
  const negative = c.operator === 'isNot' || c.operator === 'doesNotContain';
  return sql<boolean>`(${sql.join(values.map(one), negative ? sql` and ` : sql` or `)})`;
}

function numbers(c: FilterCondition, field: FieldMeta): number[] {
  return c.values.map((x) => {
    const n = parseNumber(x);
    if (n === null) throw invalid(`${field.name}: ${JSON.stringify(x)} is not a number`, `${field.name}：${JSON.stringify(x)} 不是数字`);
    return n;
  });
}

function compare(v: RawBuilder<unknown>, c: FilterCondition, operands: number[]): RawBuilder<boolean> {
  const n = operands[0];
  if (n === undefined) return sql<boolean>`true`;
  switch (c.operator) {
    case 'is':
      return sql<boolean>`${v} = ${n}`;
    case 'isNot':
      return sql<boolean>`${v} is distinct from ${n}`;
    case 'isGreater':
      return sql<boolean>`${v} > ${n}`;
    case 'isGreaterEqual':
      return sql<boolean>`${v} >= ${n}`;
    case 'isLess':
      return sql<boolean>`${v} < ${n}`;
    case 'isLessEqual':
      return sql<boolean>`${v} <= ${n}`;
    default:
      return sql<boolean>`true`;
  }
}

function dateCondition(v: RawBuilder<unknown>, c: FilterCondition, field: FieldMeta, ctx: FilterContext): RawBuilder<boolean> {
  const tz = field.type === 'date' ? (field.options as OptionsOf<'date'>).timeZone : 'Asia/Shanghai';
  const operand = c.date ?? (c.values[0] !== undefined ? { kind: 'exact' as const, at: Number(c.values[0]) } : undefined);
  if (!operand || (operand.kind === 'exact' && !Number.isFinite(operand.at))) throw invalid(`${field.name}: a date is required`, `${field.name}：需要日期`);
  const r = resolveDateOperand(operand, ctx.now, tz);
  switch (c.operator) {
    case 'is':
      return sql<boolean>`(${v} >= ${r.start} and ${v} < ${r.end})`;
    case 'isNot':
      return sql<boolean>`(${v} is null or ${v} < ${r.start} or ${v} >= ${r.end})`;
    case 'isGreater':
      return sql<boolean>`${v} >= ${r.end}`;
    case 'isGreaterEqual':
      return sql<boolean>`${v} >= ${r.start}`;
    case 'isLess':
      return sql<boolean>`${v} < ${r.start}`;
    case 'isLessEqual':
      return sql<boolean>`${v} < ${r.end}`;
    default:
      return sql<boolean>`true`;
  }
}

function arrayCondition(v: RawBuilder<unknown>, ids: string[], c: FilterCondition): RawBuilder<boolean> {
  const arr = sql`${sql.val(ids)}::text[]`;
  switch (c.operator) {
    case 'is':
      return sql<boolean>`(coalesce(${v}, '{}') @> ${arr} and coalesce(${v}, '{}') <@ ${arr})`;
    case 'isNot':
      return sql<boolean>`not (coalesce(${v}, '{}') @> ${arr} and coalesce(${v}, '{}') <@ ${arr})`;
    case 'contains':
      return sql<boolean>`coalesce(${v}, '{}') && ${arr}`;
    case 'doesNotContain':
      return sql<boolean>`not (coalesce(${v}, '{}') && ${arr})`;
    default:
      return sql<boolean>`true`;
  }
}

function optionId(field: FieldMeta, name: string): string {
  const o = findOption(field, name);
  if (!o) throw invalid(`${field.name} has no option ${JSON.stringify(name)}`, `${field.name} 没有选项 ${JSON.stringify(name)}`);
  return o.id;
}
