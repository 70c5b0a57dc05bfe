import { withCheckChar } from '../base/index.ts';
import { STAGES, type StageKey } from './crm-template.ts';
import * as W from './crm-demo-words.ts';

/**
 * The demo sales floor, computed before touching the database and the same on every run for the same `now`: enterprise
 * customers (companies buying employee rides) in a believable funnel, their contacts, opportunities and a few months of
 * activities, plus near-duplicates of some customers (typos, bracketed city, full-width digits, phone formats) for the
 * review view. People are slots (owner 0…n-1) that the seed maps onto the directory's salespeople.
 */

export type DuplicateKind = 'typo' | 'bracketCity' | 'fullWidth' | 'phoneFormat' | 'sameCode';

export interface DemoCustomer {
  company: string;
  creditCode: string | null;
  city: string;
  /** Indexes into the template's INDUSTRIES, TIERS and SOURCES. */
  industry: number;
  tier: number;
  source: number;
  stage: StageKey;
  ownerSlot: number;
  contact: string;
  phone: string;
  email: string;
  amount: number;
  nextFollowUp: Date | null;
  createdAt: Date;
  /** Set on near-duplicates: the index of the customer they copy and how. */
  duplicateOf: { index: number; kind: DuplicateKind } | null;
}
export interface DemoContact {
  customer: number;
  name: string;
  title: string;
  phone: string;
  email: string;
  decisionMaker: boolean;
  createdAt: Date;
}
export interface DemoOpportunity {
  customer: number;
  name: string;
  amount: number;
  closeDate: Date;
  stage: StageKey;
  probability: number;
  ownerSlot: number;
  createdAt: Date;
}
export interface DemoActivity {
  customer: number;
  /** Index into the demo's contacts, or null for notes about the company. */
  contact: number | null;
  type: number;
  subject: string;
  notes: string;
  at: Date;
  ownerSlot: number;
}
export interface CrmDemoData {
  customers: DemoCustomer[];
  contacts: DemoContact[];
  opportunities: DemoOpportunity[];
  activities: DemoActivity[];
}

const DAY = 86_400_000;
/** How the funnel is shaped: share of customers sitting at each stage, and the youngest a customer at it can be (days). */
const STAGE_SHAPE: Record<StageKey, { weight: number; minAgeDays: number; activities: [number, number] }> = {
  lead: { weight: 30, minAgeDays: 0, activities: [0, 1] },
  contacted: { weight: 20, minAgeDays: 3, activities: [1, 2] },
  qualified: { weight: 14, minAgeDays: 10, activities: [2, 4] },
  proposal: { weight: 10, minAgeDays: 18, activities: [3, 5] },
  negotiation: { weight: 7, minAgeDays: 25, activities: [4, 6] },
  won: { weight: 10, minAgeDays: 30, activities: [5, 8] },
  lost: { weight: 9, minAgeDays: 15, activities: [2, 5] },
};
/** Referrals and partners convert better than ads and cold calls (template SOURCES order). */
const SOURCE_WEIGHTS = [20, 12, 10, 22, 14, 22];
const SOURCE_WIN = [1.0, 1.1, 1.8, 0.6, 1.3, 0.7];
const TIER_WEIGHTS = [8, 27, 65];
const TIER_AMOUNT: [number, number][] = [
  [200_000, 1_000_000],
  [50_000, 200_000],
  [5_000, 50_000],
];
const DUPLICATE_KINDS: DuplicateKind[] = ['typo', 'bracketCity', 'fullWidth', 'phoneFormat', 'sameCode'];

/** mulberry32: a tiny seeded generator, so every run produces the same customers. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted(rnd: () => number, weights: readonly number[]): number {
  let r = rnd() * weights.reduce((a, b) => a + b, 0);
  for (const [i, w] of weights.entries()) if ((r -= w) < 0) return i;
  return weights.length - 1;
}
const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
const between = (rnd: () => number, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const CODE_CHARS = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];

/** A well-formed unified social credit code (GB 32100) for an enterprise registered in `division`. */
function creditCode(rnd: () => number, division: string): string {
  let org = '';
  for (let i = 0; i < 8; i++) org += Math.floor(rnd() * 10);
  return withCheckChar(`91${division}${org}${pick(rnd, CODE_CHARS)}`);
}

function mobile(rnd: () => number, used: Set<string>): string {
  for (;;) {
    let rest = '';
    for (let i = 0; i < 8; i++) rest += Math.floor(rnd() * 10);
    const m = `+86${pick(rnd, W.MOBILE_PREFIXES)}${rest}`;
    if (!used.has(m)) {
      used.add(m);
      return m;
    }
  }
}

/** Distinct trade names (字号): two characters, or three when two run out. */
function brands(rnd: () => number, count: number): string[] {
  const out = new Set<string>();
  while (out.size < count) {
    const two = pick(rnd, W.BRAND_FIRST) + pick(rnd, W.BRAND_SECOND);
    out.add(rnd() < 0.55 ? two : two + pick(rnd, W.BRAND_THIRD));
  }
  return [...out];
}

/** Pinyin of a trade name for e-mail domains, supplied by the caller (the org slice owns pinyin). */
export type Romanize = (text: string) => string;

/** A near-duplicate of `c` the way people really re-enter a customer. */
function nearDuplicate(rnd: () => number, c: DemoCustomer, brand: string, industryWord: string, kind: DuplicateKind, now: Date): DemoCustomer {
  const later = new Date(Math.min(now.getTime() - DAY, c.createdAt.getTime() + between(rnd, 3, 40) * DAY));
  const copy: DemoCustomer = { ...c, createdAt: later, stage: 'lead', nextFollowUp: null, duplicateOf: null };
  switch (kind) {
    case 'typo': {
      const at = [...brand].findIndex((ch) => W.TYPO_SWAPS[ch]);
      const typoBrand = at < 0 ? brand : [...brand].map((ch, i) => (i === at ? W.TYPO_SWAPS[ch]! : ch)).join('');
      return { ...copy, company: `${c.city}${typoBrand}${industryWord}有限公司`, creditCode: null, phone: c.phone.replace('+86', '') };
    }
    case 'bracketCity':
      return { ...copy, company: `${brand}${industryWord}（${c.city}）有限公司`, creditCode: null, contact: '', phone: '', email: '' };
    case 'fullWidth':
      // Full-width digits and a shortened name, as pasted from a WeChat message.
      return {
        ...copy,
        company: `${brand}${industryWord.slice(0, 2)}`,
        creditCode: null,
        phone: c.phone.replace('+86', '').replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
      };
    case 'phoneFormat': {
      const p = c.phone.replace('+86', '');
      return { ...copy, company: `${c.city}${brand}${industryWord}`, creditCode: null, phone: `+86 ${p.slice(0, 3)}-${p.slice(3, 7)}-${p.slice(7)}` };
    }
    case 'sameCode':
      return { ...copy, company: `${brand}${industryWord}股份有限公司`, email: c.email.toUpperCase() };
  }
}

/**
 * The demo CRM for a sales floor of `owners` people, as of `now`: ~`count` customers created over the last ~4 months,
 * plus `duplicates` near-duplicates appended at the end (each pointing at its original).
 * @example const data = generateCrmDemo({ now, owners: 18, romanize: (s) => nameKeys(s).pinyin })
 */
export function generateCrmDemo(opts: { now: Date; owners: number; romanize: Romanize; count?: number; duplicates?: number; seed?: number }): CrmDemoData {
  const rnd = seeded(opts.seed ?? 20261124);
  const count = opts.count ?? 2000;
  const owners = Math.max(1, opts.owners);
  const now = opts.now.getTime();
  // Some salespeople close far more than others: the dashboard's conversion by owner should show it.
  const skill = Array.from({ length: owners }, () => 0.5 + rnd());
  const names = brands(rnd, count);
  const phones = new Set<string>();
  const data: CrmDemoData = { customers: [], contacts: [], opportunities: [], activities: [] };
  const brandOf: { brand: string; industryWord: string }[] = [];
  const stageKeys = STAGES.map((s) => s.key);
  for (let i = 0; i < count; i++) {
    const city =
      W.CITIES[
        weighted(
          rnd,
          W.CITIES.map((c) => c.weight),
        )
      ]!;
    const industry = weighted(rnd, W.INDUSTRY_WEIGHTS);
    const industryWord = pick(rnd, W.INDUSTRY_WORDS[industry]!);
    const tier = weighted(rnd, TIER_WEIGHTS);
    const source = weighted(rnd, SOURCE_WEIGHTS);
    const ownerSlot = Math.floor(rnd() * owners);
    const win = skill[ownerSlot]! * SOURCE_WIN[source]!;
    // More customers arrive each week (the team is growing); a customer can only have got as far as its age allows.
    const ageDays = 120 * (1 - Math.sqrt(rnd()));
    const reachable = stageKeys.map((k) =>
      STAGE_SHAPE[k].minAgeDays <= ageDays ? STAGE_SHAPE[k].weight * (k === 'won' ? win : k === 'lost' ? 1 / win : 1) : 0,
    );
    const stage = stageKeys[weighted(rnd, reachable)]!;
    const createdAt = new Date(Math.min(now - 3_600_000, now - Math.round(ageDays * DAY) + between(rnd, -3, 6) * 3_600_000));
    const brand = names[i]!;
    const contact = pick(rnd, W.SURNAMES) + pick(rnd, W.GIVEN);
    const domain = `${opts.romanize(brand)}${pick(rnd, ['.com', '.com.cn', '.cn'])}`;
    const [lo, hi] = TIER_AMOUNT[tier]!;
    const open = stage !== 'won' && stage !== 'lost';
    data.customers.push({
      company: `${city.name}${brand}${industryWord}有限公司`,
      creditCode: rnd() < 0.9 ? creditCode(rnd, city.division) : null,
      city: city.name,
      industry,
      tier,
      source,
      stage,
      ownerSlot,
      contact,
      phone: mobile(rnd, phones),
      email: `${opts.romanize(contact)}@${domain}`,
      amount: Math.round((lo + rnd() * (hi - lo)) / 1000) * 1000,
      // Open customers have a next step: some overdue, many this week, the rest later.
      nextFollowUp: open ? new Date(Math.floor(now / DAY) * DAY + between(rnd, -10, 21) * DAY - 8 * 3_600_000) : null,
      createdAt,
      duplicateOf: null,
    });
    brandOf.push({ brand, industryWord });
    const contactsOf: number[] = [];
    const people = stage === 'lead' ? 1 : between(rnd, 1, 3);
    for (let k = 0; k < people; k++) {
      const name = k === 0 ? contact : pick(rnd, W.SURNAMES) + pick(rnd, W.GIVEN);
      contactsOf.push(data.contacts.length);
      data.contacts.push({
        customer: i,
        name,
        title: pick(rnd, W.CONTACT_TITLES),
        phone: k === 0 ? data.customers[i]!.phone : mobile(rnd, phones),
        email: `${opts.romanize(name)}${k === 0 ? '' : k}@${domain}`,
        decisionMaker: k === people - 1 && people > 1,
        createdAt: new Date(createdAt.getTime() + k * 5 * DAY),
      });
    }
    const stageDef = STAGES.find((s) => s.key === stage)!;
    if (stageKeys.indexOf(stage) >= stageKeys.indexOf('qualified')) {
      data.opportunities.push({
        customer: i,
        name: `${brand}员工用车${pick(rnd, ['年度框架', '通勤班车', '差旅出行', '商务接待'])}`,
        amount: data.customers[i]!.amount * 12,
        closeDate: new Date(stage === 'won' || stage === 'lost' ? now - between(rnd, 1, 25) * DAY : now + between(rnd, 7, 75) * DAY),
        stage,
        probability: stageDef.probability,
        ownerSlot,
        createdAt: new Date(createdAt.getTime() + 7 * DAY),
      });
    }
    const [aLo, aHi] = STAGE_SHAPE[stage].activities;
    const span = now - createdAt.getTime();
    for (let k = 0, n = between(rnd, aLo, aHi); k < n; k++) {
      const type = weighted(rnd, [40, 25, 20, 15]);
      const text = pick(rnd, W.ACTIVITY_TEXTS[type]!);
      data.activities.push({
        customer: i,
        contact: type === 3 ? null : pick(rnd, contactsOf),
        type,
        ...text,
        at: new Date(createdAt.getTime() + Math.floor(((k + rnd()) / n) * span)),
        ownerSlot: rnd() < 0.85 ? ownerSlot : Math.floor(rnd() * owners),
      });
    }
  }
  const dupCount = opts.duplicates ?? Math.round(count / 45);
  const copied = new Set<number>();
  for (let k = 0; k < dupCount; k++) {
    let index = Math.floor(rnd() * count);
    while (copied.has(index)) index = (index + 1) % count;
    copied.add(index);
    const kind = DUPLICATE_KINDS[k % DUPLICATE_KINDS.length]!;
    const { brand, industryWord } = brandOf[index]!;
    const dup = nearDuplicate(rnd, data.customers[index]!, brand, industryWord, kind, opts.now);
    data.customers.push({ ...dup, duplicateOf: { index, kind } });
  }
  return data;
}
