import { sql, type RawBuilder } from 'kysely';
import { choicesOf, type FieldMeta, type SortSpec } from '@concord/table-engine';
import { sortExpr, valueExpr, type RelatedTables } from './field-sql.ts';
import type { Db } from '../platform/db/database.ts';
import type { TableMeta } from './table-meta.ts';
import { columnSpecs } from './field-columns.ts';

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

/** One innermost group the client knows from `queryRecordGroups`: its key and where its records sit in the order. */
export interface GroupSpan {
  key: string;
  start: number;
  count: number;
}

/** Rows `offset … offset + limit - 1` of the records matching `where`, ordered by `lead` and then the in-group order. */
export interface GroupPart {
  where: RawBuilder<boolean>;
  /** ORDER BY items before the in-group order: the group columns (constant here, so an index on them serves). */
  lead: RawBuilder<unknown>[];
  offset: number;
  limit: number;
}

/** SQL types whose value read back, put through JSON (the group key), compares equal to the stored value. */
const EXACT_TYPES = new Set(['text', 'text[]', 'double precision', 'numeric', 'boolean', 'timestamptz']);
const USER_COLUMN: Partial<Record<FieldMeta['type'], string>> = { createdBy: 'created_by', modifiedBy: 'updated_by' };
/** Near-unique or microsecond values: not worth it, or not exact through JSON. */
const SYSTEM_TYPES = new Set<FieldMeta['type']>(['autoNumber', 'createdTime', 'modifiedTime']);

/** The stored column a grouping field's value is, when equality on it can be written from the group key; else null. */
function groupColumn(field: FieldMeta): { col: string; type: string } | null {
  const user = USER_COLUMN[field.type];
  if (user) return { col: user, type: 'text' };
  if (SYSTEM_TYPES.has(field.type)) return null;
  const type = columnSpecs[field.type].sqlType;
  return type && EXACT_TYPES.has(type) ? { col: field.id, type } : null;
}

/** The column an index serves a grouping field's equality with, or null (view-indexes.ts). */
export function groupIndexColumn(field: FieldMeta): string | null {
  return groupColumn(field)?.col ?? null;
}

/** Whether a raw group value read from the key fits the column's type (anything else falls back to the plain query). */
function fits(type: string, v: unknown): boolean {
  switch (type) {
    case 'text':
      return typeof v === 'string';
    case 'text[]':
      return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string');
    case 'double precision':
      return typeof v === 'number' && Number.isFinite(v);
    case 'numeric':
      return (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(v));
    case 'boolean':
      return typeof v === 'boolean';
    case 'timestamptz':
      return typeof v === 'string' && !Number.isNaN(Date.parse(v));
    default:
      return false;
  }
}

/** The raw values of a leaf group's key (see toGroups in record-groups.service.ts), or null when it is not one. */
function keyValues(key: string, levels: number): unknown[] | null {
  try {
    const outer: unknown = JSON.parse(key);
    if (!Array.isArray(outer) || outer.length !== levels || !outer.every((s) => typeof s === 'string')) return null;
    return outer.map((s: string) => JSON.parse(s) as unknown);
  } catch {
    return null;
  }
}

/**
 * A grouped page read group by group: the part of the first group the page starts in (from its offset inside the
 * group), the groups it covers whole, and the start of the group it ends in. Each part finds its group by equality on
 * the stored columns, which the view's group index serves, instead of ordering the whole table by group keys and
 * skipping `offset` rows. Same rows in the same order as the plain query while `spans` match the data; null when the
 * spans do not fit the page or a grouping field cannot be matched by equality (the caller then runs the plain query).
 */
export function groupParts(
  table: TableMeta,
  related: RelatedTables,
  groupBy: readonly SortSpec[],
  spans: readonly GroupSpan[],
  offset: number,
  limit: number,
): GroupPart[] | null {
  const cols = groupBy.map((g) => {
    const f = table.byId.get(g.fieldId);
    return f ? groupColumn(f) : null;
  });
  if (cols.length === 0 || cols.some((c) => !c)) return null;
  const end = offset + limit;
  const over = spans.filter((s) => s.count > 0 && s.start < end && s.start + s.count > offset);
  if (over.length === 0 || over[0]!.start > offset) return null;
  for (let i = 1; i < over.length; i++) if (over[i]!.start !== over[i - 1]!.start + over[i - 1]!.count) return null;
  const matches: { where: RawBuilder<boolean>; lead: RawBuilder<unknown>[] }[] = [];
  for (const span of over) {
    const values = keyValues(span.key, cols.length);
    if (!values) return null;
    const conds: RawBuilder<boolean>[] = [];
    const lead: RawBuilder<unknown>[] = [];
    for (const [i, c] of cols.entries()) {
      const { col, type } = c!;
      const v = values[i];
      const ref = sql.ref(`t.${col}`);
      if (v === null) {
        // An empty list groups with no value (groupKeys); ordering by the column would split them, so no lead.
        if (type === 'text[]') conds.push(sql<boolean>`(${ref} is null or ${ref} = '{}')`);
        else {
          conds.push(sql<boolean>`${ref} is null`);
          lead.push(ref);
        }
        continue;
      }
      if (!fits(type, v)) return null;
      conds.push(sql<boolean>`${ref} = ${v}::${sql.raw(type)}`);
      lead.push(ref);
    }
    matches.push({ where: sql<boolean>`(${sql.join(conds, sql` and `)})`, lead });
  }
  const single = (i: number, from: number, n: number): GroupPart => ({ ...matches[i]!, offset: from, limit: n });
  const first = over[0]!;
  const firstEnd = first.start + first.count;
  const parts = [single(0, offset - first.start, Math.min(end, firstEnd) - offset)];
  if (over.length === 1) return parts;
  const last = over.length - 1;
  const lastPartial = over[last]!.start + over[last]!.count > end;
  const whole = Array.from({ length: (lastPartial ? last : last + 1) - 1 }, (_, k) => k + 1);
  if (whole.length === 1) parts.push(single(whole[0]!, 0, over[whole[0]!]!.count));
  else if (whole.length > 1)
    // Whole groups together hold fewer than `limit` rows: one query, ordered by the group keys like the plain query.
    parts.push({
      where: sql<boolean>`(${sql.join(
        whole.map((i) => matches[i]!.where),
        sql` or `,
      )})`,
      lead: groupOrder(table, related, groupBy),
      offset: 0,
      limit: whole.reduce((n, i) => n + over[i]!.count, 0),
    });
  if (lastPartial) parts.push(single(last, 0, end - over[last]!.start));
  return parts;
}

/** From this far into a group, an unsorted page first finds where it starts (below). */
const KEYSET_FROM = 1000;

/**
 * Reads one part. Deep inside a group of an unsorted view it first looks up the (position, seq) the page starts at,
 * which the group index answers without touching the table once PostgreSQL has vacuumed it (an index-only scan), then
 * reads the page from there; a plain OFFSET would fetch every skipped row.
 */
export async function readGroupPart<R>(
  db: Db,
  physical: RawBuilder<unknown>,
  cond: RawBuilder<boolean>,
  part: GroupPart,
  order: RawBuilder<unknown>[],
  manualOrder: boolean,
  read: (cond: RawBuilder<boolean>, lead: RawBuilder<unknown>[], offset: number, limit: number) => Promise<R[]>,
): Promise<R[]> {
  if (!manualOrder || part.offset < KEYSET_FROM) return read(cond, part.lead, part.offset, part.limit);
  const at = await sql<{ position: number; seq: string }>`select t.position, t.seq from ${physical} t where ${cond}
    order by ${sql.join([...part.lead, ...order])} limit 1 offset ${part.offset}`.execute(db);
  const row = at.rows[0];
  if (!row) return [];
  return read(sql<boolean>`${cond} and (t.position, t.seq) >= (${row.position}::float8, ${row.seq}::bigint)`, part.lead, 0, part.limit);
}
