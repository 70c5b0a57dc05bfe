import * as OpenCC from 'opencc-js/t2cn';
import { toHalfWidth } from '@concord/table-engine';

// 'hk' (HK variants + OpenCC's traditional→simplified characters and phrases) rather than 'tw': the tw variant table
// turns 著 into 着 (著名 → 着名), which corrupts names; 'hk' also folds 衞/綫 that Hong Kong and Macau sheets use.
// The t2cn entry point is the ~110 KB build without the simplified→traditional dictionaries.
const hkToSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });

/** Traditional (Taiwan, Hong Kong) → simplified Chinese; other characters unchanged. */
export function toSimplified(text: string): string {
  return hkToSimplified(text);
}

/**
 * Folds what people type differently for the same text: NFKC (full-width forms, compatibility ideographs), full-width
 * ASCII, traditional characters, Latin case. Spaces and punctuation stay; see {@link compactText}.
 */
export function foldText(text: string): string {
  return toSimplified(toHalfWidth(text).normalize('NFKC')).toLowerCase();
}

/** Letters (any script, incl. CJK) and digits only: what is left once spaces and punctuation are gone. */
export function stripPunctuation(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** {@link foldText} without spaces and punctuation: the comparison form of free text. */
export function compactText(text: string): string {
  return stripPunctuation(foldText(text));
}

/** True for a Han (Chinese) character. */
export function isHan(ch: string): boolean {
  return /\p{Script=Han}/u.test(ch);
}
