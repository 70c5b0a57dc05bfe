import { sql, type RawBuilder } from 'kysely';
import {
  analyzeFormula,
  choicesOf,
  compileToSql,
  fieldTypeDefs,
  formulaTypeOfField,
  type FieldMeta,
  type FormulaType,
  type OptionsOf,
} from '@concord/table-engine';
import { physicalTable, type TableMeta } from './table-meta.ts';

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

// Formulas: mutually recursive with valueExpr (a formula reads fields; a field may be a formula), hence one module.

const MARK = '\u0000';
const DEFAULT_TZ = 'Asia/Shanghai';

/** The formula type of any field, resolving lookups, rollups and other formulas (cycles resolve to unknown). */
export function formulaTypeResolver(table: TableMeta, related: RelatedTables, seen = new Set<string>()) {
  const resolve = (f: FieldMeta): FormulaType | undefined => {
    if (seen.has(f.id)) return undefined;
    switch (f.type) {
      case 'rollup': {
        const o = f.options as OptionsOf<'rollup'>;
        return o.function === 'concat' ? 'text' : o.function === 'min' || o.function === 'max' ? targetType(o) : 'number';
      }
      case 'lookup': {
        const t = targetType(f.options as OptionsOf<'lookup'>);
        return t && !t.endsWith('[]') && t !== 'unknown' ? (`${t}[]` as FormulaType) : 'text[]';
      }
      case 'formula': {
        const r = analyze(f, table, related, new Set([...seen, f.id]));
        return r.ok ? r.value.type : undefined;
      }
      default:
        return formulaTypeOfField(f);
    }
  };
  const targetType = (o: { linkFieldId: string; targetFieldId: string }) => {
    const target = linkedTarget(o.linkFieldId, o.targetFieldId, related);
    return target ? formulaTypeOfField(target.field, resolve) : undefined;
  };
  return resolve;
}

function analyze(field: FieldMeta, table: TableMeta, related: RelatedTables, seen: Set<string>) {
  return analyzeFormula((field.options as OptionsOf<'formula'>).expression, {
    fields: (name) => table.byName.get(name),
    selfFieldId: field.id,
    resolveType: formulaTypeResolver(table, related, seen),
  });
}

/**
 * A field's value as formulas see it: display names for selects, people and links, float8 numbers, and other
 * formulas compiled in place.
 */
function formulaColumn(field: FieldMeta, table: TableMeta, related: RelatedTables, seen: Set<string>): RawBuilder<unknown> {
  const v = valueExpr(field, related);
  switch (field.type) {
    case 'singleSelect':
    case 'multiSelect': {
      const ids = choicesOf(field).map((c) => c.id);
      const names = choicesOf(field).map((c) => c.name);
      const name = (x: RawBuilder<unknown>) => sql`(${sql.val(names)}::text[])[array_position(${sql.val(ids)}::text[], ${x})]`;
      return field.type === 'singleSelect' ? name(v) : sql`array(select ${name(sql.ref('o.x'))} from unnest(${v}) with ordinality as o(x, n) order by o.n)`;
    }
    case 'person':
      return sql`array(select u.name from unnest(${v}) with ordinality as o(x, n) join users u on u.id = o.x order by o.n)`;
    case 'department':
      return sql`array(select d.name from unnest(${v}) with ordinality as o(x, n) join departments d on d.id = o.x order by o.n)`;
    case 'createdBy':
    case 'modifiedBy':
      return sql`(select u.name from users u where u.id = ${v})`;
    case 'link': {
      const target = related.get((field.options as OptionsOf<'link'>).tableId);
      const primary = target?.byId.get(target.primaryFieldId);
      if (!target || !primary) return sql`'{}'::text[]`;
      return sql`array(select ${valueExpr(primary, related, 'x')}::text from base_links l join ${physicalTable(target.id)} x on x.id = l.to_id where l.field_id = ${field.id} and l.from_id = t.id order by l.position, x.seq)`;
    }
    case 'attachment':
      return sql`array(select a->>'name' from jsonb_array_elements(coalesce(${v}, '[]'::jsonb)) a)`;
    case 'currency':
    case 'autoNumber':
      return sql`(${v})::float8`;
    case 'formula':
      return seen.has(field.id) ? sql`null` : formulaExpr(field, table, related, seen);
    default:
      return v;
  }
}

/**
 * Compiles a formula field to a SQL expression over the record row `t`. A formula that no longer checks (a field it
 * used was deleted or changed type) reads as empty rather than failing the whole query.
 */
export function formulaExpr(field: FieldMeta, table: TableMeta, related: RelatedTables, seen = new Set<string>()): RawBuilder<unknown> {
  const checked = analyze(field, table, related, new Set([...seen, field.id]));
  if (!checked.ok) return sql`null`;
  const pieces: RawBuilder<unknown>[] = [];
  const params: unknown[] = [];
  const columns: string[] = [];
  const text = compileToSql(checked.value.ast, {
    timeZone: DEFAULT_TZ,
    param: (value) => `${MARK}p${params.push(value) - 1}${MARK}`,
    column: (fieldId) => `${MARK}c${columns.push(fieldId) - 1}${MARK}`,
  });
  // The compiler speaks in placeholders; stitch its text back together with Kysely values and column expressions.
  text.split(MARK).forEach((part, i) => {
    if (i % 2 === 0) pieces.push(sql.raw(part));
    else if (part.startsWith('p')) pieces.push(sql`${params[Number(part.slice(1))]}`);
    else {
      const f = table.byId.get(columns[Number(part.slice(1))]!);
      pieces.push(f ? sql`(${formulaColumn(f, table, related, new Set([...seen, field.id]))})` : sql`null`);
    }
  });
  return sql`(${sql.join(pieces, sql``)})`;
}
