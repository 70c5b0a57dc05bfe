import { describe, expect, it } from 'vitest';
import { periodRange } from './periods.ts';

// 2026-11-25 02:00 in Shanghai is still 2026-11-24 in UTC: periods follow the zone's calendar.
const now = new Date('2026-11-24T18:00:00Z');
const iso = (r: { start: Date; end: Date }) => [r.start.toISOString(), r.end.toISOString()];

describe('periodRange', () => {
  it('finds the current day, week, month, quarter and year in the time zone', () => {
    expect(iso(periodRange('day', now, 'Asia/Shanghai'))).toEqual(['2026-11-24T16:00:00.000Z', '2026-11-25T16:00:00.000Z']);
    expect(iso(periodRange('week', now, 'Asia/Shanghai'))).toEqual(['2026-11-22T16:00:00.000Z', '2026-11-29T16:00:00.000Z']);
    expect(iso(periodRange('month', now, 'Asia/Shanghai'))).toEqual(['2026-10-31T16:00:00.000Z', '2026-11-30T16:00:00.000Z']);
    expect(iso(periodRange('quarter', now, 'Asia/Shanghai'))).toEqual(['2026-09-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z']);
    expect(iso(periodRange('year', now, 'UTC'))).toEqual(['2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
  });
  it('steps back to the previous period across year ends', () => {
    expect(iso(periodRange('month', new Date('2026-01-15T00:00:00Z'), 'UTC', -1))).toEqual(['2025-12-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z']);
    expect(iso(periodRange('quarter', new Date('2026-02-15T00:00:00Z'), 'UTC', -1))).toEqual(['2025-10-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z']);
    expect(iso(periodRange('week', new Date('2026-01-01T00:00:00Z'), 'UTC', -1))).toEqual(['2025-12-22T00:00:00.000Z', '2025-12-29T00:00:00.000Z']);
  });
});
