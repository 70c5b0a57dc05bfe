import { compareCompanies, companyKey } from './company-compare.ts';
import { parseCompanyName } from './company-name.ts';
import type { Comparison, KeyResult } from './comparison.ts';
import { compareCreditCodes, creditCodeKey } from './credit-code.ts';
import { compareEmails, emailKey, emailsIn } from './email.ts';
import { comparePersonNames, personNameKey } from './person-name.ts';
import { comparePhones, phoneKey, phonesIn } from './phone.ts';
import { compareExact, compareText, exactKey, textKey } from './plain-text.ts';
import { readings } from './similarity.ts';

export const comparators = ['exact', 'text', 'company', 'phone', 'email', 'creditCode', 'personName'] as const;
export type Comparator = (typeof comparators)[number];

interface ComparatorSpec {
  key(value: string): KeyResult;
  /** Every key to index a value under, so a lookup by any one finds it (a cell with two phones; a name's trade name). */
  blockingKeys(value: string): string[];
  compare(a: string, b: string): Comparison;
}

const single = (key: (value: string) => KeyResult) => (value: string) => {
  const k = key(value).key;
  return k ? [k] : [];
};

/** Core, trade name, and the trade name's pinyin (so 腾迅 finds 腾讯): exact keys that catch what trigrams on short names miss. */
function companyBlockingKeys(value: string): string[] {
  const name = parseCompanyName(value);
  if (!name) return [];
  const keys = [name.core];
  if (name.brand !== name.core && [...name.brand].length >= 2) keys.push(name.brand);
  if (/\p{Script=Han}/u.test(name.brand)) keys.push([...name.brand].map((ch) => readings(ch)[0] ?? ch).join(''));
  return [...new Set(keys)];
}

// One entry per comparator; adding a comparator to the list above without a spec here does not compile.
const SPECS: Record<Comparator, ComparatorSpec> = {
  exact: { key: exactKey, blockingKeys: single(exactKey), compare: compareExact },
  text: { key: textKey, blockingKeys: single(textKey), compare: compareText },
  company: { key: companyKey, blockingKeys: companyBlockingKeys, compare: compareCompanies },
  phone: { key: phoneKey, blockingKeys: phonesIn, compare: comparePhones },
  email: { key: emailKey, blockingKeys: emailsIn, compare: compareEmails },
  creditCode: { key: creditCodeKey, blockingKeys: single(creditCodeKey), compare: compareCreditCodes },
  personName: { key: personNameKey, blockingKeys: single(personNameKey), compare: comparePersonNames },
};

/**
 * Text of a cell → the normalised key to store in an indexed column for candidate lookup (null when empty or unusable),
 * plus warnings a person should see (an invalid credit code check digit, a phone that is not a phone).
 * @example dedupKey('company', '小馬智行科技（廣州）有限公司').key // '小马智行科技'
 */
export function dedupKey(c: Comparator, text: string): KeyResult {
  return SPECS[c].key(text);
}

/** All keys to index a cell under (a superset of {@link dedupKey}'s key); empty when the cell is empty or unusable. */
export function blockingKeys(c: Comparator, text: string): string[] {
  return SPECS[c].blockingKeys(text);
}

/**
 * Compares two cell texts: similarity 0..1, `conflict` when they are evidence of DIFFERENT entities, and why.
 * An empty or unusable side gives similarity 0 with no reason (no evidence either way).
 */
export function compareValues(c: Comparator, a: string, b: string): Comparison {
  return SPECS[c].compare(a, b);
}
