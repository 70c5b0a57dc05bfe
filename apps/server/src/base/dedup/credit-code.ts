import { toHalfWidth } from '@concord/table-engine';
import { NO_EVIDENCE, text, type Comparison, type KeyResult } from './comparison.ts';
import { editDistance } from './similarity.ts';

/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters over 0-9 and the capital letters without
 * I, O, S, V, Z. 1 registration authority, 2 entity type, 3–8 administrative division (digits), 9–17 organisation code,
 * 18 a check character.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const WELL_FORMED = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
/** The 15-digit business registration number (工商注册号) that older sheets still carry. */
const LEGACY = /^\d{15}$/;
// A different code that is one typo away from a valid one is probably that code mistyped.
const ONE_TYPO_SIMILARITY = 0.8;

/** Upper-case, half-width, without spaces and dashes: how people paste codes ("9144 0300 …", "9144-0300-…"). */
export function normalizeCreditCode(value: string): string {
  return toHalfWidth(value)
    .toUpperCase()
    .replace(/[\s\-_.]/g, '');
}

/** The check character for the first 17 characters of a code: 31 − (Σ value × weight mod 31), 31 → '0'. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/** Completes 17 characters into a code with a valid check character (used to build test data). */
export function withCheckChar(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}

export type CreditCodeStatus = 'valid' | 'badCheck' | 'legacy' | 'malformed';

export function creditCodeStatus(code: string): CreditCodeStatus {
  if (LEGACY.test(code)) return 'legacy';
  if (!WELL_FORMED.test(code)) return 'malformed';
  return code[17] === creditCodeCheckChar(code) ? 'valid' : 'badCheck';
}

export function creditCodeKey(value: string): KeyResult {
  const code = normalizeCreditCode(value);
  if (!code) return { key: null, warnings: [] };
  switch (creditCodeStatus(code)) {
    case 'valid':
    case 'legacy':
      return { key: code, warnings: [] };
    case 'badCheck':
      return {
        key: code,
        warnings: [text(`Credit code ${code} fails its check digit: probably mistyped`, `统一社会信用代码 ${code} 校验位不正确，可能录入有误`)],
      };
    case 'malformed':
      return {
        key: null,
        warnings: [text(`"${value.trim()}" is not an 18-character unified social credit code`, `“${value.trim()}”不是 18 位统一社会信用代码`)],
      };
  }
}

/** Equal codes → 1. Two different VALID codes are two legal entities: similarity 0 and a conflict. */
export function compareCreditCodes(x: string, y: string): Comparison {
  const a = normalizeCreditCode(x);
  const b = normalizeCreditCode(y);
  const sa = creditCodeStatus(a);
  const sb = creditCodeStatus(b);
  if (sa === 'malformed' || sb === 'malformed') return NO_EVIDENCE;
  if (a === b) return { similarity: 1, conflict: false, reason: text(`Same credit code ${a}`, `统一社会信用代码相同（${a}）`) };
  if (sa === 'valid' && sb === 'valid') {
    return {
      similarity: 0,
      conflict: true,
      reason: text(`Different credit codes (${a} / ${b}): two legal entities`, `统一社会信用代码不同（${a} / ${b}），是两个法人`),
    };
  }
  if (editDistance(a, b) <= 1 && (sa === 'badCheck' || sb === 'badCheck')) {
    return {
      similarity: ONE_TYPO_SIMILARITY,
      conflict: false,
      reason: text(
        `Credit codes differ by one character and one fails its check digit (${a} / ${b})`,
        `统一社会信用代码仅差一位且有一个校验位错误（${a} / ${b}）`,
      ),
    };
  }
  return NO_EVIDENCE;
}
