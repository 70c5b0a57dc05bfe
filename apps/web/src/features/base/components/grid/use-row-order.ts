import { useEffect, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import type { RecordWriter } from '../../hooks/use-record-writer.ts';
import type { RecordPageCache } from '../../utils/record-page-cache.ts';
import { rangeOf, single, type Selection } from '../../utils/selection.ts';

export interface RowOrderArgs {
  cache: RecordPageCache;
  writer: RecordWriter;
  selection: Selection | null;
  select: (s: Selection) => void;
  focusGrid: () => void;
  /** Rows are in the table's manual order (no sort, no grouping): inserting in place and dragging make sense. */
  enabled: boolean;
}

export interface RowOrder {
  /** Insert an empty record right above `top` or right below `bottom`, then select it. */
  insertAt(side: 'before' | 'after', top: number, bottom: number): Promise<void>;
  /** Starts dragging rows by a row number (the selected rows when it is among them). */
  startDrag(row: number, e: ReactMouseEvent): void;
  /** While dragging: the gap the rows would land in (0 = above the first row, total = below the last). */
  dropGap: number | null;
}

interface Drag {
  top: number;
  bottom: number;
  gap: number | null;
}

/** The row under the pointer and whether the pointer is in its upper half. */
function rowUnder(x: number, y: number): { row: number; upper: boolean } | null {
  const el = document.elementFromPoint(x, y)?.closest('[data-testid=grid-row]');
  if (!(el instanceof HTMLElement)) return null;
  const r = el.getBoundingClientRect();
  return { row: Number(el.dataset.rowIndex), upper: y < r.top + r.height / 2 };
}

/** Insert above/below and drag to reorder: both place records in the table's manual order on the server. */
export function useRowOrder({ cache, writer, selection, select, focusGrid, enabled }: RowOrderArgs): RowOrder {
  const [dropGap, setDropGap] = useState<number | null>(null);
  const drag = useRef<Drag | null>(null);
  const cleanup = useRef<(() => void) | null>(null);
  useEffect(() => () => cleanup.current?.(), []);

  async function insertAt(side: 'before' | 'after', top: number, bottom: number) {
    const target = cache.rowAt(side === 'before' ? top : bottom);
    if (!target) return;
    const rec = await writer.addRecord({}, { recordId: target.id, side });
    if (!rec) return;
    cache.refresh('all');
    const row = side === 'before' ? top : bottom + 1;
    requestAnimationFrame(() => select(single({ row, col: 0 })));
    focusGrid();
  }

  async function drop(d: Drag) {
    const total = cache.total ?? 0;
    const gap = d.gap;
    // Landing inside or right next to the dragged rows leaves the order as it is.
    if (gap === null || (gap >= d.top && gap <= d.bottom + 1) || total === 0) return;
    await cache.ensureRows(d.top, d.bottom);
    const ids: string[] = [];
    for (let i = d.top; i <= d.bottom; i++) {
      const id = cache.rowAt(i)?.id;
      if (id) ids.push(id);
    }
    const anchorRow = gap < total ? gap : total - 1;
    const anchor = cache.rowAt(anchorRow);
    if (!anchor || ids.length === 0) return;
    const ok = await writer.moveRecords(ids, { recordId: anchor.id, side: gap < total ? 'before' : 'after' });
    if (!ok) return;
    // Where the rows land once the others close up behind them.
    const first = gap > d.bottom ? gap - ids.length : gap;
    requestAnimationFrame(() => select({ anchor: { row: first, col: 0 }, focus: { row: first + ids.length - 1, col: 0 } }));
    focusGrid();
  }

  function startDrag(row: number, e: ReactMouseEvent) {
    if (!enabled || e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    const r = selection ? rangeOf(selection) : null;
    const inside = r !== null && row >= r.top && row <= r.bottom;
    drag.current = { top: inside ? r.top : row, bottom: inside ? r.bottom : row, gap: null };
    const onMove = (ev: MouseEvent) => {
      const under = rowUnder(ev.clientX, ev.clientY);
      if (!under || !drag.current) return;
      drag.current.gap = under.upper ? under.row : under.row + 1;
      setDropGap(drag.current.gap);
    };
    const onUp = () => {
      const d = drag.current;
      cleanup.current?.();
      if (d) void drop(d);
    };
    cleanup.current = () => {
      window.removeEventListener('mousemove', onMove);
      window.removeEventListener('mouseup', onUp);
      drag.current = null;
      cleanup.current = null;
      setDropGap(null);
    };
    window.addEventListener('mousemove', onMove);
    window.addEventListener('mouseup', onUp);
  }

  return { insertAt, startDrag, dropGap };
}
