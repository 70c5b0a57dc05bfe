import type { DedupRuleDto, DuplicateMatch, Locale } from '@concord/contracts';
import type { Db } from '../../platform/db/database.ts';
import { scorePair, type DedupRule } from '../dedup/index.ts';
import { dbValueText, lookupKeys, ruleFields, scopedKey, storedKeys } from '../duplicate-keys.ts';
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
 * Candidates come from exact normalised keys (one indexed query per rule field for the whole file, never a scan);
 * each candidate is then scored by the rule. Earlier rows are referred to by their index (a number).
 */
export async function decideDuplicates(db: Db, table: TableMeta, rule: DedupRuleDto, rows: PreparedRow[], locale: Locale): Promise<RowDecision[]> {
  const fields = ruleFields(table, rule);
  const textsOf = (values: Map<string, unknown>) =>
    Object.fromEntries(fields.filter(({ field }) => values.has(field.id)).map(({ field }) => [field.id, dbValueText(field, values.get(field.id))]));
  const rowTexts = rows.map((r) => textsOf(r.values));
  // Rows look up with the typo-tolerant variants; among themselves they match their lookup keys against earlier rows' stored keys.
  const rowKeys = rowTexts.map((t) =>
    fields.flatMap(({ field, comparator }) => lookupKeys(comparator, t[field.id] ?? '').map((key) => ({ field: field.id, key }))),
  );
  const rowStored = rowTexts.map((t) =>
    fields.flatMap(({ field, comparator }) => storedKeys(comparator, t[field.id] ?? '').map((key) => `${field.id}\u0000${key}`)),
  );

  // Existing records sharing any key.
  const existingByKey = new Map<string, Set<string>>();
  for (const { field } of fields) {
    const keys = [...new Set(rowKeys.flatMap((ks) => ks.filter((k) => k.field === field.id).map((k) => k.key)))];
    for (let i = 0; i < keys.length; i += 5000) {
      const found = await db
        .selectFrom('base_dedup_keys')
        .select(['record_id', 'key'])
        .where(
          'key',
          'in',
          keys.slice(i, i + 5000).map((k) => scopedKey(field.id, k)),
        )
        .execute();
      for (const f of found) {
        const k = `${field.id}\u0000${f.key.slice(field.id.length + 1)}`;
        existingByKey.set(k, (existingByKey.get(k) ?? new Set()).add(f.record_id));
      }
    }
  }
  const candidateIds = [...new Set([...existingByKey.values()].flatMap((s) => [...s]))];
  const existingTexts = new Map<string, Record<string, string>>();
  for (let i = 0; i < candidateIds.length; i += 2000) {
    const recs = await findByIds(
      db,
      table,
      new Map([[table.id, table]]),
      fields.map((f) => f.field),
      candidateIds.slice(i, i + 2000),
    );
    for (const r of recs) existingTexts.set(r.id, Object.fromEntries(fields.map(({ field }) => [field.id, dbValueText(field, r.values[field.id])])));
  }

  const earlierByKey = new Map<string, number[]>();
  const decisions: RowDecision[] = [];
  const reasonText = (reasons: { reason: { en: string; zh: string } }[]) => reasons.map((r) => (locale === 'zh-CN' ? r.reason.zh : r.reason.en));
  rows.forEach((row, i) => {
    const keys = rowKeys[i]!.map((k) => `${k.field}\u0000${k.key}`);
    const existing = new Set(keys.flatMap((k) => [...(existingByKey.get(k) ?? [])]));
    const earlier = new Set(keys.flatMap((k) => earlierByKey.get(k) ?? []));
    const scored: { target: string | number; score: number; decision: 'merge' | 'flag'; reasons: string[]; evidence: Evidence }[] = [];
    for (const id of existing) {
      const s = scorePair(rule as DedupRule, rowTexts[i]!, existingTexts.get(id) ?? {});
      if (s.decision !== 'none') scored.push({ target: id, score: s.score, decision: s.decision, reasons: reasonText(s.reasons), evidence: s.reasons });
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
    for (const k of rowStored[i]!) earlierByKey.set(k, [...(earlierByKey.get(k) ?? []), i]);
  });
  return decisions;
}
