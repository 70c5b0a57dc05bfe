import { sql, type RawBuilder } from 'kysely';
import { choicesOf, fieldTypeDefs, type FieldMeta, type OptionsOf } from '@concord/table-engine';
import { physicalTable, type TableMeta } from './table-meta.ts';
import { formulaExpr } from './formula-sql.ts';

/** Tables that lookups and rollups read from, keyed by table id. */
export type RelatedTables = ReadonlyMap<string, TableMeta>;

const col = (alias: string, id: string) => sql.ref(`${alias}.${id}`);

/** Columns every record table has; system field types read them. */
const SYSTEM_COLUMN = { autoNumber: 'seq', createdTime: 'created_at', modifiedTime: 'updated_at', createdBy: 'created_by', modifiedBy: 'updated_by' } as const;

/**
 * The SQL expression giving a field's value for the record row aliased `alias`. Stored fields are their column;
 * links, lookups and rollups are correlated subqueries over base_links; system fields read system columns.
 */
export function valueExpr(field: FieldMeta, related: RelatedTables, alias = 't'): RawBuilder<unknown> {
  switch (field.type) {
    case 'autoNumber':
    case 'createdTime':
    case 'modifiedTime':
    case 'createdBy':
    case 'modifiedBy':
      return col(alias, SYSTEM_COLUMN[field.type]);
    case 'link': {
      // Reverse links all sit at position 0, so ties fall back to the linked records' creation order.
      const target = physicalTable((field.options as OptionsOf<'link'>).tableId);
      return sql`coalesce((select array_agg(l.to_id order by l.position, x.seq) from base_links l join ${target} x on x.id = l.to_id where l.field_id = ${field.id} and l.from_id = ${col(alias, 'id')}), '{}'::text[])`;
    }
    case 'lookup':
    case 'rollup': {
      const o = field.options as OptionsOf<'lookup'> & Partial<OptionsOf<'rollup'>>;
      const target = linkedTarget(o.linkFieldId, o.targetFieldId, related);
      if (!target) return sql`null`;
      const inner = valueExpr(target.field, related, 'x');
      const from = sql`from base_links l join ${physicalTable(target.table.id)} x on x.id = l.to_id where l.field_id = ${o.linkFieldId} and l.from_id = ${col(alias, 'id')}`;
      if (field.type === 'lookup') return sql`(select array_agg(${inner} order by l.position, x.seq) ${from})`;
      switch (o.function) {
        case 'count':
          return sql`(select count(*)::double precision ${from})`;
        case 'concat':
          return sql`(select string_agg(${inner}::text, ', ' order by l.position, x.seq) ${from})`;
        case 'sum':
          return sql`(select coalesce(sum(${inner}::double precision), 0) ${from})`;
        case 'avg':
          return sql`(select avg(${inner}::double precision) ${from})`;
        case 'min':
          return sql`(select min(${inner}) ${from})`;
        case 'max':
          return sql`(select max(${inner}) ${from})`;
        default:
          return sql`null`;
      }
    }
    case 'formula': {
      // Formulas reference fields of their own table, which is always in `related`.
      const table = [...related.values()].find((t) => t.byId.get(field.id) === field);
      return table ? formulaExpr(field, table, related) : sql`null`;
    }
    default:
      return col(alias, field.id);
  }
}

/** The table and field a lookup/rollup reads through its link field. */
export function linkedTarget(linkFieldId: string, targetFieldId: string, related: RelatedTables): { table: TableMeta; field: FieldMeta } | null {
  for (const t of related.values()) {
    const link = t.byId.get(linkFieldId);
    if (link?.type === 'link') {
      const table = related.get((link.options as OptionsOf<'link'>).tableId);
      const field = table?.byId.get(targetFieldId);
      return table && field ? { table, field } : null;
    }
  }
  return null;
}

/** Sort key: selects sort by option order (as people arrange them), arrays by their first element; blanks last. */
export function sortExpr(field: FieldMeta, related: RelatedTables): RawBuilder<unknown> {
  const v = valueExpr(field, related);
  switch (fieldTypeDefs[field.type].valueKind) {
    case 'select': {
      const ids = choicesOf(field).map((c) => c.id);
      return sql`array_position(${sql.val(ids)}::text[], ${v})`;
    }
    case 'multiSelect':
    case 'department':
    case 'link':
      return sql`(${v})[1]`;
    case 'user':
      return field.type === 'person' ? sql`(${v})[1]` : v;
    default:
      return v;
  }
}
