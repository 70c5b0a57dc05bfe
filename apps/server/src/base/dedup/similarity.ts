import { pinyin } from 'pinyin-pro';
import { isHan } from './normalize-text.ts';

/** Cost of swapping a character for another one with the same sound: the typical Chinese input-method typo (腾迅 for 腾讯). */
export const HOMOPHONE_COST = 0.25;

const readingsCache = new Map<string, readonly string[]>();

/** Toneless pinyin readings of one Han character (all of them for polyphonic ones: 行 → xing, hang, heng). */
export function readings(ch: string): readonly string[] {
  let r = readingsCache.get(ch);
  if (!r) {
    r = pinyin(ch, { toneType: 'none', type: 'array', multiple: true, v: true });
    readingsCache.set(ch, r);
  }
  return r;
}

/** True when two different Han characters can be read the same (toneless). */
export function homophones(a: string, b: string): boolean {
  const ra = hanReadings(a);
  const rb = hanReadings(b);
  return ra.length > 0 && rb.length > 0 && ra.some((r) => rb.includes(r));
}

const NONE: readonly string[] = [];
const hanReadings = (ch: string) => (isHan(ch) ? readings(ch) : NONE);

/**
 * Edit distance by code point (a Han character counts once), with adjacent transpositions costing 1 (optimal string
 * alignment); with `sound`, substituting a homophone costs {@link HOMOPHONE_COST} instead of 1.
 */
export function editDistance(a: string, b: string, sound = false): number {
  const x = [...a];
  const y = [...b];
  // Readings looked up once per character, not once per cell of the table.
  const rx = sound ? x.map(hanReadings) : [];
  const ry = sound ? y.map(hanReadings) : [];
  const cost = (i: number, j: number) => {
    if (x[i] === y[j]) return 0;
    return sound && rx[i]!.some((r) => ry[j]!.includes(r)) ? HOMOPHONE_COST : 1;
  };
  let before: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost(i - 1, j - 1));
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      cur[j] = d;
    }
    before = prev;
    prev = cur;
  }
  return prev[y.length]!;
}

/** 1 − distance / longer length, in 0..1; two empty strings are equal (1). */
export function editSimilarity(a: string, b: string, sound = false): number {
  const len = Math.max([...a].length, [...b].length);
  if (len === 0) return 1;
  return Math.max(0, 1 - editDistance(a, b, sound) / len);
}

/** Rounds a similarity for display and stable test expectations. */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
