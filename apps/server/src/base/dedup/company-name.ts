import { BRANCH_SUFFIXES_LATIN, BRANCH_SUFFIXES_ZH, INDUSTRY_LATIN, INDUSTRY_ZH, NOISE_IN_BRACKETS, ORG_FORMS_LATIN, ORG_FORMS_ZH } from './company-words.ts';
import { placeNamed, placePrefix, placeSuffix, type Place } from './china-places.ts';
import { memo } from './memo.ts';
import { foldText, stripPunctuation } from './normalize-text.ts';

/** A company name taken apart: what identifies the customer (brand + industry words) and what places it in the world. */
export interface CompanyName {
  /** Trade name and industry words, without places, brackets, legal form or spaces: the lookup key ("小马智行科技"). */
  readonly core: string;
  /** The trade name alone (字号): `core` without trailing industry words ("小马智行"). */
  readonly brand: string;
  /** The industry words that were cut off `core`, in order (["信息", "技术"]), possibly none. */
  readonly industry: readonly string[];
  /** Places the name states explicitly: a prefix (广东省深圳市…) or a bracketed city（广州）. */
  readonly places: readonly Place[];
  /** null for a head office; the branch's name for a 分公司/分行/branch ("上海"), '' when it has none we can read. */
  readonly branch: string | null;
}

const OPEN = /[【〔［〖「『《<[{]/g;
const CLOSE = /[】〕］〗」』》>\]}]/g;
const BRACKETED = /\(([^()]*)(?:\)|$)/g;
const ORG_FORM_ZH_END = new RegExp(`(${ORG_FORMS_ZH.join('|')})$`);
const LAST_ORG_FORM_ZH = new RegExp(`^(.*(?:${ORG_FORMS_ZH.join('|')}))(.*)$`);
const LATIN_STOPWORDS = new Set(['of', 'and', 'for', 'the', 'de']);
// Made once: every name without a Chinese branch suffix is tested against each.
const BRANCH_LATIN = BRANCH_SUFFIXES_LATIN.map((suffix) => ({ suffix, end: new RegExp(`\\b${suffix}$`) }));

const trimEnd = (s: string) => s.replace(/[^\p{L}\p{N}]+$/u, '');
const trimStart = (s: string) => s.replace(/^[^\p{L}\p{N}]+/u, '');
const lastLatinWord = (s: string) => /([a-z]+)$/.exec(s)?.[1] ?? null;
/** The word before the last one, to keep "bank of china" and "bank of communications" whole. */
const wordBefore = (s: string, last: string) => lastLatinWord(trimEnd(s.slice(0, s.length - last.length)));

/** Drops brackets, keeping what they say about place; returns the text without them. */
function takeBrackets(s: string, places: Place[], asides: string[]): string {
  return s.replace(BRACKETED, (_, inner: string) => {
    const t = inner.trim();
    const place = placeNamed(t) ?? (/^\p{Script=Han}+$/u.test(t) ? (placePrefix(t)?.place ?? null) : null);
    if (place) places.push(place);
    else if (!NOISE_IN_BRACKETS.has(t) && !ORG_FORM_ZH_END.test(t)) asides.push(t);
    return ' ';
  });
}

/** Cuts a branch suffix off; the branch's name is what follows the head office's legal form, or a trailing place. */
function takeBranch(s: string): { rest: string; branch: string | null } {
  const t = trimEnd(s);
  const zh = BRANCH_SUFFIXES_ZH.find((suffix) => t.endsWith(suffix) && t.length > suffix.length);
  const latin = zh ? undefined : BRANCH_LATIN.find(({ suffix, end }) => end.test(t) && t.length > suffix.length)?.suffix;
  const suffix = zh ?? latin;
  if (!suffix) return { rest: s, branch: null };
  const head = trimEnd(t.slice(0, t.length - suffix.length));
  const split = zh ? LAST_ORG_FORM_ZH.exec(head) : null;
  if (split && stripPunctuation(split[2]!)) return { rest: split[1]!, branch: branchName(split[2]!) };
  const place = zh ? placeSuffix(head) : latinPlaceAtEnd(head);
  if (place && place.length < head.length) return { rest: head.slice(0, head.length - place.length), branch: place.place.name };
  return { rest: head, branch: '' };
}

function branchName(text: string): string {
  const t = stripPunctuation(text);
  return placeNamed(t)?.name ?? placePrefix(t)?.place.name ?? t;
}

function latinPlaceAtEnd(s: string): { place: Place; length: number } | null {
  const m = /([a-z]+)(\s+[a-z]+)?$/.exec(s);
  if (!m) return null;
  for (const text of [m[0], m[2] ? m[2] : m[1]!]) {
    const place = placeNamed(text);
    if (place) return { place, length: text.trimStart().length };
  }
  return null;
}

/** Strips legal forms from the end, repeatedly ("集团控股有限公司", "Holdings Co., Ltd."). */
function stripOrgForms(s: string): string {
  let t = trimEnd(s);
  for (;;) {
    const zh = ORG_FORM_ZH_END.exec(t);
    if (zh) {
      t = trimEnd(t.slice(0, zh.index));
      continue;
    }
    const word = lastLatinWord(t);
    if (word && ORG_FORMS_LATIN.has(word) && !(word === 'china' && wordBefore(t, word) === 'of')) {
      t = trimEnd(t.slice(0, t.length - word.length));
      continue;
    }
    return t;
  }
}

/** Splits trailing industry words off: 小马智行科技 → 小马智行 + 科技. Keeps at least `minBrand` characters of trade name. */
export function splitIndustry(s: string, minBrand = 2): { brand: string; industry: string[] } {
  let t = trimEnd(s);
  const industry: string[] = [];
  for (;;) {
    const zh = INDUSTRY_ZH.find((w) => t.endsWith(w));
    const word = zh ? null : lastLatinWord(t);
    const cut = zh ?? (word && INDUSTRY_LATIN.has(word) && !LATIN_STOPWORDS.has(wordBefore(t, word) ?? '') ? word : null);
    if (!cut) break;
    const rest = trimEnd(t.slice(0, t.length - cut.length));
    if ([...stripPunctuation(rest)].length < minBrand) break;
    industry.unshift(cut);
    t = rest;
  }
  return { brand: stripPunctuation(t), industry };
}

/** Strips places from the start ("广东省深圳市…", "Shanghai …") unless what is left would be only industry words (北京银行). */
function stripPlacePrefixes(s: string, places: Place[]): string {
  let t = trimStart(s);
  for (let i = 0; i < 3; i++) {
    const zh = placePrefix(t);
    const latin = zh ? null : latinPlaceAtStart(t);
    const found = zh ?? latin;
    if (!found) break;
    const rest = trimStart(t.slice(found.length));
    if ([...splitIndustry(rest, 0).brand].length < 2) break;
    places.push(found.place);
    t = rest;
  }
  return t;
}

/** A place left at the end once the legal form is gone: "Tencent Technology Shenzhen Co., Ltd.", "腾讯科技深圳有限公司". */
function stripPlaceSuffix(s: string, places: Place[]): string {
  const found = /[a-z]$/.test(s) ? latinPlaceAtEnd(s) : placeSuffix(s);
  if (!found) return s;
  const rest = trimEnd(s.slice(0, s.length - found.length));
  if ([...splitIndustry(rest, 0).brand].length < 2) return s;
  places.push(found.place);
  return rest;
}

/** A subsidiary named after its group and city: "美的集团武汉制冷设备" → 美的集团制冷设备 in 武汉. */
function stripGroupPlace(s: string, places: Place[]): string {
  const at = s.indexOf('集团');
  if (at < 0) return s;
  const after = s.slice(at + 2);
  const found = placePrefix(after);
  if (!found || [...stripPunctuation(after.slice(found.length))].length < 2) return s;
  places.push(found.place);
  return s.slice(0, at + 2) + after.slice(found.length);
}

function latinPlaceAtStart(s: string): { place: Place; length: number } | null {
  const m = /^([a-z]+)(\s+[a-z]+)?/.exec(s);
  if (!m) return null;
  for (const text of m[2] ? [m[0], m[1]!] : [m[1]!]) {
    const place = placeNamed(text);
    if (place) return { place, length: text.length };
  }
  return null;
}

/**
 * Takes a company name apart. Returns null when nothing identifying is left (empty, or only a legal form).
 * @example parseCompanyName('小馬智行科技（廣州）有限公司') // { core: '小马智行科技', brand: '小马智行', industry: ['科技'], places: [广州], branch: null }
 */
// Large enough for an import of 100,000 rows against as many candidates: a smaller cache thrashes and triples the cost
// of scoring (each row is compared with dozens of records, each record with dozens of rows).
export const parseCompanyName = memo(parse, 250_000);

function parse(text: string): CompanyName | null {
  const places: Place[] = [];
  const asides: string[] = [];
  let s = foldText(text).replace(OPEN, '(').replace(CLOSE, ')');
  s = takeBrackets(s, places, asides).replace(/\s+/g, ' ').trim();
  const { rest, branch } = takeBranch(s);
  s = stripGroupPlace(stripPlaceSuffix(stripPlacePrefixes(stripOrgForms(rest), places), places), places);
  if (!stripPunctuation(s)) s = asides.join(' ');
  const core = stripPunctuation(s);
  if (!core) return null;
  const { brand, industry } = splitIndustry(s);
  return { core, brand, industry, places, branch };
}
