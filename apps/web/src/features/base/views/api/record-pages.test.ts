import { describe, expect, it } from 'vitest';
import type { RecordDto } from '@concord/contracts';
import { prependRecord, removeRecord, replaceRecord } from './record-pages.ts';
import type { RecordPages } from './view-records.ts';

const rec = (id: string, version = 1): RecordDto => ({
  id,
  fields: { stage: '线索' },
  version,
  seq: 1,
  createdAt: '2026-01-05T08:00:00.000Z',
  createdBy: null,
  updatedAt: '2026-01-05T08:00:00.000Z',
  updatedBy: null,
});

const pages = (first: RecordDto[], second: RecordDto[] = [], total = first.length + second.length): RecordPages => ({
  pageParams: [0, 50],
  pages: [
    { items: first, total, offset: 0 },
    { items: second, total: -1, offset: 50 },
  ],
});

describe('kanban column caches', () => {
  it('removes a card from whichever page holds it and lowers the count', () => {
    const out = removeRecord(pages([rec('a')], [rec('b')]), 'b')!;
    expect(out.pages.map((p) => p.items.map((r) => r.id))).toEqual([['a'], []]);
    expect(out.pages[0]!.total).toBe(1);
    expect(out.pages[1]!.total).toBe(-1);
  });

  it('leaves a column alone when the card is not in it', () => {
    const before = pages([rec('a')]);
    expect(removeRecord(before, 'zzz')).toBe(before);
  });

  it('puts a moved card on top of its new column once, and counts it', () => {
    const out = prependRecord(pages([rec('a'), rec('b')]), rec('b', 2))!;
    expect(out.pages[0]!.items.map((r) => [r.id, r.version])).toEqual([
      ['b', 2],
      ['a', 1],
    ]);
    expect(out.pages[0]!.total).toBe(2);
    expect(prependRecord(undefined, rec('a'))).toBeUndefined();
  });

  it('swaps in the server copy of a card after a save', () => {
    const out = replaceRecord(pages([rec('a'), rec('b')]), rec('a', 5))!;
    expect(out.pages[0]!.items.map((r) => r.version)).toEqual([5, 1]);
  });
});
