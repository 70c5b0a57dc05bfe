import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { newId } from '../platform/ids.ts';

/** `move`: a record's place in the manual order changed (`position` holds the old one); undoable, not shown as a change. */
export type HistoryAction = 'create' | 'update' | 'delete' | 'restore' | 'merge' | 'move';
export type Changes = Record<string, { old: unknown; new: unknown }>;

/** Records one user action on many records as one batch (so undo reverts it as a whole). Values are database-form. */
export async function writeHistory(
  trx: Db,
  tableId: string,
  actorId: string | null,
  action: HistoryAction,
  /** `position`: where a deleted or moved record stood in the manual order. */
  entries: { id: string; changes: Changes; position?: number }[],
  /** Share a batch id with other entries of the same user action (a merge: one update plus deletes). */
  batchId: string = newId('hb', 12),
): Promise<void> {
  if (entries.length === 0) return;
  for (let i = 0; i < entries.length; i += HISTORY_CHUNK)
    await historyInsert(trx, tableId, actorId, action, entries.slice(i, i + HISTORY_CHUNK), batchId).execute();
}

/** Entries one {@link historyInsert} may hold. */
export const HISTORY_CHUNK = 1000;

/**
 * The insert of up to {@link HISTORY_CHUNK} entries as one statement, for a caller that sends it along with its own
 * write (a `with` clause) to save a round trip; {@link writeHistory} otherwise. With `when`, the entries are written
 * only if it holds in the statement carrying the insert (a guarded update that may write nothing).
 */
export function historyInsert(
  trx: Db,
  tableId: string,
  actorId: string | null,
  action: HistoryAction,
  entries: { id: string; changes: Changes; position?: number }[],
  batchId: string = newId('hb', 12),
  when?: RawBuilder<boolean>,
) {
  const into = trx.insertInto('base_record_history');
  if (when) {
    const rows = entries.map(
      (e) => sql`(${tableId}, ${e.id}, ${actorId}, ${action}, ${batchId}, ${JSON.stringify(e.changes)}::jsonb, ${e.position ?? null}::float8)`,
    );
    return into
      .columns(['table_id', 'record_id', 'actor_id', 'action', 'batch_id', 'changes', 'position'])
      .expression(sql`select v.* from (values ${sql.join(rows)}) as v where ${when}`);
  }
  return into.values(
    entries.map((e) => ({
      table_id: tableId,
      record_id: e.id,
      actor_id: actorId,
      action,
      batch_id: batchId,
      changes: JSON.stringify(e.changes),
      position: e.position ?? null,
    })),
  );
}

/** A new record's values as changes from empty (blank values left out), so "field changed to X" fires when a record starts as X. */
export function changesFromEmpty(values: Iterable<readonly [string, unknown]>): Changes {
  const changes: Changes = {};
  for (const [k, v] of values) if (v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)) changes[k] = { old: null, new: v };
  return changes;
}

export async function listHistory(db: Db, tableId: string, recordId: string, limit = 200) {
  return db
    .selectFrom('base_record_history as h')
    .leftJoin('users as u', 'u.id', 'h.actor_id')
    .select(['h.id', 'h.at', 'h.actor_id', 'u.name as actor_name', 'h.action', 'h.changes', 'h.undone'])
    .where('h.table_id', '=', tableId)
    .where('h.record_id', '=', recordId)
    .where('h.action', '<>', 'move')
    .$narrowType<{ action: Exclude<HistoryAction, 'move'> }>()
    .orderBy('h.id', 'desc')
    .limit(limit)
    .execute();
}

/** The actor's most recent change in a table that has not been undone (undo itself is not undoable this way). */
export async function lastUndoableBatch(trx: Db, tableId: string, actorId: string) {
  const last = await trx
    .selectFrom('base_record_history')
    .select('batch_id')
    .where('table_id', '=', tableId)
    .where('actor_id', '=', actorId)
    .where('undone', '=', false)
    .where('action', '<>', 'restore')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last) return null;
  const rows = await trx
    .selectFrom('base_record_history')
    .select(['id', 'record_id', 'action', 'changes', 'position'])
    .where('batch_id', '=', last.batch_id)
    .orderBy('id', 'desc')
    .execute();
  return { batchId: last.batch_id, rows };
}

export async function markUndone(trx: Db, batchId: string): Promise<void> {
  await trx.updateTable('base_record_history').set({ undone: true }).where('batch_id', '=', batchId).execute();
}
