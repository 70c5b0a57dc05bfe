import { describe, expect, it } from 'vitest';
import { creditCodeStatus } from './credit-code.ts';
import { CUSTOMER_FIELD_IDS, CUSTOMER_PAIRS, VALID_CODES_IN_SAME } from './fixtures/customers.ts';
import { evaluateRule } from './fixtures/quality.ts';
import { customerRuleTemplate, scorePair } from './score.ts';

const quality = evaluateRule(customerRuleTemplate(CUSTOMER_FIELD_IDS), CUSTOMER_PAIRS);
const describePair = (o: (typeof quality.outcomes)[number]) =>
  `${o.pair.kind}: ${o.pair.a.company} | ${o.pair.b.company} → ${o.decision} ${o.score.toFixed(3)}`;

describe('customer fixtures', () => {
  it('hold enough labelled pairs of both kinds', () => {
    expect(CUSTOMER_PAIRS.length).toBeGreaterThanOrEqual(200);
    expect(quality.samePairs).toBeGreaterThanOrEqual(100);
    expect(quality.pairs - quality.samePairs).toBeGreaterThanOrEqual(80);
  });
  it('use credit codes with valid check characters where they mean to', () => {
    for (const code of VALID_CODES_IN_SAME) expect(creditCodeStatus(code)).toBe('valid');
    const codes = CUSTOMER_PAIRS.flatMap((p) => [p.a.creditCode, p.b.creditCode]).filter((c): c is string => !!c);
    expect(codes.filter((c) => creditCodeStatus(c.toUpperCase()) === 'valid').length).toBeGreaterThan(20);
  });
});

describe('default customer rule on the fixtures', () => {
  it('never merges two different customers automatically (merge precision 1.0), with or without the contact name', () => {
    const { contact: _contact, ...withoutContact } = CUSTOMER_FIELD_IDS;
    for (const q of [quality, evaluateRule(customerRuleTemplate(withoutContact), CUSTOMER_PAIRS)]) {
      const falseMerges = q.outcomes.filter((o) => !o.pair.same && o.decision === 'merge').map(describePair);
      expect(falseMerges).toEqual([]);
      expect(q.merge.precision).toBe(1);
    }
  });
  it('never merges sister companies or branches', () => {
    for (const o of quality.outcomes.filter((x) => x.pair.kind === 'sister' || x.pair.kind === 'branch')) {
      expect(o.decision, describePair(o)).toBe('flag');
    }
  });
  it('merges most duplicates and shows nearly all of them to a person', () => {
    // Floors a little under the measured values (see bench/dedup-quality.ts) so a regression fails, not a re-tune.
    expect(quality.merge.recall).toBeGreaterThanOrEqual(0.8);
    expect(quality.flagOrMerge.recall).toBeGreaterThanOrEqual(0.97);
    expect(quality.flagOrMerge.precision).toBeGreaterThanOrEqual(0.68);
  });
  it('scores a pair the same whichever record comes first', () => {
    const rule = customerRuleTemplate(CUSTOMER_FIELD_IDS);
    for (const { a, b } of CUSTOMER_PAIRS) {
      const [ab, ba] = [scorePair(rule, { ...a }, { ...b }), scorePair(rule, { ...b }, { ...a })];
      expect([ba.score, ba.decision]).toEqual([ab.score, ab.decision]);
    }
  });
  it('does not merge on a company name alone', () => {
    for (const o of quality.outcomes.filter((x) => x.pair.kind === 'name-only')) expect(o.decision, describePair(o)).not.toBe('merge');
  });
});
