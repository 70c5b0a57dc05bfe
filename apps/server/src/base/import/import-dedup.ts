import type { DedupRuleDto, DuplicateMatch, Locale } from '@concord/contracts';
import type { Db } from '../../platform/db/database.ts';
import { preparedAtLeast, prepareRecord, scorePair, type DedupRule } from '../dedup/index.ts';
import { dbValueText, ruleFields, type KeyRow } from '../duplicate-keys.ts';
import { findByIds } from '../record.repo.ts';
import type { TableMeta } from '../table-meta.ts';
import { candidateSource, rowKeys, type Candidates, type RowKeys } from './import-candidates.ts';
import type { PreparedRow } from './import-rows.ts';

/** Where a row's data ends up, decided before anything is written. */
type Evidence = DuplicateMatch['reasons'];
export type RowDecision =
  | { kind: 'new'; flaggedWith: { recordId: string | number; score: number; reasons: string[]; evidence: Evidence }[] }
  | { kind: 'merge'; into: string | number; score: number; reasons: string[] };

/**
 * Decides, for every prepared row, whether it duplicates an existing record or an earlier row of the same file.
 * Candidates come from exact normalised keys (see candidateSource); each candidate is then scored by the rule. Earlier
 * rows are referred to by their index (a number).
 */
export async function decideDuplicates(
  db: Db,
  table: TableMeta,
  rule: DedupRuleDto,
  rows: PreparedRow[],
  locale: Locale,
  /** Told how many rows are decided, now and then. */
  onProgress?: (done: number) => void,
): Promise<{ decisions: RowDecision[]; storedKeys: (row: number) => Omit<KeyRow, 'record_id'>[] }> {
  const fields = ruleFields(table, rule);
  const textsOf = (values: Map<string, unknown>) =>
    Object.fromEntries(fields.filter(({ field }) => values.has(field.id)).map(({ field }) => [field.id, dbValueText(field, values.get(field.id))]));
  const rowTexts = rows.map((r) => textsOf(r.values));
  const source = await candidateSource(db, table.id, rows.length);
  // Rows look up with the typo-tolerant variants; among themselves they match their lookup keys against earlier rows' stored keys.
  const keys = rowKeys(fields, rowTexts);
  const { ids: candidateIds, byKey: existingByKey } = await source(keys);
  const indexOf = new Map(candidateIds.map((id, x) => [id, x]));
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

  const decisions = await decideRows(rule as DedupRule, rowTexts, keys, { ids: candidateIds, byKey: existingByKey }, existingTexts, locale, onProgress);
  // The key rows a row's new record gets, as syncKeys would make them from the same values.
  const storedKeys = (row: number) => Array.from(keys.stored[row]!, (k) => ({ field_id: keys.fieldOf[k]!, key: keys.keys[k]! }));
  return { decisions, storedKeys };
}

/**
 * The pure part of {@link decideDuplicates}: rows' texts and keys, the existing records found under those keys and their
 * texts, to decisions. Yields to the event loop at each progress report, so the progress (and other requests) go out
 * while a large file is scored.
 */
export async function decideRows(
  dedupRule: DedupRule,
  rowTexts: Record<string, string>[],
  keys: RowKeys,
  existing: Candidates,
  existingTexts: Record<string, string>[],
  locale: Locale,
  onProgress?: (done: number) => void,
): Promise<RowDecision[]> {
  const { ids: candidateIds, byKey: existingByKey } = existing;
  // Each distinct value is normalised once here; most candidate pairs are then turned down by a cheap exact score.
  const rowPrepared = rowTexts.map((t) => prepareRecord(dedupRule, t));
  const existingPrepared = existingTexts.map((t) => prepareRecord(dedupRule, t));
  const worthScoring = preparedAtLeast(dedupRule, dedupRule.low - SCORE_EPSILON);

  const earlierByKey: (number[] | undefined)[] = new Array<number[] | undefined>(keys.keys.length);
  const decisions: RowDecision[] = [];
  const reasonText = (reasons: { reason: { en: string; zh: string } }[]) => reasons.map((r) => (locale === 'zh-CN' ? r.reason.zh : r.reason.en));
  const seenExisting = new Int32Array(candidateIds.length).fill(-1);
  const seenEarlier = new Int32Array(rowTexts.length).fill(-1);
  for (let i = 0; i < rowTexts.length; i++) {
    if (onProgress && i % PROGRESS_EVERY === 0) {
      onProgress(i);
      await new Promise((resolve) => setImmediate(resolve));
    }
    // In the order first found through the row's keys, each once.
    const existing: number[] = [];
    const earlier: number[] = [];
    for (const k of keys.lookup[i]!) {
      for (const x of existingByKey[k] ?? NONE)
        if (seenExisting[x] !== i) {
          seenExisting[x] = i;
          existing.push(x);
        }
      for (const j of earlierByKey[k] ?? NONE)
        if (seenEarlier[j] !== i) {
          seenEarlier[j] = i;
          earlier.push(j);
        }
    }
    const scored: { target: string | number; score: number; decision: 'merge' | 'flag'; reasons: string[]; evidence: Evidence }[] = [];
    for (const x of existing) {
      if (!worthScoring(rowPrepared[i]!, existingPrepared[x]!)) continue;
      const s = scorePair(dedupRule, rowTexts[i]!, existingTexts[x]!);
      if (s.decision !== 'none')
        scored.push({ target: candidateIds[x]!, score: s.score, decision: s.decision, reasons: reasonText(s.reasons), evidence: s.reasons });
    }
    for (const j of earlier) {
      if (!worthScoring(rowPrepared[i]!, rowPrepared[j]!)) continue;
      const s = scorePair(dedupRule, rowTexts[i]!, rowTexts[j]!);
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
    for (const k of keys.stored[i]!) {
      const list = earlierByKey[k];
      if (list) list.push(i);
      else earlierByKey[k] = [i];
    }
  }
  return decisions;
}

/** preparedScorer gives scorePair's score exactly; the margin only guards against a last-bit difference ever creeping in. */
const SCORE_EPSILON = 1e-9;
const RECORDS_PER_QUERY = 5_000;
const NONE: readonly number[] = [];
/** Rows between progress calls: cheap enough to ignore, frequent enough for a smooth bar. */
const PROGRESS_EVERY = 256;
