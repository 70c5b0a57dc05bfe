import { describe, expect, it } from 'vitest';
import { withCheckChar } from '../base/index.ts';
import { STAGES } from './crm-template.ts';
import { generateCrmDemo } from './crm-demo-data.ts';

const now = new Date('2026-11-24T08:00:00Z');
const romanize = (s: string) => [...s].map((c) => c.charCodeAt(0).toString(36)).join('');

describe('CRM demo generator', () => {
  const data = generateCrmDemo({ now, owners: 18, romanize });
  const originals = data.customers.filter((c) => c.duplicateOf === null);

  it('makes ~2,000 distinct enterprise customers in every stage, shaped like a funnel', () => {
    expect(originals).toHaveLength(2000);
    expect(new Set(originals.map((c) => c.company)).size).toBe(2000);
    expect(originals.every((c) => /^.{2,3}.+有限公司$/.test(c.company))).toBe(true);
    const byStage = Object.fromEntries(STAGES.map((s) => [s.key, originals.filter((c) => c.stage === s.key).length]));
    for (const s of STAGES) expect(byStage[s.key]).toBeGreaterThan(50);
    expect(byStage.lead).toBeGreaterThan(byStage.proposal!);
    expect(byStage.proposal).toBeGreaterThan(byStage.negotiation! / 2);
    expect(new Set(originals.map((c) => c.city)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(originals.map((c) => c.ownerSlot)).size).toBe(18);
  });

  it('gives most customers a valid GB 32100 credit code and spreads them over about four months', () => {
    const codes = originals.filter((c) => c.creditCode);
    expect(codes.length / originals.length).toBeGreaterThan(0.8);
    expect(codes.every((c) => /^91\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(c.creditCode!) && withCheckChar(c.creditCode!.slice(0, 17)) === c.creditCode)).toBe(true);
    const ages = originals.map((c) => (now.getTime() - c.createdAt.getTime()) / 86_400_000);
    expect(Math.min(...ages)).toBeLessThan(3);
    expect(Math.max(...ages)).toBeGreaterThan(100);
    expect(Math.max(...ages)).toBeLessThan(125);
  });

  it('adds activities over time, contacts and opportunities linked to their customers', () => {
    expect(data.activities.length).toBeGreaterThan(4000);
    expect(data.activities.every((a) => a.at.getTime() >= originals[a.customer]!.createdAt.getTime() && a.at <= now)).toBe(true);
    expect(data.contacts.length).toBeGreaterThan(2000);
    expect(data.opportunities.every((o) => !['lead', 'contacted'].includes(originals[o.customer]!.stage))).toBe(true);
  });

  it('appends near-duplicates of every kind, each pointing at its original', () => {
    const dups = data.customers.filter((c) => c.duplicateOf !== null);
    expect(dups.length).toBeGreaterThanOrEqual(40);
    expect(new Set(dups.map((d) => d.duplicateOf!.kind))).toEqual(new Set(['typo', 'bracketCity', 'fullWidth', 'phoneFormat', 'sameCode']));
    const bracket = dups.find((d) => d.duplicateOf!.kind === 'bracketCity')!;
    expect(bracket.company).toContain(`（${originals[bracket.duplicateOf!.index]!.city}）`);
  });

  it('is the same on every run', () => {
    const again = generateCrmDemo({ now, owners: 18, romanize });
    expect(again.customers.map((c) => c.company)).toEqual(data.customers.map((c) => c.company));
    expect(again.activities.length).toBe(data.activities.length);
  });
});
