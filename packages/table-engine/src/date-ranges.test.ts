import { describe, expect, it } from 'vitest';
import { resolveDateOperand } from './date-ranges.ts';

// 2026-11-24 01:30 in Shanghai is still 2026-11-23 in UTC: the range must follow Shanghai's calendar.
const now = new Date('2026-11-23T17:30:00Z');
const tz = 'Asia/Shanghai';

describe('resolveDateOperand', () => {
  it('Today is the Shanghai calendar day', () => {
    const r = resolveDateOperand({ kind: 'relative', name: 'Today' }, now, tz);
    expect(r.start.toISOString()).toBe('2026-11-23T16:00:00.000Z');
    expect(r.end.toISOString()).toBe('2026-11-24T16:00:00.000Z');
  });
  it('CurrentWeek starts on Monday', () => {
    const r = resolveDateOperand({ kind: 'relative', name: 'CurrentWeek' }, now, tz);
    expect(r.start.toISOString()).toBe('2026-11-22T16:00:00.000Z'); // Monday 23 Nov, Shanghai
  });
  it('last 7 days includes today', () => {
    const r = resolveDateOperand({ kind: 'days', days: -7 }, now, tz);
    expect(r.start.toISOString()).toBe('2026-11-16T16:00:00.000Z');
    expect(r.end.toISOString()).toBe('2026-11-24T16:00:00.000Z');
  });
  it('LastMonth wraps the year', () => {
    const r = resolveDateOperand({ kind: 'relative', name: 'LastMonth' }, new Date('2027-01-10T00:00:00Z'), tz);
    expect(r.start.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(r.end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
});
