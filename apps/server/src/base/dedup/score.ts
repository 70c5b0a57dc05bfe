import type { LocalizedText } from '@concord/contracts';
import { compareValues, preparedMayReach, preparedSimilarity, prepareValue, type Comparator, type PreparedValue } from './comparators.ts';

export interface DedupRuleField {
  fieldId: string;
  comparator: Comparator;
  /** 0..1: how decisive a full match on this field is on its own. */
  weight: number;
  /**
   * Fields in one group describe the same thing and count once, by their strongest match: a contact's phone, email and
   * name all follow the person, who may have moved to a look-alike company.
   */
  group?: string;
}

/** Which fields identify a record and how sure the score must be: ≥ high merges (or blocks on entry), ≥ low flags. */
export interface DedupRule {
  fields: DedupRuleField[];
  high: number;
  low: number;
}

export type DedupDecision = 'merge' | 'flag' | 'none';

export interface PairReason {
  fieldId: string;
  similarity: number;
  conflict: boolean;
  reason: LocalizedText;
}

export interface PairScore {
  /** 0..1, noisy-OR of weight × similarity over the fields both records fill. */
  score: number;
  reasons: PairReason[];
  /** Some field says these are different entities (two valid credit codes, sister companies, a branch). */
  conflict: boolean;
  /** False whenever there is a conflict: such pairs can be flagged for a person, never merged automatically. */
  autoMergeAllowed: boolean;
  decision: DedupDecision;
}

const clamp = (x: number) => Math.min(1, Math.max(0, x));

/** The decision for a score: a conflict caps it at 'flag'. */
export function decide(rule: DedupRule, score: number, conflict: boolean): DedupDecision {
  if (score >= rule.high && !conflict) return 'merge';
  return score >= rule.low ? 'flag' : 'none';
}

/**
 * Combines per-field evidence. Each field (or group of fields) that both records fill is an independent chance that they
 * are the same entity (noisy-OR): 1 − Π(1 − weight × similarity), a group contributing its strongest field. Fields
 * empty on either side add nothing; differing values count as no evidence rather than counter-evidence (one customer
 * has many phones), except comparators' explicit conflicts.
 * @param a cell texts by field id (as `cellText` renders them); b likewise
 */
export function scorePair(rule: DedupRule, a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): PairScore {
  const evidence = new Map<string, number>();
  let conflict = false;
  const reasons: PairReason[] = [];
  for (const field of rule.fields) {
    const x = a[field.fieldId] ?? '';
    const y = b[field.fieldId] ?? '';
    if (!x.trim() || !y.trim()) continue;
    const r = compareValues(field.comparator, x, y);
    const group = field.group ?? `field:${field.fieldId}`;
    evidence.set(group, Math.max(evidence.get(group) ?? 0, clamp(field.weight) * clamp(r.similarity)));
    conflict ||= r.conflict;
    if (r.reason) reasons.push({ fieldId: field.fieldId, similarity: r.similarity, conflict: r.conflict, reason: r.reason });
  }
  const score = 1 - [...evidence.values()].reduce((miss, e) => miss * (1 - e), 1);
  reasons.sort((p, q) => Number(q.conflict) - Number(p.conflict) || q.similarity - p.similarity);
  return { score, reasons, conflict, autoMergeAllowed: !conflict, decision: decide(rule, score, conflict) };
}

/**
 * One record's rule fields made ready for {@link preparedScorer}, in rule order; null where the cell is blank or has
 * nothing comparable (scorePair finds no evidence there either).
 */
export type PreparedRecord = readonly (PreparedValue | null)[];

export function prepareRecord(rule: DedupRule, texts: Readonly<Record<string, string>>): PreparedRecord {
  return rule.fields.map((f) => {
    const x = texts[f.fieldId] ?? '';
    return x.trim() ? prepareValue(f.comparator, x) : null;
  });
}

/**
 * A function giving exactly {@link scorePair}'s score (same products in the same order) for prepared records, without
 * reasons or conflicts: a pair scoring under `rule.low` is decided 'none' by scorePair too, so an import scores only the
 * rest in full. Made once per rule, since it runs millions of times per import.
 */
export function preparedScorer(rule: DedupRule): (a: PreparedRecord, b: PreparedRecord) => number {
  const { n, slots, weights, comparators } = ruleLayout(rule);
  const evidence = new Float64Array(n);
  const order = new Int32Array(n);
  return (a, b) => {
    evidence.fill(-1);
    let groups = 0;
    for (let i = 0; i < n; i++) {
      const x = a[i];
      const y = b[i];
      if (!x || !y) continue;
      const e = weights[i]! * clamp(preparedSimilarity(comparators[i]!, x, y));
      const slot = slots[i]!;
      if (evidence[slot]! < 0) {
        order[groups++] = slot;
        evidence[slot] = Math.max(0, e);
      } else evidence[slot] = Math.max(evidence[slot]!, e);
    }
    let miss = 1;
    for (let g = 0; g < groups; g++) miss *= 1 - evidence[order[g]!]!;
    return 1 - miss;
  };
}

/** A rule's fields as the prepared scorers read them: each field's evidence slot (its group's first field), weight, comparator. */
function ruleLayout(rule: DedupRule) {
  const names = rule.fields.map((f) => f.group ?? `field:${f.fieldId}`);
  return {
    n: rule.fields.length,
    slots: Int32Array.from(names, (name) => names.indexOf(name)),
    weights: Float64Array.from(rule.fields, (f) => clamp(f.weight)),
    comparators: rule.fields.map((f) => f.comparator),
  };
}

/**
 * `preparedScorer(rule)(a, b) >= threshold`, with most pairs below it turned down before their costliest field is
 * compared: that field (the first company name) is bounded first by its weight, then by the comparator's quick
 * `mayReach` test against the similarity the other fields leave it to reach. Pairs not turned down are scored exactly.
 */
export function preparedAtLeast(rule: DedupRule, threshold: number): (a: PreparedRecord, b: PreparedRecord) => boolean {
  const exact = preparedScorer(rule);
  const costly = rule.fields.findIndex((f) => f.comparator === 'company');
  if (costly < 0) return (a, b) => exact(a, b) >= threshold;
  const { n, slots, weights, comparators } = ruleLayout(rule);
  const costlySlot = slots[costly]!;
  const costlyWeight = weights[costly]!;
  const evidence = new Float64Array(n);
  return (a, b) => {
    const x = a[costly];
    const y = b[costly];
    if (!x || !y || costlyWeight === 0) return exact(a, b) >= threshold;
    // Upper bound of every other field's evidence: exact for cheap fields, the weight for other company names.
    evidence.fill(0);
    for (let i = 0; i < n; i++) {
      if (i === costly) continue;
      const p = a[i];
      const q = b[i];
      if (!p || !q) continue;
      const e = comparators[i] === 'company' ? weights[i]! : weights[i]! * clamp(preparedSimilarity(comparators[i]!, p, q));
      evidence[slots[i]!] = Math.max(evidence[slots[i]!]!, e);
    }
    let miss = 1;
    for (let g = 0; g < n; g++) if (g !== costlySlot) miss *= 1 - evidence[g]!;
    const others = evidence[costlySlot]!;
    // Score = 1 − miss × (1 − max(others, weight × similarity)) must reach the threshold.
    if (1 - miss * (1 - Math.max(others, costlyWeight)) < threshold - BOUND_SLACK) return false;
    const need = miss > 0 ? 1 - (1 - threshold) / miss : 0;
    if (others < need - BOUND_SLACK && !preparedMayReach('company', x, y, need / costlyWeight - BOUND_SLACK)) return false;
    return exact(a, b) >= threshold;
  };
}

/** Bounds are compared with this margin, so rounding can only let a pair through to exact scoring, never turn it down. */
const BOUND_SLACK = 1e-9;

/** Field ids of a customer table, by role; leave out the ones the table does not have. */
export interface CustomerFieldIds {
  company?: string;
  creditCode?: string;
  phone?: string;
  email?: string;
  contact?: string;
}

/**
 * The default rule for customers. Alone, a same company name (0.8) or the contact (phone, email: 0.7) only flags; a same
 * valid credit code (0.98) merges; a matching name plus a matching contact merges. Phone, email and contact name form one
 * group: they describe the contact person, who can change companies. Tuned on fixtures/customers.ts
 * (bench/dedup-quality.ts).
 */
export function customerRuleTemplate(ids: CustomerFieldIds): DedupRule {
  const weights: Record<keyof CustomerFieldIds, Omit<DedupRuleField, 'fieldId'>> = {
    company: { comparator: 'company', weight: 0.8 },
    creditCode: { comparator: 'creditCode', weight: 0.98 },
    phone: { comparator: 'phone', weight: 0.7, group: 'contact' },
    email: { comparator: 'email', weight: 0.7, group: 'contact' },
    contact: { comparator: 'personName', weight: 0.3, group: 'contact' },
  };
  const fields = (Object.keys(weights) as (keyof CustomerFieldIds)[]).flatMap((role) => {
    const fieldId = ids[role];
    return fieldId ? [{ fieldId, ...weights[role] }] : [];
  });
  // low 0.65 rather than 0.6: a look-alike name alone (one character of four differs: 0.75 × 0.8 = 0.6) is more often
  // another company (小马智行 / 小马出行) than a typo; a matching phone or email alone (0.7) is still shown.
  return { fields, high: 0.9, low: 0.65 };
}
