import type { Db } from './database.ts';

/**
 * Runs `fn` in a new transaction, or in the caller's when `db` already is one: a use case that builds on others (the
 * CRM template creates a base, its tables, views and automations) then commits or rolls back as a whole.
 * Kysely cannot nest transactions, so a service that opens its own must go through this.
 * @example return inTransaction(deps.db, async (trx) => { await trx.insertInto('bases')…; await publish(trx, rooms, event) })
 */
export function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
