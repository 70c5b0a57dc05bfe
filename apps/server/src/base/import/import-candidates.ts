import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { cellKeys, scopedKey, type ruleFields } from '../duplicate-keys.ts';

/**
 * The keys an import's rows look candidates up by, numbered: the rows' keys are made once, and candidate lookup then
 * indexes arrays by number instead of hashing the same long strings in several maps, millions of times.
 */
export interface RowKeys {
  /** Key id → the key as stored in base_dedup_keys ("<fieldId>:<key>"). */
  keys: string[];
  /** The other way round. */
  ids: ReadonlyMap<string, number>;
  /** Per row: the ids it looks up by (its blocking keys and typo-tolerant variants). */
  lookup: Int32Array[];
  /** Per row: the ids of its stored keys that some row looks up by (no later row can find it by the others). */
  stored: Int32Array[];
}

export function rowKeys(fields: ReturnType<typeof ruleFields>, rowTexts: Record<string, string>[]): RowKeys {
  const ids = new Map<string, number>();
  const keys: string[] = [];
  const storedText: string[][] = [];
  const lookup = rowTexts.map((t) => {
    const own: number[] = [];
    const stored: string[] = [];
    for (const { field, comparator } of fields) {
      const cell = cellKeys(comparator, t[field.id] ?? '');
      for (const key of cell.lookup) {
        const scoped = scopedKey(field.id, key);
        let id = ids.get(scoped);
        if (id === undefined) {
          id = keys.push(scoped) - 1;
          ids.set(scoped, id);
        }
        own.push(id);
      }
      for (const key of cell.stored) stored.push(scopedKey(field.id, key));
    }
    storedText.push(stored);
    return Int32Array.from(own);
  });
  const stored = storedText.map((s) => Int32Array.from(s.flatMap((k) => ids.get(k) ?? [])));
  return { keys, ids, lookup, stored };
}

const KEYS_PER_QUERY = 20_000;
/** Reading all of a table's keys beats probing the index once there are more lookup keys than this many per record. */
const SCAN_KEYS_PER_RECORD = 4;

/**
 * Existing records under each of the rows' keys: `byKey[keyId]` lists indexes into `ids`, in the order the database
 * returned them. A file with few keys for the table's size probes the key index with one `= any($1)` array parameter
 * per chunk; a file with many (100,000 rows, ~17 keys each) reads the table's stored keys once instead of probing a
 * million times. Both find exactly the equal keys.
 */
export async function existingCandidates(db: Db, tableId: string, rk: RowKeys): Promise<{ ids: string[]; byKey: (number[] | undefined)[] }> {
  const ids: string[] = [];
  const indexOf = new Map<string, number>();
  const byKey: (number[] | undefined)[] = new Array<number[] | undefined>(rk.keys.length);
  const add = (rows: { record_id: string; key: string }[]) => {
    for (const r of rows) {
      const k = rk.ids.get(r.key);
      if (k === undefined) continue;
      let x = indexOf.get(r.record_id);
      if (x === undefined) {
        x = ids.push(r.record_id) - 1;
        indexOf.set(r.record_id, x);
      }
      const list = byKey[k];
      if (list) list.push(x);
      else byKey[k] = [x];
    }
  };
  const count = await db.selectFrom('base_tables').select('record_count').where('id', '=', tableId).executeTakeFirst();
  if (rk.keys.length > Number(count?.record_count ?? 0) * SCAN_KEYS_PER_RECORD) {
    add((await sql<{ record_id: string; key: string }>`select record_id, key from base_dedup_keys where table_id = ${tableId}`.execute(db)).rows);
    return { ids, byKey };
  }
  for (let i = 0; i < rk.keys.length; i += KEYS_PER_QUERY)
    add(
      (
        await sql<{
          record_id: string;
          key: string;
        }>`select record_id, key from base_dedup_keys where key = any(${rk.keys.slice(i, i + KEYS_PER_QUERY)}::text[])`.execute(db)
      ).rows,
    );
  return { ids, byKey };
}
