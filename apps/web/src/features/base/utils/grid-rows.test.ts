import { describe, expect, it } from 'vitest';
import type { RecordGroupDto } from '@concord/contracts';
import { GROUP_HEADER_HEIGHT, groupedRows } from './grid-rows.ts';

const g = (depth: number, key: string, count: number, start: number): RecordGroupDto => ({ depth, key, fieldId: `f${depth}`, value: key, count, start });
// 北京 (线索 ×2, 赢单 ×3), 上海 (线索 ×1)
const GROUPS = [g(0, 'bj', 5, 0), g(1, 'bj/x', 2, 0), g(1, 'bj/y', 3, 2), g(0, 'sh', 1, 5), g(1, 'sh/x', 1, 5)];
const R = 33;
const H = GROUP_HEADER_HEIGHT;

describe('grid rows', () => {
  it('interleaves headers and records, parents before children', () => {
    const m = groupedRows(GROUPS, new Set(), R);
    expect(m.count).toBe(5 + 6);
    const kinds = Array.from({ length: m.count }, (_, d) => {
      const r = m.rowAt(d);
      return r.kind === 'group' ? r.group.key : r.record;
    });
    expect(kinds).toEqual(['bj', 'bj/x', 0, 1, 'bj/y', 2, 3, 4, 'sh', 'sh/x', 5]);
    expect(m.height).toBe(5 * H + 6 * R);
    expect(m.topOf(2)).toBe(2 * H);
    expect(m.topOf(5)).toBe(3 * H + 2 * R);
    expect(m.displayAt(2 * H + R + 1)).toBe(3);
    expect(m.displayAt(0)).toBe(0);
    expect(m.displayOfRecord(2)).toBe(5);
    expect(m.nearestShown(3, 1)).toBe(3);
    expect(m.recordRanges(0, m.count - 1)).toEqual([
      { first: 0, last: 1 },
      { first: 2, last: 4 },
      { first: 5, last: 5 },
    ]);
  });

  it('hides what a collapsed group holds, down to the next group at its depth', () => {
    const m = groupedRows(GROUPS, new Set(['bj']), R);
    expect(m.count).toBe(4);
    expect(m.rowAt(0)).toMatchObject({ kind: 'group', collapsed: true });
    expect(m.rowAt(1)).toMatchObject({ kind: 'group', group: { key: 'sh' } });
    expect(m.rowAt(3)).toEqual({ kind: 'record', record: 5 });
    expect(m.displayOfRecord(3)).toBeNull();
    expect(m.recordRanges(0, 3)).toEqual([{ first: 5, last: 5 }]);
    // Keyboard moves skip the hidden records.
    expect(m.nearestShown(2, 1)).toBe(5);
    expect(m.nearestShown(2, -1)).toBeNull();
    expect(m.nearestShown(5, -1)).toBe(5);
    const inner = groupedRows(GROUPS, new Set(['bj/x']), R);
    expect(inner.recordRanges(0, inner.count - 1)).toEqual([
      { first: 2, last: 4 },
      { first: 5, last: 5 },
    ]);
  });
});
