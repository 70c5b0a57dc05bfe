import type { LocalizedText } from '@concord/contracts';

/** What one comparator says about two cell texts. */
export interface Comparison {
  /** 0..1: how alike the two values are once normalised. */
  readonly similarity: number;
  /** Evidence the two values belong to DIFFERENT entities (two valid credit codes, sister companies in two cities). */
  readonly conflict: boolean;
  /** Why, for a person deciding; null when the values say nothing either way. */
  readonly reason: LocalizedText | null;
}

/** What a comparator's normalisation gives for one cell: its lookup key and anything a person should fix. */
export interface KeyResult {
  readonly key: string | null;
  readonly warnings: LocalizedText[];
}

export const NO_EVIDENCE: Comparison = { similarity: 0, conflict: false, reason: null };

export function text(en: string, zh: string): LocalizedText {
  return { en, zh };
}

export function percent(similarity: number): string {
  return `${Math.round(similarity * 100)}%`;
}
