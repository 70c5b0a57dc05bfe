import { describe, expect, it } from 'vitest';
import { compareCreditCodes, creditCodeCheckChar, creditCodeKey, creditCodeStatus, normalizeCreditCode, withCheckChar } from './credit-code.ts';

// Published codes of well-known companies (Huawei, Tencent, Alibaba China, Baidu): the algorithm must accept them.
const REAL = ['914403001922038216', '9144030071526726XG', '91330100716105852F', '91110000802100433B'];
const VALID = withCheckChar('91440106MA59C8XP3');
const OTHER = withCheckChar('91110108MA01DU4K5');
const mistyped = (code: string) => code.slice(0, 17) + (code[17] === '1' ? '2' : '1');

describe('credit code check character (GB 32100-2015)', () => {
  it('accepts real codes', () => {
    for (const code of REAL) expect(creditCodeStatus(code)).toBe('valid');
  });
  it('computes 31 − (Σ value × weight mod 31), 31 → 0, letters without I O S V Z', () => {
    for (const code of REAL) expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
    expect(creditCodeStatus(VALID)).toBe('valid');
  });
  it('tells a mistyped check character, a malformed code and an old 15-digit registration number apart', () => {
    expect(creditCodeStatus(mistyped(VALID))).toBe('badCheck');
    expect(creditCodeStatus('9144010612345')).toBe('malformed');
    expect(creditCodeStatus('91440106MA59C8XPO1')).toBe('malformed'); // O is not in the charset
    expect(creditCodeStatus('440106000123456')).toBe('legacy');
  });
  it('normalises how codes are pasted: lower case, full width, spaces, dashes', () => {
    expect(normalizeCreditCode(' 9144 0300-7152 6726 xg ')).toBe('9144030071526726XG');
    expect(normalizeCreditCode('９１４４０３００１９２２０３８２１６')).toBe('914403001922038216');
  });
});

describe('creditCodeKey', () => {
  it('keys a valid code in upper case without warnings', () => {
    expect(creditCodeKey('9144030071526726xg')).toEqual({ key: '9144030071526726XG', warnings: [] });
  });
  it('keys a code with a wrong check character but warns', () => {
    const r = creditCodeKey(mistyped(VALID));
    expect(r.key).toBe(mistyped(VALID));
    expect(r.warnings[0]?.zh).toContain('校验位');
  });
  it('gives no key and a warning for something that is not a code; nothing for an empty cell', () => {
    const r = creditCodeKey('N/A');
    expect(r.key).toBeNull();
    expect(r.warnings).toHaveLength(1);
    expect(creditCodeKey('  ')).toEqual({ key: null, warnings: [] });
  });
});

describe('compareCreditCodes', () => {
  it('matches the same code in any format', () => {
    expect(compareCreditCodes(VALID, ` ${VALID.toLowerCase().slice(0, 6)}-${VALID.slice(6)}`)).toMatchObject({ similarity: 1, conflict: false });
  });
  it('calls two different valid codes two legal entities: similarity 0 and a conflict', () => {
    const r = compareCreditCodes(VALID, OTHER);
    expect(r).toMatchObject({ similarity: 0, conflict: true });
    expect(r.reason?.en).toContain('two legal entities');
  });
  it('treats a code one typo away from the other, failing its check, as probably the same', () => {
    expect(compareCreditCodes(VALID, mistyped(VALID))).toMatchObject({ similarity: 0.8, conflict: false });
  });
  it('gives no evidence for malformed codes or unrelated invalid ones', () => {
    expect(compareCreditCodes(VALID, 'unknown')).toEqual({ similarity: 0, conflict: false, reason: null });
    expect(compareCreditCodes(mistyped(VALID), mistyped(OTHER)).similarity).toBe(0);
    expect(compareCreditCodes(mistyped(VALID), mistyped(OTHER)).conflict).toBe(false);
  });
});
