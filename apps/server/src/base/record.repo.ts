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
  const perRow = table.fields.filter((f) => columnSpecs[f.type].sqlType).length + 3;
  const chunk = Math.max(1, Math.floor(60_000 / perRow));
  for (let i = 0; i < rows.length; i += chunk) {
    const insert = insertStatement(table, rows.slice(i, i + chunk), actorId);
    // The last chunk carries the count update in the same statement: one round trip for a single record.
    if (i + chunk < rows.length) await insert.execute(db);
    else await adjustCount(db, table.id, rows.length, [insert, ...(alongWith ? [alongWith] : [])]);
  }
}

/** `insert into <record table> (…) values (…), …` for these rows; fields not given are null (checkboxes false). */
function insertStatement(table: TableMeta, rows: readonly { id: string; values: Map<string, unknown> }[], actorId: string | null): RawBuilder<unknown> {
  const stored = table.fields.filter((f) => columnSpecs[f.type].sqlType);
  const cols = sql.join([sql.id('id'), sql.id('created_by'), sql.id('updated_by'), ...stored.map((f) => sql.id(f.id))]);
  const values = rows.map(
    (r) =>
      sql`(${sql.join([r.id, actorId, actorId, ...stored.map((f) => cast(f, r.values.has(f.id) ? r.values.get(f.id) : f.type === 'checkbox' ? false : null))])})`,
  );
  return sql`insert into ${physicalTable(table.id)} (${cols}) values ${sql.join(values)}`;
}

/** Writes another statement carries along with its own (history, outbox). */
type AlongWith = readonly (RawBuilder<unknown> | OperationNodeSource)[];

/** `w0 as (…), w1 as (…)`: these writes as named `with` items (PostgreSQL runs each exactly once). */
const writeItems = (writes: AlongWith): RawBuilder<unknown>[] => writes.map((w, i) => sql`${sql.id(`w${i}`)} as (${w})`);

/** `with w0 as (…), … ` running these writes in the statement that follows. */
function withWrites(writes: AlongWith): RawBuilder<unknown> {
  return writes.length ? sql`with ${sql.join(writeItems(writes))} ` : sql``;
}

async function adjustCount(db: Db, tableId: string, delta: number, alongWith: AlongWith = []): Promise<void> {
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
  // jsonb read back (history, undo, a guarded update) arrives parsed; as a parameter an array would go as a PostgreSQL array.
  const param = type === 'jsonb' && v !== null && v !== undefined && typeof v !== 'string' ? JSON.stringify(v) : v;
  return type ? sql`${param}::${sql.raw(type)}` : sql`${param}`;
}

function updateOne(
  table: TableMeta,
  id: string,
  values: Map<string, unknown>,
  actorId: string | null,
  also: RawBuilder<boolean> = sql<boolean>`true`,
): RawBuilder<unknown> {
  const sets = [...values]
    .filter(([fid]) => columnSpecs[table.byId.get(fid)!.type].sqlType)
    .map(([fid, v]) => sql`${sql.id(fid)} = ${cast(table.byId.get(fid)!, v)}`);
  sets.push(sql`version = version + 1`, sql`updated_at = now()`, sql`updated_by = ${actorId}`);
  return sql`update ${physicalTable(table.id)} set ${sql.join(sets)} where id = ${id} and ${also}`;
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
  assertNoLinks(table, 'updateRecordReturning');
  const ctes = [...writeItems(opts.alongWith ? [opts.alongWith] : []), sql`u as (${updateOne(table, id, values, actorId)} returning *)`];
  const raw = await answer(db, ctes, 'u', fields, table, opts);
  return raw?.concord_visible ? toRow(raw, fields) : null;
}

function assertNoLinks(table: TableMeta, what: string): void {
  if (table.fields.some((f) => f.type === 'link')) throw new Error(`${what} needs a table without links`);
}

/** The answer of a single-record statement over its written row `src`: the record, whether `visible` keeps it, and `evaluate` once. */
async function answer(
  db: Db,
  ctes: RawBuilder<unknown>[],
  src: string,
  fields: FieldMeta[],
  table: TableMeta,
  opts: { visible: RawBuilder<boolean> | null; evaluate?: RawBuilder<unknown> },
  extra: RawBuilder<unknown> = sql`null`,
): Promise<(RawRow & { concord_visible: boolean; concord_extra: unknown }) | null> {
  const related: RelatedTables = new Map([[table.id, table]]);
  // Not filtered by `visible`: `evaluate` (the outbox NOTIFY) must run whenever the row was written, seen or not.
  const res = await sql<RawRow & { concord_visible: boolean; concord_extra: unknown }>`with ${sql.join(ctes)}
    select ${selectList(fields, related)}, (${opts.visible ?? sql<boolean>`true`}) as concord_visible, ${extra} as concord_extra,
      ${opts.evaluate ? sql`(select ${opts.evaluate})` : sql`null`} as concord_evaluated
    from ${sql.id(src)} t`.execute(db);
  return res.rows[0] ?? null;
}

/**
 * Inserts one record and answers with it as `fields` show it (null when `visible` excludes it), carrying the record
 * count and `alongWith` in the same statement: alone, a single create is one round trip and its own transaction.
 * Only for tables without links, as {@link updateRecordReturning}.
 */
export async function insertRecordReturning(
  db: Db,
  table: TableMeta,
  fields: FieldMeta[],
  row: { id: string; values: Map<string, unknown> },
  actorId: string | null,
  opts: { visible: RawBuilder<boolean> | null; alongWith: AlongWith; evaluate?: RawBuilder<unknown> },
): Promise<RecordRow | null> {
  assertNoLinks(table, 'insertRecordReturning');
  const ctes = [
    ...writeItems(opts.alongWith),
    sql`n as (update base_tables set record_count = record_count + 1 where id = ${table.id} returning record_count)`,
    sql`i as (${insertStatement(table, [row], actorId)} returning *)`,
  ];
  const raw = await answer(db, ctes, 'i', fields, table, opts, sql`(select record_count from n)`);
  const count = Number(raw?.concord_extra);
  if (crossesPowerOfTwo(count - 1, count)) await refreshStatistics(db, table.id);
  return raw?.concord_visible ? toRow(raw, fields) : null;
}

/**
 * {@link updateRecordReturning} for a caller that read the record without a lock: the row is written only if its
 * version and the changed columns still hold what `before` has, and `alongWith(written)` are to be writes guarded by
 * `written`. Needs no transaction. Null when the row changed since it was read (the caller then locks and retries);
 * otherwise the record as updated, null when `visible` excludes it.
 */
export async function updateRecordIfUnchanged(
  db: Db,
  table: TableMeta,
  fields: FieldMeta[],
  before: RecordRow,
  values: Map<string, unknown>,
  actorId: string | null,
  opts: { visible: RawBuilder<boolean> | null; alongWith: (written: RawBuilder<boolean>) => AlongWith; evaluate?: RawBuilder<unknown> },
): Promise<{ row: RecordRow | null } | null> {
  assertNoLinks(table, 'updateRecordIfUnchanged');
  const unchanged = [
    sql`version = ${before.version}::integer`,
    ...[...values.keys()]
      .filter((fid) => columnSpecs[table.byId.get(fid)!.type].sqlType)
      .map((fid) => sql`${sql.id(fid)} is not distinct from ${cast(table.byId.get(fid)!, before.values[fid])}`),
  ];
  const ctes = [
    sql`u as (${updateOne(table, before.id, values, actorId, sql.join(unchanged, sql` and `))} returning *)`,
    ...writeItems(opts.alongWith(sql<boolean>`exists (select from u)`)),
  ];
  const raw = await answer(db, ctes, 'u', fields, table, opts);
  if (!raw) return null;
  return { row: raw.concord_visible ? toRow(raw, fields) : null };
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
