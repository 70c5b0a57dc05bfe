import { describe, expect, it } from 'vitest';
import type { FieldMeta } from '@concord/table-engine';
import { columnSpecs, parseNumber } from './field-columns.ts';

describe('numbers as people type them in spreadsheets', () => {
  it.each([
    ['1,234.5', 1234.5],
    ['１２３４', 1234],
    ['12.5%', 0.125],
    ['¥1,200', 1200],
    ['￥ 1,200.00', 1200],
    ['RMB 800', 800],
    ['1,200元', 1200],
    ['5万', 50_000],
    ['5万元', 50_000],
    ['0.07万', 700],
    ['1.2亿', 120_000_000],
    ['(1,200)', -1200],
    ['-3', -3],
  ])('%s → %d', (text, value) => expect(parseNumber(text)).toBe(value));

  it.each(['abc', '5万万', '元', '1,2,3', '12%%', ''])('refuses %s', (text) => expect(parseNumber(text)).toBeNull());
});

describe('dates typed without a zone', () => {
  const field = (timeZone?: string) => ({ id: 'fld', name: '下次跟进时间', type: 'date', options: timeZone ? { timeZone } : {} }) as unknown as FieldMeta;
  const stored = (f: FieldMeta, v: string) => {
    const r = columnSpecs.date.toDb(f, v);
    return r.ok ? (r.value as Date).toISOString() : null;
  };

  it('reads a day and a time of day in the field’s zone, China time by default', () => {
    expect(stored(field(), '2024-03-05')).toBe('2024-03-04T16:00:00.000Z');
    expect(stored(field(), '2024年3月5日 14:30')).toBe('2024-03-05T06:30:00.000Z');
    expect(stored(field(), '2024/3/5 9:05:30')).toBe('2024-03-05T01:05:30.000Z');
    expect(stored(field('Europe/Berlin'), '2024-07-01 12:00')).toBe('2024-07-01T10:00:00.000Z');
  });

  it('keeps explicit zones and timestamps as they are', () => {
    expect(stored(field(), '2024-03-05T10:00:00Z')).toBe('2024-03-05T10:00:00.000Z');
    expect(stored(field(), '1709632800000')).toBe('2024-03-05T10:00:00.000Z');
    expect(stored(field(), '下周')).toBeNull();
  });
});
