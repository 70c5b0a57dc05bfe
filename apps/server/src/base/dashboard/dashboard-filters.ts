import { sql, type RawBuilder } from 'kysely';
import { fieldTypeDefs } from '@concord/table-engine';
import type { DashboardFilter, DashboardFilterValue } from '@concord/contracts';
import { AppError } from '../../platform/errors.ts';
import { valueExpr, type RelatedTables } from '../field-sql.ts';
import type { TableMeta } from '../table-meta.ts';
import { badWidget } from './group-keys.ts';

const badValue = (label: string) =>
  new AppError('validation', 'base.dashboard.filter_value', { en: `Invalid value for the filter ${label}`, zh: `筛选条件“${label}”的值无效` });

/** Checks a filter's targets name fields of the right type (at write time, against the unrestricted tables). */
export function checkFilterTarget(filter: DashboardFilter, table: TableMeta, fieldId: string): void {
  const field = table.byId.get(fieldId);
  if (!field) throw badWidget(`Filter ${filter.label}: unknown field ${fieldId}`, `筛选条件“${filter.label}”：字段 ${fieldId} 不存在`);
  const kind = fieldTypeDefs[field.type].valueKind;
  const fits = filter.kind === 'date' ? kind === 'date' : filter.kind === 'person' ? kind === 'user' : kind === 'user' || kind === 'department';
  if (!fits) throw badWidget(`Filter ${filter.label} cannot apply to ${field.name}`, `筛选条件“${filter.label}”不能用于字段 ${field.name}`);
}

/** Departments and everything below them. */
const subtree = (ids: readonly string[]) =>
  sql`(with recursive d(id) as (select id from departments where id = any(${sql.val(ids)}::text[]) union select c.id from departments c join d on c.parent_id = d.id) select id from d)`;

/**
 * The predicate the dashboard's filters add for one table, with the viewer's chosen values. Empty values apply nothing.
 * A target field the viewer cannot see fails the widget rather than being ignored, so no number silently means something else.
 */
export function dashboardFilterSql(
  filters: readonly DashboardFilter[],
  values: Readonly<Record<string, DashboardFilterValue>>,
  table: TableMeta,
  related: RelatedTables,
): RawBuilder<boolean> | null {
  const parts: RawBuilder<boolean>[] = [];
  for (const filter of filters) {
    const value = values[filter.id];
    const target = filter.targets.find((t) => t.tableId === table.id);
    if (value === undefined || !target) continue;
    const field = table.byId.get(target.fieldId);
    if (!field) throw badWidget(`Filter ${filter.label}: unknown field ${target.fieldId}`, `筛选条件“${filter.label}”：字段 ${target.fieldId} 不存在`);
    const v = valueExpr(field, related);
    const single = field.type === 'createdBy' || field.type === 'modifiedBy';
    if (filter.kind === 'date') {
      if (Array.isArray(value)) throw badValue(filter.label);
      if (value.from !== null) parts.push(sql<boolean>`${v} >= ${new Date(value.from)}`);
      if (value.to !== null) parts.push(sql<boolean>`${v} < ${new Date(value.to)}`);
      continue;
    }
    if (!Array.isArray(value)) throw badValue(filter.label);
    if (value.length === 0) continue;
    const arr = single ? sql`array[${v}]::text[]` : sql`coalesce(${v}, '{}')`;
    if (filter.kind === 'person') parts.push(sql<boolean>`${arr} && ${sql.val(value)}::text[]`);
    else if (fieldTypeDefs[field.type].valueKind === 'department') parts.push(sql<boolean>`${arr} && array${subtree(value)}`);
    else parts.push(sql<boolean>`${arr} && array(select ud.user_id from user_departments ud where ud.department_id in ${subtree(value)})`);
  }
  return parts.length ? sql<boolean>`(${sql.join(parts, sql` and `)})` : null;
}
