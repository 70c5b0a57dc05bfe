import { sql } from 'kysely';
import type { DedupRuleDto } from '@concord/contracts';
import type { FieldMeta } from '@concord/table-engine';
import type { Db } from '../platform/db/database.ts';
import { cellText } from './cell-text.ts';
import { columnSpecs } from './field-columns.ts';
import { blockingKeys, dedupKey, type Comparator } from './dedup/index.ts';
import type { TableMeta } from './table-meta.ts';

/** The rule's fields that still exist, with their metadata. */
export function ruleFields(table: TableMeta, rule: DedupRuleDto): { field: FieldMeta; comparator: DedupRuleDto['fields'][number]['comparator'] }[] {
  return rule.fields.flatMap((r) => {
    const field = table.byId.get(r.fieldId);
    return field ? [{ field, comparator: r.comparator }] : [];
  });
}

/** A stored (database-form) value as the text comparators read. */
export function dbValueText(field: FieldMeta, dbValue: unknown): string {
  return cellText(field, columnSpecs[field.type].fromDb(field, dbValue));
}

/**
 * Rewrites the normalised keys of some records for the rule's fields present in `values` (all of them for new
 * records), in the caller's transaction, so candidate lookup never scans the records themselves.
 */
export async function syncKeys(
  trx: Db,
  table: TableMeta,
  records: { id: string; values: Map<string, unknown> }[],
  /** The records were just inserted, so they have no keys to delete yet. */
  opts: { fresh?: boolean } = {},
): Promise<void> {
  if (!table.dedup || records.length === 0) return;
  const fields = ruleFields(table, table.dedup);
  const rows: KeyRow[] = [];
  const touched: { record: string; field: string }[] = [];
  for (const r of records) {
    for (const { field, comparator } of fields) {
      if (!r.values.has(field.id)) continue;
      touched.push({ record: r.id, field: field.id });
      for (const key of storedKeys(comparator, dbValueText(field, r.values.get(field.id))))
        rows.push({ record_id: r.id, field_id: field.id, key: scopedKey(field.id, key) });
    }
  }
  const idsByField = new Map<string, string[]>();
  if (!opts.fresh)
    for (const t of touched) {
      const ids = idsByField.get(t.field);
      if (ids) ids.push(t.record);
      else idsByField.set(t.field, [t.record]);
    }
  for (const [f, ids] of idsByField) {
    for (let i = 0; i < ids.length; i += KEY_CHUNK)
      await sql`delete from base_dedup_keys where table_id = ${table.id} and field_id = ${f} and record_id = any(${ids.slice(i, i + KEY_CHUNK)}::text[])`.execute(
        trx,
      );
  }
  await insertKeys(trx, table.id, rows);
}

/** Key rows of one table; a record's keys for a field must have been deleted first (or never written). */
export interface KeyRow {
  record_id: string;
  field_id: string;
  key: string;
}

/** Writes key rows made elsewhere (an import makes its rows' keys while deciding), in the caller's transaction. */
export async function insertKeys(trx: Db, tableId: string, rows: readonly KeyRow[]): Promise<void> {
  // Three array parameters per chunk instead of four parameters per key: binding is most of the cost on PGlite.
  for (let i = 0; i < rows.length; i += KEY_CHUNK) {
    const part = rows.slice(i, i + KEY_CHUNK);
    await sql`insert into base_dedup_keys (table_id, record_id, field_id, key)
      select ${tableId}, r, f, k from unnest(${part.map((p) => p.record_id)}::text[], ${part.map((p) => p.field_id)}::text[], ${part.map((p) => p.key)}::text[]) as u(r, f, k)`.execute(
      trx,
    );
  }
}

const KEY_CHUNK = 20_000;

export async function dropKeys(trx: Db, tableId: string, recordIds: string[]): Promise<void> {
  if (recordIds.length) await trx.deleteFrom('base_dedup_keys').where('table_id', '=', tableId).where('record_id', 'in', recordIds).execute();
}

/** Comparators that tolerate a typo: their main key also gets one-character-deleted variants. */
const TYPO_TOLERANT = new Set<Comparator>(['company', 'text', 'personName']);
const MIN_TYPO_LENGTH = 4;
const DELETION = '~';

/** The key with each one character removed (SymSpell-style): two keys one edit apart share one of these. */
function deletions(key: string): string[] {
  const chars = [...key];
  if (chars.length < MIN_TYPO_LENGTH) return [];
  return [
    ...new Set(
      chars.map((_, i) =>
        chars
          .slice(0, i)
          .concat(chars.slice(i + 1))
          .join(''),
      ),
    ),
  ];
}

/**
 * Both {@link lookupKeys} and {@link storedKeys} of a cell, normalising it once (an import needs both for every row):
 * the lookup keys in lookupKeys' order, each mapped to whether it is also stored (every stored key is looked up).
 */
export function cellKeys(c: Comparator, text: string): Map<string, boolean> {
  const keys = new Map<string, boolean>();
  for (const k of blockingKeys(c, text)) keys.set(k, true);
  const main = TYPO_TOLERANT.has(c) ? dedupKey(c, text).key : null;
  if (main) {
    for (const d of deletions(main)) {
      // Setting an existing key keeps its place in the order.
      keys.set(DELETION + d, true);
      if (!keys.has(d)) keys.set(d, false);
    }
    if ([...main].length >= MIN_TYPO_LENGTH - 1 && !keys.has(DELETION + main)) keys.set(DELETION + main, false);
  }
  return keys;
}

/** Keys stored for a cell: its blocking keys, plus deletion variants of the main key for typo-tolerant comparators. */
export function storedKeys(c: Comparator, text: string): string[] {
  const keys = new Set(blockingKeys(c, text));
  const main = TYPO_TOLERANT.has(c) ? dedupKey(c, text).key : null;
  if (main) for (const d of deletions(main)) keys.add(DELETION + d);
  return [...keys];
}

/**
 * Keys to look up for a typed cell. Besides its blocking keys: a substitution shares a deletion variant with the stored
 * value; an extra character typed makes one of our deletions equal the stored key; a character left out makes our key
 * equal one of the stored deletions. All exact btree lookups, fast on PGlite and PostgreSQL alike.
 */
export function lookupKeys(c: Comparator, text: string): string[] {
  const keys = new Set(blockingKeys(c, text));
  const main = TYPO_TOLERANT.has(c) ? dedupKey(c, text).key : null;
  if (main) {
    for (const d of deletions(main)) {
      keys.add(DELETION + d);
      keys.add(d);
    }
    if ([...main].length >= MIN_TYPO_LENGTH - 1) keys.add(DELETION + main);
  }
  return [...keys];
}

/** Keys are stored per field: "<fieldId>:<key>" (field ids are unique across tables). */
export function scopedKey(fieldId: string, key: string): string {
  return `${fieldId}:${key}`;
}

let tidying: Promise<void> | null = null;

/**
 * Vacuums the key table after a large write (an import), outside any transaction. Candidate lookup reads the key index
 * alone only where the visibility map says a page is all-visible, and that is vacuum's job: PGlite never vacuums on its
 * own, and a PostgreSQL autovacuum may be off or waiting for 20% new rows. Without it, an import into a 1M-record
 * table that had just been filled took 100 s instead of 45. Vacuum only visits pages changed since its last pass (about
 * a second for 10M fresh key rows on PostgreSQL). One at a time per process; a failure is only logged.
 */
export function tidyDedupKeys(db: Db): Promise<void> {
  tidying ??= sql`vacuum (analyze) base_dedup_keys`
    .execute(db)
    .then(() => undefined)
    .catch((err: unknown) => console.error('vacuum of base_dedup_keys failed', err))
    .finally(() => (tidying = null));
  return tidying;
}
