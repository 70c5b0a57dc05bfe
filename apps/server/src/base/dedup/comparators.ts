import { compareCompanies, companyKey, companyMayReach, companySimilarity, prepareCompany } from './company-compare.ts';
import { parseCompanyName } from './company-name.ts';
import type { Comparison, KeyResult } from './comparison.ts';
import { compareCreditCodes, creditCodeKey } from './credit-code.ts';
import { compareEmails, emailKey, emailsIn } from './email.ts';
import { comparePersonNames, personNameKey } from './person-name.ts';
import { cachedPhonesIn, comparePhones, phoneKey, phonesIn } from './phone.ts';
import { compareExact, compareText, exactKey, textKey } from './plain-text.ts';
import { readings } from './similarity.ts';

export const comparators = ['exact', 'text', 'company', 'phone', 'email', 'creditCode', 'personName'] as const;
export type Comparator = (typeof comparators)[number];

interface ComparatorSpec<P = unknown> {
  key(value: string): KeyResult;
  /** Every key to index a value under, so a lookup by any one finds it (a cell with two phones; a name's trade name). */
  blockingKeys(value: string): string[];
  compare(a: string, b: string): Comparison;
  /** The form `similarity` reads, made once per value: an import compares each value with dozens of others. */
  prepare(value: string): P;
  /** Exactly `compare(a, b).similarity`, without building reasons: most candidate pairs of an import stop here. */
  similarity(a: P, b: P): number;
  /** False only when `similarity(a, b)` is surely below `min`, decided cheaper than computing it; absent: always "maybe". */
  mayReach?(a: P, b: P, min: number): boolean;
}

/** Checks each spec's prepare and similarity agree on their form, then forgets it. */
const spec = <P>(s: ComparatorSpec<P>): ComparatorSpec => s as ComparatorSpec;

/** For comparators cheap enough (or rare enough in imports) to compare as text. */
const asText = (compare: (a: string, b: string) => Comparison) => ({
  compare,
  prepare: (value: string) => value,
  similarity: (a: string, b: string) => compare(a, b).similarity,
});

function shareOne(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) if (a[i] === b[j]) return 1;
  return 0;
}

// Normalised phones and emails are built by concatenation; flat copies compare several times faster, millions of times.
const flat = (values: readonly string[]) => values.map((v) => [...v].join(''));

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
  exact: spec({ key: exactKey, blockingKeys: single(exactKey), ...asText(compareExact) }),
  text: spec({ key: textKey, blockingKeys: single(textKey), ...asText(compareText) }),
  company: spec({
    key: companyKey,
    blockingKeys: companyBlockingKeys,
    compare: compareCompanies,
    prepare: prepareCompany,
    similarity: (a, b) => (a && b ? companySimilarity(a, b) : 0),
    mayReach: (a, b, min) => (a && b ? companyMayReach(a, b, min) : min <= 0),
  }),
  phone: spec({ key: phoneKey, blockingKeys: phonesIn, compare: comparePhones, prepare: (v) => flat(cachedPhonesIn(v)), similarity: shareOne }),
  email: spec({ key: emailKey, blockingKeys: emailsIn, compare: compareEmails, prepare: (v) => flat(emailsIn(v)), similarity: shareOne }),
  creditCode: spec({ key: creditCodeKey, blockingKeys: single(creditCodeKey), ...asText(compareCreditCodes) }),
  personName: spec({ key: personNameKey, blockingKeys: single(personNameKey), ...asText(comparePersonNames) }),
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

/** A cell made ready for {@link preparedSimilarity}; opaque outside this module. */
declare const prepared: unique symbol;
export interface PreparedValue {
  readonly [prepared]: true;
}

/** Normalises a cell once for many {@link preparedSimilarity} calls; null when nothing comparable is left. */
export function prepareValue(c: Comparator, text: string): PreparedValue | null {
  return (SPECS[c].prepare(text) ?? null) as PreparedValue | null;
}

/** Exactly `compareValues(c, a, b).similarity` for the texts `a` and `b` were prepared from, without reasons. */
export function preparedSimilarity(c: Comparator, a: PreparedValue, b: PreparedValue): number {
  return SPECS[c].similarity(a, b);
}

/** False only when {@link preparedSimilarity} is surely below `min`; true means "maybe", including for comparators without a quick test. */
export function preparedMayReach(c: Comparator, a: PreparedValue, b: PreparedValue, min: number): boolean {
  const mayReach = SPECS[c].mayReach;
  return mayReach ? mayReach(a, b, min) : true;
}
