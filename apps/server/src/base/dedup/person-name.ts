import { pinyin } from 'pinyin-pro';
import { NO_EVIDENCE, percent, text, type Comparison, type KeyResult } from './comparison.ts';
import { memo } from './memo.ts';
import { compactText, foldText } from './normalize-text.ts';
import { editSimilarity } from './similarity.ts';

// Same sound, different characters (章伟 / 张伟): plausibly one person typed with the wrong candidate, but common
// names collide by sound far more often than by characters, so this is strong evidence only together with other fields.
const SAME_PINYIN = 0.85;
// "Wang Wei" / "Wei Wang": order differs between Chinese and Western habits.
const SWAPPED_ORDER = 0.95;
// 张伟 / "Zhang Wei": the same name in two scripts.
const ACROSS_SCRIPTS = 0.85;

const hasHan = (s: string) => /\p{Script=Han}/u.test(s);

/** Toneless pinyin syllables; 'head' reads the first character as a surname (曾 zeng, 单 shan). */
const syllables = memo((name: string): readonly string[] =>
  pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true, surname: 'head' })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean),
);

function latinTokens(name: string): string[] {
  return foldText(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const sorted = (xs: string[]) => [...xs].sort().join(' ');

/** Key: pinyin for Chinese names (so 张伟, 張偉 and "Zhang Wei" meet), lower-case letters for Latin names. */
export function personNameKey(value: string): KeyResult {
  const name = compactText(value);
  if (!name) return { key: null, warnings: [] };
  return { key: hasHan(name) ? syllables(name).join('') : name, warnings: [] };
}

function similarity(x: string, y: string): { similarity: number; how: 'same' | 'pinyin' | 'order' | 'script' | 'similar' } {
  const a = compactText(x);
  const b = compactText(y);
  if (a === b) return { similarity: 1, how: 'same' };
  if (hasHan(a) && hasHan(b)) {
    if (syllables(a).join('') === syllables(b).join('')) return { similarity: SAME_PINYIN, how: 'pinyin' };
    return { similarity: editSimilarity(a, b, true), how: 'similar' };
  }
  if (!hasHan(a) && !hasHan(b)) {
    if (sorted(latinTokens(x)) === sorted(latinTokens(y))) return { similarity: SWAPPED_ORDER, how: 'order' };
    return { similarity: editSimilarity(a, b), how: 'similar' };
  }
  const [han, latin] = hasHan(a) ? [x, y] : [y, x];
  const spoken = syllables(compactText(han)).join('');
  const written = latinTokens(latin);
  const same = written.join('') === spoken || [...written].reverse().join('') === spoken;
  return same ? { similarity: ACROSS_SCRIPTS, how: 'script' } : { similarity: 0, how: 'similar' };
}

/** Person names: by characters (simplified, no spaces), by pinyin (章伟 ~ 张伟), and across scripts (张伟 ~ Wei Zhang). */
export function comparePersonNames(x: string, y: string): Comparison {
  if (!compactText(x) || !compactText(y)) return NO_EVIDENCE;
  const r = similarity(x, y);
  if (r.similarity < 0.5) return { similarity: r.similarity, conflict: false, reason: null };
  const pair = `${x.trim()} / ${y.trim()}`;
  const reasons = {
    same: text(`Same name (${pair})`, `姓名相同（${pair}）`),
    pinyin: text(`Names sound the same (${pair})`, `姓名同音（${pair}）`),
    order: text(`Same name in another order (${pair})`, `姓名相同，顺序不同（${pair}）`),
    script: text(`Same name in pinyin (${pair})`, `姓名拼音相同（${pair}）`),
    similar: text(`Similar names (${pair}, ${percent(r.similarity)})`, `姓名相近（${pair}，${percent(r.similarity)}）`),
  };
  return { similarity: r.similarity, conflict: false, reason: reasons[r.how] };
}
