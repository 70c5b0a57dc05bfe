import { describe, expect, it } from 'vitest';
import type { FieldDto } from '@concord/contracts';
import { ADD_ROW_HEIGHT, MAX_CANVAS_PX, layoutColumns, orderedFields, visibleColumnRange } from './grid-layout.ts';
import { flatRows, offsetToRevealRow, rowMetrics } from './grid-rows.ts';

const field = (id: string, isPrimary = false): FieldDto => ({ id, tableId: 't', name: id, type: 'text', options: {}, isPrimary, description: null });

describe('vertical metrics', () => {
  it('is the identity while the rows fit the canvas', () => {
    const m = rowMetrics(flatRows(1000, 33), 660, 3300);
    expect(m.canvasHeight).toBe(1000 * 33 + ADD_ROW_HEIGHT);
    expect(m.firstRow).toBe(100);
    expect(m.rowTop(100)).toBe(3300);
  });

  it('scales a million tall rows into the canvas and reaches the last row', () => {
    const rows = 1_000_000;
    const body = 700;
    const model = flatRows(rows, 129);
    const end = rowMetrics(model, body, MAX_CANVAS_PX);
    expect(end.canvasHeight).toBe(MAX_CANVAS_PX);
    expect(end.lastRow).toBe(rows - 1);
    // The last row and the "+" row sit at the bottom of the scrolled canvas.
    expect(end.rowTop(rows) + ADD_ROW_HEIGHT).toBeCloseTo(MAX_CANVAS_PX, 0);
    const middle = rowMetrics(model, body, (MAX_CANVAS_PX - body) / 2);
    expect(Math.abs(middle.firstRow - rows / 2)).toBeLessThan(10);
    // Revealing a row computes a scrollTop that lands on it.
    const target = 765_432;
    const top = middle.scrollTopFor(offsetToRevealRow(model, target, body, middle.realOffset));
    const there = rowMetrics(model, body, top);
    expect(there.firstRow <= target && target <= there.lastRow).toBe(true);
  });
});

describe('columns', () => {
  it('keeps the primary field first and skips hidden ones', () => {
    const fields = [field('a'), field('p', true), field('b'), field('c')];
    expect(orderedFields(fields, ['c', 'a']).map((f) => f.id)).toEqual(['p', 'c', 'a', 'b']);
    const layout = layoutColumns(fields, { fieldOrder: [], hiddenFieldIds: ['b', 'p'], columnWidths: { a: 100 }, frozenFieldCount: 1 }, 10);
    expect(layout.columns.map((c) => [c.field.id, c.left, c.frozen])).toEqual([
      ['p', 0, true],
      ['a', 220, false],
      ['c', 320, false],
    ]);
  });

  it('finds the scrolling columns on screen', () => {
    const fields = [field('p', true), ...Array.from({ length: 50 }, (_, i) => field(`f${i}`))];
    const layout = layoutColumns(fields, { fieldOrder: [], hiddenFieldIds: [], columnWidths: {}, frozenFieldCount: 1 }, 10);
    const r = visibleColumnRange(layout, 1600, 800);
    // 160px columns after a 220px frozen one: x 1820–2344 is columns 11–14, plus one either side.
    expect(r).toEqual({ from: 10, to: 15 });
  });
});
