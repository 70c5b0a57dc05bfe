/**
 * Duplicate detection's pure core: per-comparator normalisation (lookup keys), pairwise comparison with reasons and
 * conflicts, and rule scoring. No I/O; the import, on-entry checks and merge build on these.
 */
export { comparators, type Comparator, dedupKey, blockingKeys, compareValues, prepareValue, preparedSimilarity, type PreparedValue } from './comparators.ts';
export type { Comparison, KeyResult } from './comparison.ts';
export {
  scorePair,
  prepareRecord,
  preparedScorer,
  preparedAtLeast,
  type PreparedRecord,
  decide,
  customerRuleTemplate,
  type CustomerFieldIds,
  type DedupRule,
  type DedupRuleField,
  type DedupDecision,
  type PairReason,
  type PairScore,
} from './score.ts';
export { parseCompanyName, type CompanyName } from './company-name.ts';
export { creditCodeCheckChar, creditCodeStatus, normalizeCreditCode, withCheckChar, type CreditCodeStatus } from './credit-code.ts';
