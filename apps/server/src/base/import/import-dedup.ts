import { sql } from 'kysely';
import type { DedupRuleDto, DuplicateMatch, Locale } from '@concord/contracts';
import type { Db } from '../../platform/db/database.ts';
import { scorePair, type DedupRule } from '../dedup/index.ts';
import { cellKeys, dbValueText, ruleFields, scopedKey } from '../duplicate-keys.ts';
import { findByIds } from '../record.repo.ts';
import type { TableMeta } from '../table-meta.ts';
import type { PreparedRow } from './import-rows.ts';

/** Where a row's data ends up, decided before anything is written. */
type Evidence = DuplicateMatch['reasons'];
export type RowDecision =
  | { kind: 'new'; flaggedWith: { recordId: string | number; score: number; reasons: string[]; evidence: Evidence }[] }
  | { kind: 'merge'; into: string | number; score: number; reasons: string[] };

/**
 * Decides, for every prepared row, whether it duplicates an existing record or an earlier row of the same file.
 * Candidates come from exact normalised keys (see existingKeys); each candidate is then scored by the rule. Earlier
 * rows are referred to by their index (a number).
 */
export async function decideDuplicates(db: Db, table: TableMeta, rule: DedupRuleDto, rows: PreparedRow[], locale: Locale): Promise<RowDecision[]> {
  const fields = ruleFields(table, rule);
  const textsOf = (values: Map<string, unknown>) =>
    Object.fromEntries(fields.filter(({ field }) => values.has(field.id)).map(({ field }) => [field.id, dbValueText(field, values.get(field.id))]));
  const rowTexts = rows.map((r) => textsOf(r.values));
  // Rows look up with the typo-tolerant variants; among themselves they match their lookup keys against earlier rows' stored keys.
  const rowKeys: { field: string; key: string }[][] = [];
  const rowStored: string[][] = [];
  for (const t of rowTexts) {
    const lookup: { field: string; key: string }[] = [];
    const stored: string[] = [];
    for (const { field, comparator } of fields) {
      const keys = cellKeys(comparator, t[field.id] ?? '');
      for (const key of keys.lookup) lookup.push({ field: field.id, key });
      for (const key of keys.stored) stored.push(`${field.id}\u0000${key}`);
    }
    rowKeys.push(lookup);
    rowStored.push(stored);
  }
  const rowLocal = rowKeys.map((ks) => ks.map((k) => `${k.field}\u0000${k.key}`));

  const existingIdsByKey = await existingKeys(db, table.id, rowKeys);
  // Candidates are numbered, so each row collects its own once with a stamp per candidate instead of a Set.
  const candidateIds: string[] = [];
  const indexOf = new Map<string, number>();
  const existingByKey = new Map<string, number[]>();
  for (const [key, ids] of existingIdsByKey) {
    const list: number[] = [];
    for (const id of ids) {
      let x = indexOf.get(id);
      if (x === undefined) {
        x = candidateIds.push(id) - 1;
        indexOf.set(id, x);
      }
      list.push(x);
    }
    existingByKey.set(key, list);
  }
  const existingTexts: Record<string, string>[] = candidateIds.map(() => ({}));
  for (let i = 0; i < candidateIds.length; i += RECORDS_PER_QUERY) {
    const recs = await findByIds(
      db,
      table,
      new Map([[table.id, table]]),
      fields.map((f) => f.field),
      candidateIds.slice(i, i + RECORDS_PER_QUERY),
    );
    for (const r of recs) existingTexts[indexOf.get(r.id)!] = Object.fromEntries(fields.map(({ field }) => [field.id, dbValueText(field, r.values[field.id])]));
  }

  const earlierByKey = new Map<string, number[]>();
  const decisions: RowDecision[] = [];
  const reasonText = (reasons: { reason: { en: string; zh: string } }[]) => reasons.map((r) => (locale === 'zh-CN' ? r.reason.zh : r.reason.en));
  const seenExisting = new Int32Array(candidateIds.length).fill(-1);
  const seenEarlier = new Int32Array(rows.length).fill(-1);
  rows.forEach((row, i) => {
    // In the order first found through the row's keys, each once.
    const existing: number[] = [];
    const earlier: number[] = [];
    for (const local of rowLocal[i]!) {
      for (const x of existingByKey.get(local) ?? [])
        if (seenExisting[x] !== i) {
          seenExisting[x] = i;
          existing.push(x);
        }
      for (const j of earlierByKey.get(local) ?? [])
        if (seenEarlier[j] !== i) {
          seenEarlier[j] = i;
          earlier.push(j);
        }
    }
    const scored: { target: string | number; score: number; decision: 'merge' | 'flag'; reasons: string[]; evidence: Evidence }[] = [];
    for (const x of existing) {
      const s = scorePair(rule as DedupRule, rowTexts[i]!, existingTexts[x]!);
      if (s.decision !== 'none')
        scored.push({ target: candidateIds[x]!, score: s.score, decision: s.decision, reasons: reasonText(s.reasons), evidence: s.reasons });
    }
    for (const j of earlier) {
      const s = scorePair(rule as DedupRule, rowTexts[i]!, rowTexts[j]!);
      if (s.decision !== 'none') scored.push({ target: j, score: s.score, decision: s.decision, reasons: reasonText(s.reasons), evidence: s.reasons });
    }
    scored.sort((a, b) => b.score - a.score);
    const best = scored[0];
    if (best?.decision === 'merge') {
      // Merging into an earlier row that itself merged means merging into that row's target.
      const earlierDecision = typeof best.target === 'number' ? decisions[best.target] : undefined;
      const into = earlierDecision?.kind === 'merge' ? earlierDecision.into : best.target;
      decisions.push({ kind: 'merge', into, score: best.score, reasons: best.reasons });
    } else {
      decisions.push({ kind: 'new', flaggedWith: scored.map((s) => ({ recordId: s.target, score: s.score, reasons: s.reasons, evidence: s.evidence })) });
    }
    for (const k of rowStored[i]!) {
      const list = earlierByKey.get(k);
      if (list) list.push(i);
      else earlierByKey.set(k, [i]);
    }
  });
  return decisions;
}

const KEYS_PER_QUERY = 20_000;
const RECORDS_PER_QUERY = 5_000;
/** Reading all of a table's keys beats probing the index once there are more lookup keys than this many per record. */
const SCAN_KEYS_PER_RECORD = 4;

/**
 * Existing record ids by "<fieldId>\0<key>" for every lookup key of the file. A file with few keys for the table's
 * size probes the key index with one `= any($1)` array parameter per chunk; a file with many (100,000 rows, ~17 keys
 * each) reads the table's stored keys once instead of probing a million times. Both find exactly the equal keys.
 */
async function existingKeys(db: Db, tableId: string, rowKeys: { field: string; key: string }[][]): Promise<Map<string, Set<string>>> {
  const byKey = new Map<string, Set<string>>();
  // Scoped key as stored → the "<fieldId>\0<key>" the rows use.
  const local = new Map<string, string>();
  for (const ks of rowKeys) for (const k of ks) local.set(scopedKey(k.field, k.key), `${k.field}\u0000${k.key}`);
  const add = (rows: { record_id: string; key: string }[]) => {
    for (const f of rows) {
      const k = local.get(f.key);
      if (k === undefined) continue;
      const set = byKey.get(k);
      if (set) set.add(f.record_id);
      else byKey.set(k, new Set([f.record_id]));
    }
  };
  const count = await db.selectFrom('base_tables').select('record_count').where('id', '=', tableId).executeTakeFirst();
  if (local.size > Number(count?.record_count ?? 0) * SCAN_KEYS_PER_RECORD) {
    add((await sql<{ record_id: string; key: string }>`select record_id, key from base_dedup_keys where table_id = ${tableId}`.execute(db)).rows);
    return byKey;
  }
  const all = [...local.keys()];
  for (let i = 0; i < all.length; i += KEYS_PER_QUERY)
    add(
      (
        await sql<{
          record_id: string;
          key: string;
        }>`select record_id, key from base_dedup_keys where key = any(${all.slice(i, i + KEYS_PER_QUERY)}::text[])`.execute(db)
      ).rows,
    );
  return byKey;
}
