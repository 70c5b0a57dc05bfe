import { NO_EVIDENCE, percent, text, type Comparison, type KeyResult } from './comparison.ts';
import { compactText } from './normalize-text.ts';
import { editSimilarity } from './similarity.ts';

/** exact: the trimmed text is its own key. */
export function exactKey(value: string): KeyResult {
  const t = value.trim();
  return { key: t || null, warnings: [] };
}

export function compareExact(x: string, y: string): Comparison {
  const a = x.trim();
  if (!a || a !== y.trim()) return NO_EVIDENCE;
  return { similarity: 1, conflict: false, reason: text(`Same value (${a})`, `值相同（${a}）`) };
}

/** text: case, width, spaces, punctuation and traditional characters folded away. */
export function textKey(value: string): KeyResult {
  return { key: compactText(value) || null, warnings: [] };
}

/** Folded equality → 1; otherwise edit similarity, so one typo in a longer text still scores well. */
export function compareText(x: string, y: string): Comparison {
  const a = compactText(x);
  const b = compactText(y);
  if (!a || !b) return NO_EVIDENCE;
  if (a === b) return { similarity: 1, conflict: false, reason: text(`Same text (${x.trim()})`, `文本相同（${x.trim()}）`) };
  const similarity = editSimilarity(a, b);
  if (similarity < 0.5) return { similarity, conflict: false, reason: null };
  return {
    similarity,
    conflict: false,
    reason: text(`Similar text (${x.trim()} / ${y.trim()}, ${percent(similarity)})`, `文本相近（${x.trim()} / ${y.trim()}，${percent(similarity)}）`),
  };
}
