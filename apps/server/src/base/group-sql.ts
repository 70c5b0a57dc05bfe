import { sql, type RawBuilder } from 'kysely';
import { choicesOf, type FieldMeta, type SortSpec } from '@concord/table-engine';
import { sortExpr, valueExpr, type RelatedTables } from './field-sql.ts';
import type { Db } from '../platform/db/database.ts';
import type { TableMeta } from './table-meta.ts';

const ARRAY_TYPES = new Set<FieldMeta['type']>(['multiSelect', 'person', 'department', 'link', 'lookup']);

/**
 * The two keys a grouping field orders by: its sort key (select option order, first person …), then the whole value, so
 * records with equal values sit together even when their sort keys tie (two multi-selects starting with one option).
 * Pages of records and the group counts use exactly these expressions, which is what keeps both in the same order.
 */
export function groupKeys(field: FieldMeta, related: RelatedTables): [RawBuilder<unknown>, RawBuilder<unknown>] {
  // An empty list and no value are the same "empty" group.
  const value = ARRAY_TYPES.has(field.type) ? sql`nullif(${valueExpr(field, related)}, '{}')` : valueExpr(field, related);
  if (field.type === 'multiSelect') {
    // Option ids are random: order combinations by their options' positions ([1] < [1, 2] < [2]), as people arranged them.
    const ids = choicesOf(field).map((c) => c.id);
    const positions = sql`array(select array_position(${sql.val(ids)}::text[], o.x) from unnest(${value}) with ordinality as o(x, n) order by o.n)`;
    return [sql`case when ${value} is null then null else ${positions} end`, value];
  }
  return [sortExpr(field, related), value];
}

const direction = (desc: boolean) => sql.raw(desc ? 'desc nulls last' : 'asc nulls last');

/** ORDER BY items putting records in group order (before the view's own sort). */
export function groupOrder(table: TableMeta, related: RelatedTables, groupBy: readonly SortSpec[]): RawBuilder<unknown>[] {
  return groupBy.flatMap((g) => {
    const f = table.byId.get(g.fieldId);
    return f ? groupKeys(f, related).map((k) => sql`${k} ${direction(g.desc)}`) : [];
  });
}

export interface GroupLeafRow {
  /** Raw values of the grouping fields, outermost first. */
  values: unknown[];
  count: number;
}

/**
 * Counts of the innermost groups in group order, computed in SQL over the visible records (`where` carries filter and
 * row rules). Grouping happens on the keys' output columns, so bound parameters inside them never have to match.
 */
export async function countGroups(
  db: Db,
  physical: RawBuilder<unknown>,
  table: TableMeta,
  related: RelatedTables,
  groupBy: readonly SortSpec[],
  where: RawBuilder<boolean> | null,
  limit: number,
): Promise<GroupLeafRow[]> {
  const fields = groupBy.map((g) => table.byId.get(g.fieldId)!);
  const inner = fields.flatMap((f, i) => {
    const [k, v] = groupKeys(f, related);
    return [sql`${k} as ${sql.id(`k${i}`)}`, sql`${v} as ${sql.id(`v${i}`)}`];
  });
  const cols = fields.flatMap((_, i) => [sql.id(`k${i}`), sql.id(`v${i}`)]);
  const order = groupBy.flatMap((g, i) => [sql`${sql.id(`k${i}`)} ${direction(g.desc)}`, sql`${sql.id(`v${i}`)} ${direction(g.desc)}`]);
  const res = await sql<Record<string, unknown>>`select ${sql.join(cols)}, count(*)::int as n
    from (select ${sql.join(inner)} from ${physical} t where ${where ?? sql<boolean>`true`}) g
    group by ${sql.join(cols)} order by ${sql.join(order)} limit ${limit}`.execute(db);
  return res.rows.map((r) => ({ values: fields.map((_, i) => r[`v${i}`]), count: Number(r.n) }));
}
