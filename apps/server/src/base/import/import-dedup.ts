import type { DedupRuleDto, DuplicateMatch, Locale } from '@concord/contracts';
import type { Db } from '../../platform/db/database.ts';
import { preparedScorer, prepareRecord, scorePair, type DedupRule, type PreparedRecord } from '../dedup/index.ts';
import { dbValueText, ruleFields } from '../duplicate-keys.ts';
import { findByIds } from '../record.repo.ts';
import type { TableMeta } from '../table-meta.ts';
import { existingCandidates, rowKeys } from './import-candidates.ts';
import type { PreparedRow } from './import-rows.ts';

/** Where a row's data ends up, decided before anything is written. */
type Evidence = DuplicateMatch['reasons'];
export type RowDecision =
  | { kind: 'new'; flaggedWith: { recordId: string | number; score: number; reasons: string[]; evidence: Evidence }[] }
  | { kind: 'merge'; into: string | number; score: number; reasons: string[] };

/**
 * Decides, for every prepared row, whether it duplicates an existing record or an earlier row of the same file.
 * Candidates come from exact normalised keys (see existingCandidates); each candidate is then scored by the rule. Earlier
 * rows are referred to by their index (a number).
 */
export async function decideDuplicates(db: Db, table: TableMeta, rule: DedupRuleDto, rows: PreparedRow[], locale: Locale): Promise<RowDecision[]> {
  const fields = ruleFields(table, rule);
  const textsOf = (values: Map<string, unknown>) =>
    Object.fromEntries(fields.filter(({ field }) => values.has(field.id)).map(({ field }) => [field.id, dbValueText(field, values.get(field.id))]));
  const rowTexts = rows.map((r) => textsOf(r.values));
  // Rows look up with the typo-tolerant variants; among themselves they match their lookup keys against earlier rows' stored keys.
  const keys = rowKeys(fields, rowTexts);
  const { ids: candidateIds, byKey: existingByKey } = await existingCandidates(db, table.id, keys);
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

  const dedupRule = rule as DedupRule;
  // Each distinct value is normalised once here; most candidate pairs are then turned down by a cheap exact score.
  const rowPrepared = rowTexts.map((t) => prepareRecord(dedupRule, t));
  const existingPrepared = existingTexts.map((t) => prepareRecord(dedupRule, t));
  const preparedScore = preparedScorer(dedupRule);
  const worthScoring = (a: PreparedRecord, b: PreparedRecord) => preparedScore(a, b) >= dedupRule.low - SCORE_EPSILON;

  const earlierByKey: (number[] | undefined)[] = new Array<number[] | undefined>(keys.keys.length);
  const decisions: RowDecision[] = [];
  const reasonText = (reasons: { reason: { en: string; zh: string } }[]) => reasons.map((r) => (locale === 'zh-CN' ? r.reason.zh : r.reason.en));
  const seenExisting = new Int32Array(candidateIds.length).fill(-1);
  const seenEarlier = new Int32Array(rows.length).fill(-1);
  rows.forEach((row, i) => {
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
  });
  return decisions;
}

/** preparedScorer gives scorePair's score exactly; the margin only guards against a last-bit difference ever creeping in. */
const SCORE_EPSILON = 1e-9;
const RECORDS_PER_QUERY = 5_000;
const NONE: readonly number[] = [];
