import { sql, type OperationNodeSource, type RawBuilder } from 'kysely';
import type { FieldMeta, SortSpec } from '@concord/table-engine';
import type { Db } from '../platform/db/database.ts';
import { columnSpecs } from './field-columns.ts';
import { sortExpr, valueExpr, type RelatedTables } from './field-sql.ts';
import { groupOrder, groupParts, readGroupPart, type GroupSpan } from './group-sql.ts';
import { physicalTable, type TableMeta } from './table-meta.ts';
import { positionOrder } from './record-position.repo.ts';

/** A record row as read: system columns plus one raw value per selected field, keyed by field id. */
export interface RecordRow {
  id: string;
  seq: number;
  version: number;
  created_at: Date;
  created_by: string | null;
  updated_at: Date;
  updated_by: string | null;
  values: Record<string, unknown>;
}

type RawRow = Omit<RecordRow, 'values'> & Record<string, unknown>;
const SYSTEM = ['id', 'seq', 'version', 'created_at', 'created_by', 'updated_at', 'updated_by'] as const;

function selectList(fields: FieldMeta[], related: RelatedTables): RawBuilder<unknown> {
  const cols = [
    sql`t.id, t.seq, t.version, t.created_at, t.created_by, t.updated_at, t.updated_by`,
    ...fields.map((f) => sql`${valueExpr(f, related)} as ${sql.id(`v_${f.id}`)}`),
  ];
  return sql.join(cols);
}

function toRow(raw: RawRow, fields: FieldMeta[]): RecordRow {
  const values: Record<string, unknown> = {};
  for (const f of fields) values[f.id] = raw[`v_${f.id}`];
  const row = { values } as RecordRow;
  for (const k of SYSTEM) (row as unknown as Record<string, unknown>)[k] = raw[k];
  row.seq = Number(row.seq);
  return row;
}

export interface PageQuery {
  where: RawBuilder<boolean> | null;
  sort: SortSpec[];
  /** Grouping fields: records come in group order first (see group-sql.ts). */
  groupBy?: readonly SortSpec[];
  /** The innermost groups the page overlaps, when the caller has them: each group is then read by its value. */
  groupSpans?: readonly GroupSpan[];
  offset: number;
  limit: number;
  /** Count matching records too (-1 when not asked, for the grid's later pages). */
  withTotal: boolean;
}

/** One page of records plus the total matching count. Ties always break by `seq`, so pages never overlap. */
export async function findPage(
  db: Db,
  table: TableMeta,
  related: RelatedTables,
  fields: FieldMeta[],
  q: PageQuery,
): Promise<{ rows: RecordRow[]; total: number }> {
  const where = q.where ?? sql<boolean>`true`;
  const inGroup = [
    ...q.sort.flatMap((s) => {
      const f = table.byId.get(s.fieldId);
      return f ? [sql`${sortExpr(f, related)} ${sql.raw(s.desc ? 'desc nulls last' : 'asc nulls last')}`] : [];
    }),
    // Unsorted: the manual order, which the (position, seq) index serves. Sorted views keep seq as the tie-break their
    // indexes end with (view-indexes.ts).
    q.sort.length ? sql`t.seq asc` : positionOrder(),
  ];
  const parts = q.groupBy?.length && q.groupSpans ? groupParts(table, related, q.groupBy, q.groupSpans, q.offset, q.limit) : null;
  // Unfiltered totals come from the count kept in the table row; filtered ones are counted, and only when asked.
  const count = !q.withTotal
    ? Promise.resolve(-1)
    : q.where
      ? sql<{ n: number }>`select count(*)::int as n from ${physicalTable(table.id)} t where ${where}`.execute(db).then((r) => Number(r.rows[0]?.n ?? 0))
      : db
          .selectFrom('base_tables')
          .select('record_count')
          .where('id', '=', table.id)
          .executeTakeFirst()
          .then((r) => Number(r?.record_count ?? 0));
  const page = (cond: RawBuilder<boolean>, lead: RawBuilder<unknown>[], offset: number, limit: number) =>
    sql<RawRow>`select ${selectList(fields, related)} from ${physicalTable(table.id)} t where ${cond} order by ${sql.join([...lead, ...inGroup])} limit ${limit} offset ${offset}`
      .execute(db)
      .then((r) => r.rows);
  const [rows, total] = await Promise.all([
    parts
      ? Promise.all(
          parts.map((p) => readGroupPart(db, physicalTable(table.id), sql<boolean>`(${where}) and ${p.where}`, p, inGroup, !q.sort.length, page)),
        ).then((r) => r.flat())
      : page(where, groupOrder(table, related, q.groupBy ?? []), q.offset, q.limit),
    count,
  ]);
  return { rows: rows.map((r) => toRow(r, fields)), total };
}

/** Records by id, optionally only those matching `visible` (row rules) and locked for update. */
export async function findByIds(
  db: Db,
  table: TableMeta,
  related: RelatedTables,
  fields: FieldMeta[],
  ids: string[],
  opts: { lock?: boolean; visible?: RawBuilder<boolean> | null } = {},
): Promise<RecordRow[]> {
  if (ids.length === 0) return [];
  const visible = opts.visible ?? sql<boolean>`true`;
  const lock = opts.lock ? sql`for update of t` : sql``;
  const res =
    await sql<RawRow>`select ${selectList(fields, related)} from ${physicalTable(table.id)} t where t.id = any(${sql.val(ids)}::text[]) and ${visible} order by t.seq ${lock}`.execute(
      db,
    );
  return res.rows.map((r) => toRow(r, fields));
}

/** Inserts records in chunks that stay under PostgreSQL's 65,535-parameter limit. */
export async function insertRecords(
  db: Db,
  table: TableMeta,
  rows: { id: string; values: Map<string, unknown> }[],
  actorId: string | null,
  /** Another write sent in the same statement as the last chunk (the history entry), saving a round trip. */
  alongWith?: OperationNodeSource,
): Promise<void> {
  const stored = table.fields.filter((f) => columnSpecs[f.type].sqlType);
  const perRow = stored.length + 3;
  const chunk = Math.max(1, Math.floor(60_000 / perRow));
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const cols = sql.join([sql.id('id'), sql.id('created_by'), sql.id('updated_by'), ...stored.map((f) => sql.id(f.id))]);
    const values = part.map(
      (r) =>
        sql`(${sql.join([r.id, actorId, actorId, ...stored.map((f) => cast(f, r.values.has(f.id) ? r.values.get(f.id) : f.type === 'checkbox' ? false : null))])})`,
    );
    const insert = sql`insert into ${physicalTable(table.id)} (${cols}) values ${sql.join(values)}`;
    // The last chunk carries the count update in the same statement: one round trip for a single record.
    if (i + chunk < rows.length) await insert.execute(db);
    else await adjustCount(db, table.id, rows.length, [insert, ...(alongWith ? [alongWith] : [])]);
  }
}

/** `with w0 as (…), w1 as (…) ` running these writes in the statement that follows (PostgreSQL runs each exactly once). */
function withWrites(writes: readonly (RawBuilder<unknown> | OperationNodeSource)[]): RawBuilder<unknown> {
  return writes.length ? sql`with ${sql.join(writes.map((w, i) => sql`${sql.id(`w${i}`)} as (${w})`))} ` : sql``;
}

async function adjustCount(db: Db, tableId: string, delta: number, alongWith: readonly (RawBuilder<unknown> | OperationNodeSource)[] = []): Promise<void> {
  if (delta === 0) return;
  const update = sql`update base_tables set record_count = record_count + ${delta} where id = ${tableId} returning record_count`;
  const res = await sql<{ record_count: number }>`${withWrites(alongWith)}${update}`.execute(db);
  const count = Number(res.rows[0]?.record_count);
  if (res.rows.length && delta > 0 && crossesPowerOfTwo(count - delta, count)) await refreshStatistics(db, tableId);
}

/** From 1,024 records on, each doubling of a table: about ten times in its life up to a million rows. */
export function crossesPowerOfTwo(before: number, after: number): boolean {
  if (after < 1024) return false;
  return Math.floor(Math.log2(Math.max(before, 1))) < Math.floor(Math.log2(after));
}

/**
 * Planner statistics for a grown table and its duplicate keys. PGlite never analyzes on its own and PostgreSQL lags a
 * fast-growing table; with statistics from when the table was small, the planner picks plans that read the whole table
 * (deleting one record's keys scanned every key row of the table).
 */
async function refreshStatistics(db: Db, tableId: string): Promise<void> {
  await sql`analyze ${physicalTable(tableId)}`.execute(db);
  await sql`analyze base_dedup_keys`.execute(db);
}

/** Parameters carry an explicit type so PostgreSQL never has to guess (arrays, jsonb, numerics). */
function cast(f: FieldMeta, v: unknown): RawBuilder<unknown> {
  const type = columnSpecs[f.type].sqlType;
  return type ? sql`${v}::${sql.raw(type)}` : sql`${v}`;
}

function updateOne(table: TableMeta, id: string, values: Map<string, unknown>, actorId: string | null): RawBuilder<unknown> {
  const sets = [...values]
    .filter(([fid]) => columnSpecs[table.byId.get(fid)!.type].sqlType)
    .map(([fid, v]) => sql`${sql.id(fid)} = ${cast(table.byId.get(fid)!, v)}`);
  sets.push(sql`version = version + 1`, sql`updated_at = now()`, sql`updated_by = ${actorId}`);
  return sql`update ${physicalTable(table.id)} set ${sql.join(sets)} where id = ${id}`;
}

export async function updateRecord(db: Db, table: TableMeta, id: string, values: Map<string, unknown>, actorId: string | null): Promise<void> {
  await updateOne(table, id, values, actorId).execute(db);
}

/**
 * {@link updateRecord} that also answers with the record as updated (null when `visible` excludes it), plus another
 * write in the same statement: one round trip instead of three. Only for tables without links: the answer is computed
 * from the updated row alone, so nothing in it may read other rows, which this statement sees as before.
 */
export async function updateRecordReturning(
  db: Db,
  table: TableMeta,
  fields: FieldMeta[],
  id: string,
  values: Map<string, unknown>,
  actorId: string | null,
  opts: { visible: RawBuilder<boolean> | null; alongWith?: OperationNodeSource },
): Promise<RecordRow | null> {
  if (table.fields.some((f) => f.type === 'link')) throw new Error('updateRecordReturning needs a table without links');
  const related: RelatedTables = new Map([[table.id, table]]);
  const also = opts.alongWith ? sql`${opts.alongWith}` : sql`select`;
  const res = await sql<RawRow>`with w as (${also}), u as (${updateOne(table, id, values, actorId)} returning *)
    select ${selectList(fields, related)} from u t where ${opts.visible ?? sql<boolean>`true`}`.execute(db);
  const row = res.rows[0];
  return row ? toRow(row, fields) : null;
}

export async function deleteRecords(db: Db, table: TableMeta, ids: string[]): Promise<string[]> {
  const res = await sql<{ id: string }>`delete from ${physicalTable(table.id)} where id = any(${sql.val(ids)}::text[]) returning id`.execute(db);
  await adjustCount(db, table.id, -res.rows.length);
  return res.rows.map((r) => r.id);
}

/** Replaces the links of one record in one link field (and mirrors them in the reverse field). */
export async function setLinks(db: Db, field: FieldMeta, reverseFieldId: string | null, fromId: string, toIds: string[]): Promise<void> {
  await db.deleteFrom('base_links').where('field_id', '=', field.id).where('from_id', '=', fromId).execute();
  if (reverseFieldId) await db.deleteFrom('base_links').where('field_id', '=', reverseFieldId).where('to_id', '=', fromId).execute();
  if (toIds.length === 0) return;
  await db
    .insertInto('base_links')
    .values(toIds.map((to, i) => ({ field_id: field.id, from_id: fromId, to_id: to, position: i })))
    .execute();
  if (reverseFieldId) {
    await db
      .insertInto('base_links')
      .values(toIds.map((to) => ({ field_id: reverseFieldId, from_id: to, to_id: fromId, position: 0 })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** Removes every link from or to deleted records. */
export async function unlinkRecords(db: Db, ids: string[]): Promise<void> {
  await db
    .deleteFrom('base_links')
    .where((eb) => eb.or([eb('from_id', 'in', ids), eb('to_id', 'in', ids)]))
    .execute();
}

export async function existingIds(db: Db, tableId: string, ids: string[], visible: RawBuilder<boolean> | null = null): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const res = await sql<{
    id: string;
  }>`select t.id from ${physicalTable(tableId)} t where t.id = any(${sql.val(ids)}::text[]) and ${visible ?? sql<boolean>`true`}`.execute(db);
  return new Set(res.rows.map((r) => r.id));
}
