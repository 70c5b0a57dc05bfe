import { describe, expect, it } from 'vitest';
import { comparators, compareValues, preparedSimilarity, prepareValue } from './comparators.ts';
import { CUSTOMER_FIELD_IDS, CUSTOMER_PAIRS } from './fixtures/customers.ts';
import { customerRuleTemplate, preparedAtLeast, preparedScorer, prepareRecord, scorePair } from './score.ts';

const rows = (p: (typeof CUSTOMER_PAIRS)[number]) => [{ ...p.a }, { ...p.b }] as Record<string, string>[];

describe('prepared comparison (the import first look at a pair)', () => {
  it('gives exactly the similarity compareValues gives, for every comparator and fixture value', () => {
    const texts = [...new Set(CUSTOMER_PAIRS.flatMap((p) => [...Object.values(p.a), ...Object.values(p.b)]))].slice(0, 90);
    for (const c of comparators)
      for (const x of texts)
        for (const y of texts) {
          const [a, b] = [prepareValue(c, x), prepareValue(c, y)];
          expect(a && b ? preparedSimilarity(c, a, b) : 0, `${c}: ${x} / ${y}`).toBe(compareValues(c, x, y).similarity);
        }
  });
  it("gives exactly scorePair's score on every labelled pair, both ways round", () => {
    const rule = customerRuleTemplate(CUSTOMER_FIELD_IDS);
    const preparedScore = preparedScorer(rule);
    for (const p of CUSTOMER_PAIRS) {
      const [a, b] = rows(p) as [Record<string, string>, Record<string, string>];
      expect(preparedScore(prepareRecord(rule, a), prepareRecord(rule, b))).toBe(scorePair(rule, a, b).score);
      expect(preparedScore(prepareRecord(rule, b), prepareRecord(rule, a))).toBe(scorePair(rule, b, a).score);
    }
  });
  it('turns a pair down before its full score exactly when that score is below the threshold', () => {
    // Every fixture row against every other: mostly unrelated names, the look-alike pairs an import meets by the million.
    const rule = customerRuleTemplate(CUSTOMER_FIELD_IDS);
    const records = CUSTOMER_PAIRS.flatMap((p) => rows(p)).map((r) => prepareRecord(rule, r));
    const preparedScore = preparedScorer(rule);
    for (const threshold of [0.3, 0.6, rule.low, 0.8, rule.high, 0.99]) {
      const atLeast = preparedAtLeast(rule, threshold);
      const wrong: string[] = [];
      let turnedDown = 0;
      records.forEach((a, i) =>
        records.forEach((b, j) => {
          const expected = preparedScore(a, b) >= threshold;
          if (atLeast(a, b) !== expected) wrong.push(`${threshold}: ${i} / ${j}`);
          if (!expected) turnedDown++;
        }),
      );
      expect(wrong).toEqual([]);
      expect(turnedDown).toBeGreaterThan(records.length);
    }
  });
});
