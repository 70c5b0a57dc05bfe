import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { physicalTable } from './table-meta.ts';

/**
 * The manual record order of a Base table (docs/base.md, "Record order"). Each record table has a float8 `position`
 * whose default comes from a per-table sequence kept at or above every position, so rows inserted without naming the
 * column (import, merge, undo, forms) land at the end. Inserting between two records takes evenly spaced values
 * between their positions; when those get too close for float8, the table is renumbered in one statement.
 */

/** The sequence's name, unquoted (the table id is checked by physicalTable: letters and digits only). */
function sequenceName(tableId: string): string {
  physicalTable(tableId);
  return `bt_${tableId}_position_seq`;
}

const sequence = (tableId: string) => sql.id(sequenceName(tableId));

/** Adds the position column, its sequence and its index to a new, empty record table. */
export async function addRecordPosition(trx: Db, tableId: string): Promise<void> {
  const table = physicalTable(tableId);
  await sql`create sequence ${sequence(tableId)}`.execute(trx);
  // DDL takes no parameters; the name is letters, digits and underscores, quoted for its capitals.
  await sql`alter table ${table} add column position float8 not null default nextval(${sql.lit(`"${sequenceName(tableId)}"`)})`.execute(trx);
  await sql`alter sequence ${sequence(tableId)} owned by ${table}.position`.execute(trx);
  await sql`create index ${sql.id(`bt_${tableId}_position_ix`)} on ${table} (position, seq)`.execute(trx);
}

/** Unsorted record order: manual position, then creation order for equal positions. */
export const positionOrder = (): RawBuilder<unknown> => sql`t.position asc, t.seq asc`;

export interface Slot {
  position: number;
  seq: number;
}

/** Position and seq of one record, if it exists and matches `visible`. */
export async function slotOf(db: Db, tableId: string, id: string, visible: RawBuilder<boolean> | null): Promise<Slot | null> {
  const res = await sql<{ position: number; seq: string }>`select t.position, t.seq from ${physicalTable(tableId)} t
    where t.id = ${id} and ${visible ?? sql<boolean>`true`}`.execute(db);
  const row = res.rows[0];
  return row ? { position: Number(row.position), seq: Number(row.seq) } : null;
}

/** The position of the nearest record before or after `slot` in the table's order, leaving out `exclude`. */
export async function neighbourPosition(db: Db, tableId: string, slot: Slot, side: 'before' | 'after', exclude: string[]): Promise<number | null> {
  const cmp =
    side === 'before'
      ? sql`(t.position, t.seq) < (${slot.position}::float8, ${slot.seq}::bigint)`
      : sql`(t.position, t.seq) > (${slot.position}::float8, ${slot.seq}::bigint)`;
  const dir = sql.raw(side === 'before' ? 'desc' : 'asc');
  const res = await sql<{ position: number }>`select t.position from ${physicalTable(tableId)} t
    where ${cmp} and t.id <> all(${sql.val(exclude)}::text[]) order by t.position ${dir}, t.seq ${dir} limit 1`.execute(db);
  return res.rows[0] ? Number(res.rows[0].position) : null;
}

/** Writes positions for records by id, and keeps the sequence above them so later inserts still land at the end. */
export async function setPositions(db: Db, tableId: string, ids: string[], positions: number[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`update ${physicalTable(tableId)} t set position = p.position
    from unnest(${sql.val(ids)}::text[], ${sql.val(positions)}::float8[]) as p(id, position) where t.id = p.id`.execute(db);
  await raiseSequence(db, tableId, Math.max(...positions));
}

/** Up to `limit` records from `slot` on (inclusive) or before it, nearest first. */
export async function around(db: Db, tableId: string, slot: Slot, side: 'before' | 'from', limit: number): Promise<{ id: string; position: number }[]> {
  const cmp =
    side === 'before'
      ? sql`(t.position, t.seq) < (${slot.position}::float8, ${slot.seq}::bigint)`
      : sql`(t.position, t.seq) >= (${slot.position}::float8, ${slot.seq}::bigint)`;
  const dir = sql.raw(side === 'before' ? 'desc' : 'asc');
  const res = await sql<{ id: string; position: number }>`select t.id, t.position from ${physicalTable(tableId)} t
    where ${cmp} order by t.position ${dir}, t.seq ${dir} limit ${limit}`.execute(db);
  return res.rows.map((r) => ({ id: r.id, position: Number(r.position) }));
}

/** Renumbers the whole table 1, 2, 3 … in its current order, in one statement. */
export async function renumber(db: Db, tableId: string): Promise<void> {
  const table = physicalTable(tableId);
  await sql`update ${table} t set position = r.n
    from (select id, row_number() over (order by position, seq)::float8 as n from ${table}) r
    where t.id = r.id and t.position <> r.n`.execute(db);
  const count = await sql<{ n: string }>`select count(*) as n from ${table}`.execute(db);
  await raiseSequence(db, tableId, Number(count.rows[0]?.n ?? 0));
}

/** Sets the sequence to at least `top`, never lowering it (rows inserted meanwhile may hold higher values). */
async function raiseSequence(db: Db, tableId: string, top: number): Promise<void> {
  const seq = sequence(tableId);
  const target = Math.ceil(top);
  if (!(target > 0)) return;
  await sql`select setval(${sql.lit(`"${sequenceName(tableId)}"`)}::regclass, greatest(s.last_value, ${target}::bigint), true)
    from ${seq} s where s.last_value < ${target}::bigint or not s.is_called`.execute(db);
}

/** Serialises position writes in one table until the transaction ends, so two inserts never take the same gap. */
export async function lockOrder(trx: Db, tableId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`base-order:${tableId}`}))`.execute(trx);
}

/** Positions of the records among `ids` that exist and match `visible`. */
export async function positionsOf(db: Db, tableId: string, ids: string[], visible: RawBuilder<boolean> | null = null): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const res = await sql<{ id: string; position: number }>`select t.id, t.position from ${physicalTable(tableId)} t
    where t.id = any(${sql.val(ids)}::text[]) and ${visible ?? sql<boolean>`true`}`.execute(db);
  return new Map(res.rows.map((r) => [r.id, Number(r.position)]));
}
