import { describe, expect, it } from 'vitest';
import { comparators, compareValues, preparedSimilarity, prepareValue } from './comparators.ts';
import { CUSTOMER_FIELD_IDS, CUSTOMER_PAIRS } from './fixtures/customers.ts';
import { customerRuleTemplate, preparedScorer, prepareRecord, scorePair } from './score.ts';

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
});
