import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { physicalTable, type TableMeta } from '../table-meta.ts';

/**
 * Results over a record table computed per chunk of 65,536 records (by seq) and cached per instance, so a dashboard over
 * 1,000,000 records re-reads only the chunks changed since it last looked: the base_record_changes log (filled by
 * triggers on every record table) says which, by transaction id. Grouped aggregates merge their chunks' partial results;
 * a table widget keeps each chunk's first rows and orders their union. See docs/dashboards.md.
 */

/** Must match `seq >> 16` in base_note_record_changes (migration 2026-11-24-16-record-changes.sql). */
const CHUNK_BITS = 16;
const CHUNK = 2 ** CHUNK_BITS;
/** Rows one query may return (groups × chunks); beyond this a chart is unreadable anyway. */
const MAX_ROWS = 160_000;
/** Results cached per instance; a result with more rows than this is not kept. */
const CACHE_SIZE = 300;
const CACHE_ROWS = 20_000;
/**
 * A result whose conditions read the directory (row rules and filters on departments and reports) is recomputed in full
 * after this long: the change log does not cover the directory, so this bounds how stale it can get. Other results live
 * until their table's fields change or the cache evicts them.
 */
const MAX_AGE_MS = 5 * 60_000;
/** How long the change log is kept. */
export const RECORD_CHANGES_RETENTION_MS = 3_600_000;
/** A result not brought up to date for this long may have missed pruned change-log rows: recomputed in full. */
const MAX_IDLE_MS = RECORD_CHANGES_RETENTION_MS / 2;

/** How partial aggregates of two chunks combine: counts and sums add up. */
export type Merge = 'sum' | 'min' | 'max';

export interface AggregateQuery {
  table: TableMeta;
  /** Group keys over the table aliased `t`; `out` turns a grouped value into the text key returned. */
  keys: { expr: RawBuilder<unknown>; out: (grouped: RawBuilder<unknown>) => RawBuilder<unknown> }[];
  /** Lateral joins the keys need (multi-value fields). */
  joins: RawBuilder<unknown>[];
  where: RawBuilder<boolean>;
  /** Aggregates whose per-chunk results combine with `merge` (an average is a sum and a count). */
  aggs: { expr: RawBuilder<unknown>; merge: Merge }[];
}

export interface AggregateRow {
  keys: (string | null)[];
  values: (number | null)[];
}

/** Per-chunk results, null for a whole-table read. */
type ChunkRun<T> = (db: Db, chunks: readonly number[] | null) => Promise<Map<number, T[]>>;

interface Entry {
  snapshot: string;
  /** When computed in full, and when last brought up to date with the change log. */
  at: number;
  checked: number;
  chunks: Map<number, unknown[]>;
}

// Per database, so test apps sharing a process never share results.
const caches = new WeakMap<Db, Map<string, Entry>>();

/** A seq range condition per chunk, so the unique index on seq finds a chunk's rows without reading the others. */
const inChunks = (chunks: readonly number[]) =>
  sql<boolean>`(${sql.join(
    chunks.map((c) => sql`t.seq >= ${sql.lit(c * CHUNK)} and t.seq < ${sql.lit((c + 1) * CHUNK)}`),
    sql` or `,
  )})`;

function statement(q: AggregateQuery, chunks: readonly number[] | null): RawBuilder<Record<string, unknown>> {
  const inner = [
    // Exactly the expression of the table's statistics (migration 2026-11-24-21), so the planner knows there are few chunks.
    sql`t.seq >> ${sql.lit(CHUNK_BITS)} as c`,
    ...q.keys.map((k, i) => sql`${k.expr} as ${sql.id(`k${i}`)}`),
    ...q.aggs.map((a, i) => sql`${a.expr} as ${sql.id(`a${i}`)}`),
  ];
  const outer = [
    sql`s.c`,
    ...q.keys.map((k, i) => sql`${k.out(sql.ref(`s.k${i}`))} as ${sql.id(`k${i}`)}`),
    ...q.aggs.map((_, i) => sql.ref(`s.a${i}`)),
  ];
  const only = chunks ? sql` and ${inChunks(chunks)}` : sql``;
  const groupBy = sql.raw(Array.from({ length: q.keys.length + 1 }, (_, i) => String(i + 1)).join(', '));
  return sql`select ${sql.join(outer)} from (select ${sql.join(inner)} from ${physicalTable(q.table.id)} t ${sql.join(q.joins, sql` `)}
    where (${q.where})${only} group by ${groupBy} limit ${sql.lit(MAX_ROWS)}) s`;
}

const toNum = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

async function runAggregate(db: Db, q: AggregateQuery, chunks: readonly number[] | null): Promise<Map<number, AggregateRow[]>> {
  const res = await statement(q, chunks).execute(db);
  const out = new Map<number, AggregateRow[]>();
  for (const r of res.rows) {
    const c = Number(r.c);
    let list = out.get(c);
    if (!list) out.set(c, (list = []));
    list.push({ keys: q.keys.map((_, i) => (r[`k${i}`] ?? null) as string | null), values: q.aggs.map((_, i) => toNum(r[`a${i}`])) });
  }
  return out;
}

function combine(merge: Merge, a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return merge === 'sum' ? a + b : merge === 'min' ? Math.min(a, b) : Math.max(a, b);
}

/** Combines the chunks' partial aggregates into one row per group. */
function mergeChunks(q: AggregateQuery, chunks: Map<number, AggregateRow[]>): AggregateRow[] {
  const groups = new Map<string, AggregateRow>();
  for (const rows of chunks.values()) {
    for (const row of rows) {
      const key = JSON.stringify(row.keys);
      const g = groups.get(key);
      if (!g) groups.set(key, { keys: row.keys, values: [...row.values] });
      else g.values = g.values.map((v, i) => combine(q.aggs[i]!.merge, v, row.values[i]!));
    }
  }
  return [...groups.values()];
}

/** A query that reads other record tables or links (lookups, rollups, link fields) changes when they do: not cached. */
function readsOnlyItsTable(text: string, tableId: string): boolean {
  if (text.includes('base_links')) return false;
  for (const m of text.matchAll(/"bt_([A-Za-z0-9]+)"/g)) if (m[1] !== tableId) return false;
  return true;
}

/** Conditions with a sub-query read the directory (departments, reports): their results age (MAX_AGE_MS). */
const readsDirectory = (db: Db, parts: RawBuilder<unknown>[]) => /\bselect\b/i.test(sql.join(parts).compile(db).sql);

function remember(cache: Map<string, Entry>, key: string, entry: Entry): void {
  cache.delete(key);
  let rows = 0;
  for (const list of entry.chunks.values()) rows += list.length;
  if (rows > CACHE_ROWS) return;
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, entry);
}

/**
 * Per-chunk results for `key`. The first call computes every chunk; later calls recompute only the chunks changed
 * since, inside one repeatable-read transaction so the change log and the re-read agree on what "since" means.
 */
/** Chunks changed since `snapshot`, with the snapshot of the reading statement. */
async function changesSince(db: Db, tableId: string, snapshot: string): Promise<{ now: string; chunks: number[] }> {
  // One statement, so its snapshot and the log rows it sees agree.
  const res = await sql<{ now: string; chunks: number[] }>`select pg_current_snapshot()::text as now, array(
      select distinct chunk from base_record_changes
      where table_id = ${tableId} and xid >= pg_snapshot_xmin(${snapshot}::pg_snapshot)
        and not pg_visible_in_snapshot(xid, ${snapshot}::pg_snapshot)) as chunks`.execute(db);
  const row = res.rows[0]!;
  return { now: row.now, chunks: row.chunks.map(Number) };
}

/**
 * Per-chunk results for `key`. The first call computes every chunk; later calls recompute only the chunks changed
 * since, inside one repeatable-read transaction so the change log and the re-read agree on what "since" means.
 */
async function byChunk<T>(
  db: Db,
  tableId: string,
  key: string,
  run: ChunkRun<T>,
  now: number,
  ages: boolean,
): Promise<Map<number, T[]>> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const cached = cache.get(key);
  const usable = cached && now - cached.checked <= MAX_IDLE_MS && (!ages || now - cached.at <= MAX_AGE_MS) ? cached : null;
  if (usable) {
    // Nothing changed (the common case): one statement, no transaction.
    const since = await changesSince(db, tableId, usable.snapshot);
    if (since.chunks.length === 0) {
      remember(cache, key, { ...usable, snapshot: since.now, checked: now });
      return usable.chunks as Map<number, T[]>;
    }
  }
  const entry = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx): Promise<Entry> => {
      if (!usable) {
        // The first statement fixes the transaction's snapshot; the read below is as of it.
        const snap = await sql<{ s: string }>`select pg_current_snapshot()::text as s`.execute(trx);
        return { snapshot: snap.rows[0]!.s, at: now, checked: now, chunks: await run(trx, null) };
      }
      const since = await changesSince(trx, tableId, usable.snapshot);
      const fresh = await run(trx, since.chunks);
      const chunks = new Map(usable.chunks);
      for (const c of since.chunks) {
        const rows = fresh.get(c);
        if (rows?.length) chunks.set(c, rows);
        else chunks.delete(c);
      }
      return { snapshot: since.now, at: usable.at, checked: now, chunks };
    });
  remember(cache, key, entry);
  return entry.chunks as Map<number, T[]>;
}

/** Whether a query may be cached: outside transactions, and reading nothing the change log of its table misses. */
const cacheable = (db: Db, text: string, tableId: string) => !db.isTransaction && readsOnlyItsTable(text, tableId);

/** The query's groups with their aggregates, merged from the chunks' partial results. */
export async function aggregate(db: Db, q: AggregateQuery, now: number): Promise<AggregateRow[]> {
  const compiled = statement(q, null).compile(db);
  const run: ChunkRun<AggregateRow> = (d, chunks) => runAggregate(d, q, chunks);
  if (!cacheable(db, compiled.sql, q.table.id)) return mergeChunks(q, await run(db, null));
  const key = JSON.stringify(['agg', q.table.id, q.table.metaVersion, compiled.sql, compiled.parameters]);
  const ages = readsDirectory(db, [q.where, ...q.aggs.map((a) => a.expr)]);
  return mergeChunks(q, await byChunk(db, q.table.id, key, run, now, ages));
}

/** Every chunk up to the last record's, read off the seq index. */
async function allChunks(db: Db, tableId: string): Promise<number[]> {
  const res = await sql<{ top: string | null }>`select max(seq)::text as top from ${physicalTable(tableId)}`.execute(db);
  const top = res.rows[0]?.top;
  if (top === null || top === undefined) return [];
  return Array.from({ length: Number(BigInt(top) >> BigInt(CHUNK_BITS)) + 1 }, (_, i) => i);
}

/**
 * The ids of the first `limit` records matching `where` in the order `page` gives, for a table widget: each chunk keeps
 * its own first `limit`, and the final order of their union is left to the caller (the same query, narrowed to those
 * ids). Null when the query cannot be cached: the caller runs it directly.
 */
export async function firstIds(
  db: Db,
  table: TableMeta,
  where: RawBuilder<boolean>,
  limit: number,
  page: (db: Db, where: RawBuilder<boolean>) => Promise<{ id: string }[]>,
  now: number,
): Promise<string[] | null> {
  const probe = sql`select 1 from ${physicalTable(table.id)} t where ${where}`.compile(db);
  if (!cacheable(db, probe.sql, table.id)) return null;
  const run: ChunkRun<string> = async (d, chunks) => {
    const all = chunks ?? (await allChunks(d, table.id));
    const out = new Map<number, string[]>();
    for (const c of all) {
      const rows = await page(d, sql<boolean>`(${where}) and ${inChunks([c])}`);
      if (rows.length) out.set(c, rows.map((r) => r.id));
    }
    return out;
  };
  const key = JSON.stringify(['ids', table.id, table.metaVersion, probe.sql, probe.parameters, limit]);
  return [...(await byChunk(db, table.id, key, run, now, readsDirectory(db, [where]))).values()].flat();
}

/** Deletes change-log rows no cached result can need any more. */
export async function pruneRecordChanges(db: Db, now: Date): Promise<number> {
  const r = await sql`delete from base_record_changes where at < ${new Date(now.getTime() - RECORD_CHANGES_RETENTION_MS)}`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}
