import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { cellKeys, scopedKey, type ruleFields } from '../duplicate-keys.ts';
import { KeyIndex } from './key-index.ts';

/**
 * The keys an import's rows look candidates up by, numbered: the rows' keys are made once, and candidate lookup then
 * indexes arrays by number instead of hashing the same long strings in several maps, millions of times.
 */
export interface RowKeys {
  /** Key id → the key as stored in base_dedup_keys ("<fieldId>:<key>"). */
  keys: string[];
  /** Key id → the field it is a key of. */
  fieldOf: string[];
  /** The other way round. */
  ids: Pick<KeyIndex, 'find'>;
  /** Per row: the ids it looks up by (its blocking keys and typo-tolerant variants). */
  lookup: Int32Array[];
  /** Per row: the ids of its stored keys (the ones base_dedup_keys holds for it once written). */
  stored: Int32Array[];
}

export function rowKeys(fields: ReturnType<typeof ruleFields>, rowTexts: Record<string, string>[]): RowKeys {
  const ids = new KeyIndex();
  const keys = ids.strings;
  const fieldOf: string[] = [];
  const stored: Int32Array[] = [];
  const lookup = rowTexts.map((t) => {
    const own: number[] = [];
    const ownStored: number[] = [];
    for (const { field, comparator } of fields) {
      const prefix = scopedKey(field.id, '');
      for (const [key, isStored] of cellKeys(comparator, t[field.id] ?? '')) {
        const id = ids.add(prefix, key);
        if (id === fieldOf.length) fieldOf.push(field.id);
        own.push(id);
        if (isStored) ownStored.push(id);
      }
    }
    stored.push(Int32Array.from(ownStored));
    return Int32Array.from(own);
  });
  return { keys, fieldOf, ids, lookup, stored };
}

const KEYS_PER_QUERY = 20_000;
/** Reading all of a table's keys beats probing the key index once there are more lookup keys than this many per record. */
const SCAN_KEYS_PER_RECORD = 4;
/** Lookup keys per row, about (company core, trade name, pinyin, deletion variants; a phone), to choose before making them. */
const KEYS_PER_ROW = 12;

/**
 * How an import finds existing records by its rows' keys. A file with few rows for the table's size probes the key
 * index with one `= any($1)` array parameter per chunk; a file with many (100,000 rows, ~12 keys each) reads the table's
 * stored keys once instead of probing a million times, and that read starts now, so the database works on it while the
 * rows' keys are made. Both find exactly the equal keys.
 */
export async function candidateSource(db: Db, tableId: string, rowCount: number): Promise<(rk: RowKeys) => Promise<Candidates>> {
  const count = await db.selectFrom('base_tables').select('record_count').where('id', '=', tableId).executeTakeFirst();
  if (rowCount * KEYS_PER_ROW <= Number(count?.record_count ?? 0) * SCAN_KEYS_PER_RECORD)
    return async (rk) => {
      const parts: FoundKey[][] = [];
      for (let i = 0; i < rk.keys.length; i += KEYS_PER_QUERY)
        parts.push(
          (await sql<FoundKey>`select record_id, key from base_dedup_keys where key = any(${rk.keys.slice(i, i + KEYS_PER_QUERY)}::text[])`.execute(db)).rows,
        );
      return indexCandidates(rk, parts);
    };
  const scan = sql<FoundKey>`select record_id, key from base_dedup_keys where table_id = ${tableId}`.execute(db);
  // Awaited once the keys are made; until then a failure must not count as unhandled.
  scan.catch(() => undefined);
  // Lets the query reach the database before the caller computes for seconds.
  await new Promise<void>((resolve) => setImmediate(resolve));
  return async (rk) => indexCandidates(rk, [(await scan).rows]);
}

/** A key row of base_dedup_keys as candidate lookup reads it. */
interface FoundKey {
  record_id: string;
  key: string;
}

/** Existing records by the row key ids they were found under (see candidateSource). */
export interface Candidates {
  ids: string[];
  byKey: (number[] | undefined)[];
}

/** Numbers the records found under the rows' keys and lists them per key id, in the order given. */
export function indexCandidates(rk: RowKeys, parts: FoundKey[][]): Candidates {
  const ids: string[] = [];
  const indexOf = new Map<string, number>();
  const byKey: (number[] | undefined)[] = new Array<number[] | undefined>(rk.keys.length);
  for (const rows of parts)
    for (const r of rows) {
      const k = rk.ids.find(r.key);
      if (k < 0) continue;
      let x = indexOf.get(r.record_id);
      if (x === undefined) {
        x = ids.push(r.record_id) - 1;
        indexOf.set(r.record_id, x);
      }
      const list = byKey[k];
      if (list) list.push(x);
      else byKey[k] = [x];
    }
  return { ids, byKey };
}
