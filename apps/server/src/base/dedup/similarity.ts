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
// Per character, so scoring an import's millions of pairs does not re-run the Han test on every character.
// Indexed by code point (an array lookup, not a string hash); the rare characters beyond the BMP go through a Map.
const hanReadingsByCode = new Array<readonly string[] | undefined>(0x10000).fill(undefined);
const hanReadingsAstral = new Map<string, readonly string[]>();
function hanReadings(ch: string): readonly string[] {
  const code = ch.codePointAt(0) ?? 0;
  let r = code < 0x10000 ? hanReadingsByCode[code] : hanReadingsAstral.get(ch);
  if (r === undefined) {
    r = isHan(ch) ? readings(ch) : NONE;
    if (code < 0x10000) hanReadingsByCode[code] = r;
    else hanReadingsAstral.set(ch, r);
  }
  return r;
}

// Each distinct toneless reading as a small integer, and per code point the ids of its readings (none for non-Han):
// the edit distance below compares numbers, not strings, in its inner loop.
const readingIds = new Map<string, number>();
const NO_SOUNDS = new Int32Array(0);
const soundsByCode = new Array<Int32Array | undefined>(0x10000).fill(undefined);
const soundsAstral = new Map<number, Int32Array>();
function soundsOf(code: number): Int32Array {
  let s = code < 0x10000 ? soundsByCode[code] : soundsAstral.get(code);
  if (s === undefined) {
    const r = hanReadings(String.fromCodePoint(code));
    s = r.length === 0 ? NO_SOUNDS : Int32Array.from(r, (reading) => readingIds.get(reading) ?? readingIds.set(reading, readingIds.size).size - 1);
    if (code < 0x10000) soundsByCode[code] = s;
    else soundsAstral.set(code, s);
  }
  return s;
}

/** True when the characters with these code points share a toneless reading (neither is, unless both are Han). */
function sameSoundCodes(a: number, b: number): boolean {
  const ra = soundsOf(a);
  const rb = soundsOf(b);
  for (let i = 0; i < ra.length; i++) for (let j = 0; j < rb.length; j++) if (ra[i] === rb[j]) return true;
  return false;
}

/** A text's code points, for {@link codesDistance}: a value compared with many others is split once. */
export function codePoints(text: string): Int32Array {
  const codes: number[] = [];
  for (const ch of text) codes.push(ch.codePointAt(0)!);
  return Int32Array.from(codes);
}

/**
 * Edit distance by code point (a Han character counts once), with adjacent transpositions costing 1 (optimal string
 * alignment); with `sound`, substituting a homophone costs {@link HOMOPHONE_COST} instead of 1.
 */
export function editDistance(a: string, b: string, sound = false): number {
  if (a === b) return 0;
  return codesDistance(codePoints(a), codePoints(b), sound);
}

/** {@link editDistance} over code points already split (see {@link codePoints}). */
export function codesDistance(x: Int32Array, y: Int32Array, sound = false): number {
  const n = y.length;
  // Three rows (i − 2, i − 1, i), reused across calls for the short strings names are: imports score millions of pairs.
  let before = n < SCRATCH ? ROWS[0] : new Float64Array(n + 1);
  let prev = n < SCRATCH ? ROWS[1] : new Float64Array(n + 1);
  let cur = n < SCRATCH ? ROWS[2] : new Float64Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= x.length; i++) {
    const xi = x[i - 1]!;
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const yj = y[j - 1]!;
      // Readings are looked up (cached per character) only where the characters differ.
      const sub = xi === yj ? 0 : sound && sameSoundCodes(xi, yj) ? HOMOPHONE_COST : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + sub);
      if (i > 1 && j > 1 && xi === y[j - 2] && x[i - 2] === yj) d = Math.min(d, before[j - 2]! + 1);
      cur[j] = d;
    }
    const oldest = before;
    before = prev;
    prev = cur;
    cur = oldest;
  }
  return prev[n]!;
}

const SCRATCH = 64;
const ROWS = [new Float64Array(SCRATCH), new Float64Array(SCRATCH), new Float64Array(SCRATCH)] as const;

/** 1 − distance / longer length, in 0..1; two empty strings are equal (1). */
export function editSimilarity(a: string, b: string, sound = false): number {
  return codesSimilarity(codePoints(a), codePoints(b), sound);
}

/** {@link editSimilarity} over code points already split. */
export function codesSimilarity(x: Int32Array, y: Int32Array, sound = false): number {
  const len = Math.max(x.length, y.length);
  if (len === 0) return 1;
  return Math.max(0, 1 - codesDistance(x, y, sound) / len);
}

/**
 * False only when {@link codesSimilarity} is surely below `min`; true means "maybe" (compute it). Decides without the
 * edit-distance table where the distance allowed is under one edit: then only equal lengths and homophone
 * substitutions in place can stay within it (any insertion, deletion, transposition or other substitution costs 1).
 */
export function codesMayReach(x: Int32Array, y: Int32Array, min: number, sound = false): boolean {
  if (min <= 0) return true;
  if (min > 1) return false;
  const len = Math.max(x.length, y.length);
  const allowed = (1 - min) * len;
  if (Math.abs(x.length - y.length) > allowed) return false;
  if (allowed >= 1) return true;
  let d = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (a === b) continue;
    if (!sound || !sameSoundCodes(a, b)) return false;
    d += HOMOPHONE_COST;
    if (d > allowed) return false;
  }
  return true;
}

/** Rounds a similarity for display and stable test expectations. */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
