import { placesConflict } from './china-places.ts';
import { GENERIC_INDUSTRY, INDUSTRY_SYNONYMS } from './company-words.ts';
import { parseCompanyName, type CompanyName } from './company-name.ts';
import { NO_EVIDENCE, percent, text, type Comparison, type KeyResult } from './comparison.ts';
import { memo } from './memo.ts';
import { codePoints, codesMayReach, codesSimilarity } from './similarity.ts';

// Similarity multipliers when the trade names agree but the industry words do not: one side leaving out generic words
// is the usual spreadsheet shorthand (小马智行 for 小马智行科技); leaving out business-defining ones (美的 / 美的置业) or
// naming different ones (招商银行 / 招商证券) more often means another company of the same group.
const GENERIC_OMITTED = 0.95;
const SYNONYM = 0.95;
const SPECIFIC_OMITTED = 0.75;
const DIFFERENT_INDUSTRY = 0.75;
// Whole cores are compared only when the industry words differ, discounted: a shared typo-free tail proves little.
const CORE_DISCOUNT = 0.9;
// Below this the names are different anyway, and city or branch differences are not worth reporting.
const CONFLICT_FROM = 0.6;

/** A parsed name with its trade name and core split into code points once: an import compares each with dozens of others. */
export interface PreparedCompany {
  readonly name: CompanyName;
  readonly brand: Int32Array;
  readonly core: Int32Array;
  /** The industry words as a small number: equal lists, equal numbers (see industryFactorOf). */
  readonly industryId: number;
}

const industryIds = new Map<string, number>();
const industryLists: (readonly string[])[] = [];
function industryIdOf(words: readonly string[]): number {
  const key = words.join('\u0001');
  let id = industryIds.get(key);
  if (id === undefined) {
    id = industryLists.push(words) - 1;
    industryIds.set(key, id);
  }
  return id;
}

/** Parses a company name for comparison; null when nothing identifying is left (see parseCompanyName). */
export const prepareCompany = memo((value: string): PreparedCompany | null => {
  const name = parseCompanyName(value);
  return name && { name, brand: codePoints(name.brand), core: codePoints(name.core), industryId: industryIdOf(name.industry) };
}, 250_000);

export function companyKey(value: string): KeyResult {
  return { key: parseCompanyName(value)?.core ?? null, warnings: [] };
}

const canonical = (words: readonly string[]) => words.map((w) => INDUSTRY_SYNONYMS[w] ?? w);

// Word lists compared element by element (industry words never contain the ',' a join would add).
const sameWords = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((w, i) => w === b[i]);

function industryFactor(a: readonly string[], b: readonly string[]): number {
  if (sameWords(a, b)) return 1;
  const [x, y] = [canonical(a), canonical(b)];
  if (sameWords(x, y)) return SYNONYM;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (!short.every((w) => long.includes(w))) return DIFFERENT_INDUSTRY;
  return long.filter((w) => !short.includes(w)).every((w) => GENERIC_INDUSTRY.has(w)) ? GENERIC_OMITTED : SPECIFIC_OMITTED;
}

/**
 * By trade name, scaled by how the industry words differ. The whole core is compared too, but only when the industry
 * words differ, since a typo there (海康威视数字技木) moves the split; when they agree, shared industry words would only
 * make two trade names look alike (小马智行科技 / 小马出行科技).
 */
export function companySimilarity(a: PreparedCompany, b: PreparedCompany): number {
  if (a.name.core === b.name.core) return 1;
  const factor = industryFactorOf(a, b);
  const byBrand = codesSimilarity(a.brand, b.brand, true) * factor;
  return factor === 1 ? byBrand : Math.max(byBrand, codesSimilarity(a.core, b.core, true) * CORE_DISCOUNT);
}

/** False only when {@link companySimilarity} is surely below `min` (most look-alike pairs of an import); true means "maybe". */
export function companyMayReach(a: PreparedCompany, b: PreparedCompany, min: number): boolean {
  if (a.name.core === b.name.core) return true;
  const factor = industryFactorOf(a, b);
  if (codesMayReach(a.brand, b.brand, min / factor, true)) return true;
  return factor !== 1 && codesMayReach(a.core, b.core, min / CORE_DISCOUNT, true);
}

// industryFactor by pair of industry lists: a sheet has a few dozen distinct lists and millions of pairs to compare.
const factors = new Map<number, number>();
function industryFactorOf(a: PreparedCompany, b: PreparedCompany): number {
  if (a.industryId === b.industryId) return 1;
  if (a.industryId >= 0x8000 || b.industryId >= 0x8000) return industryFactor(a.name.industry, b.name.industry);
  const key = (a.industryId << 15) | b.industryId;
  let f = factors.get(key);
  if (f === undefined) {
    f = industryFactor(industryLists[a.industryId]!, industryLists[b.industryId]!);
    factors.set(key, f);
  }
  return f;
}

function conflictReason(a: CompanyName, b: CompanyName): Comparison['reason'] {
  if ((a.branch === null) !== (b.branch === null)) {
    const branch = a.branch ?? b.branch;
    const where = branch ? ` (${branch})` : '';
    return text(
      `One is a branch${where} of the other: a branch is a separate customer`,
      `其中一条是另一条的分支机构${branch ? `（${branch}）` : ''}，分公司是独立的客户`,
    );
  }
  if (a.branch && b.branch && a.branch !== b.branch) {
    return text(`Different branches (${a.branch} / ${b.branch})`, `不同的分支机构（${a.branch} / ${b.branch}）`);
  }
  if (placesConflict(a.places, b.places)) {
    const pa = a.places.map((p) => p.name).join('');
    const pb = b.places.map((p) => p.name).join('');
    return text(`Same name in different places (${pa} / ${pb}): likely sister companies`, `同名但地区不同（${pa} / ${pb}），可能是兄弟公司`);
  }
  return null;
}

function matchReason(a: CompanyName, b: CompanyName, similarity: number): Comparison['reason'] {
  if (a.core === b.core) return text(`Same company name (${a.core})`, `公司名称相同（${a.core}）`);
  if (a.brand === b.brand) {
    const [x, y] = [a.industry.join(''), b.industry.join('')];
    return text(
      `Same trade name ${a.brand}, industry words differ (${x || '—'} / ${y || '—'})`,
      `字号相同（${a.brand}），行业用语不同（${x || '无'} / ${y || '无'}）`,
    );
  }
  return text(`Similar company names ${a.core} / ${b.core} (${percent(similarity)})`, `公司名称相近：${a.core} / ${b.core}（${percent(similarity)}）`);
}

/**
 * Compares two company names by their core (trade name + industry words), ignoring places, brackets, legal forms,
 * width, case and traditional characters. Sister companies (same name, different cities) and branches are a conflict.
 */
export function compareCompanies(x: string, y: string): Comparison {
  const pa = prepareCompany(x);
  const pb = prepareCompany(y);
  if (!pa || !pb) return NO_EVIDENCE;
  const similarity = companySimilarity(pa, pb);
  if (similarity < 0.5) return { similarity, conflict: false, reason: null };
  const [a, b] = [pa.name, pb.name];
  const conflict = similarity >= CONFLICT_FROM ? conflictReason(a, b) : null;
  return { similarity, conflict: conflict !== null, reason: conflict ?? matchReason(a, b, similarity) };
}
