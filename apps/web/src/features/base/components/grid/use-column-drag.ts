import { useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import type { GridColumn } from '../../utils/grid-layout.ts';

const MIN_WIDTH = 60;
const MAX_WIDTH = 1000;
/** Pointer travel before a header press becomes a drag (a click opens nothing; the caret opens the menu). */
const DRAG_THRESHOLD = 5;

export interface LiveResize {
  fieldId: string;
  width: number;
}

export interface ColumnMove {
  fieldId: string;
  /** Pointer x in data-column coordinates (0 = left edge of the first column). */
  x: number;
}

export interface ColumnDragCallbacks {
  onResized: (fieldId: string, width: number) => void;
  /** `beforeFieldId` null means "move to the end". */
  onMoved: (fieldId: string, beforeFieldId: string | null) => void;
}

/** Where a dragged column would land: before the column under the pointer's left half, else after it. */
export function dropTarget(columns: readonly GridColumn[], fieldId: string, x: number): { before: string | null; at: number } | null {
  const movable = columns.filter((c) => !c.field.isPrimary);
  for (const c of movable) {
    if (x < c.left + c.width / 2) return c.field.id === fieldId ? null : { before: c.field.id, at: c.left };
  }
  const last = movable[movable.length - 1];
  return last && last.field.id !== fieldId ? { before: null, at: last.left + last.width } : null;
}

/**
 * Column resize (drag the header's right edge) and reorder (drag the header). The new width or order is reported
 * once, on release; meanwhile the grid draws the live width and a drop marker.
 */
export function useColumnDrag(columns: readonly GridColumn[], toDataX: (clientX: number) => number, callbacks: ColumnDragCallbacks) {
  const [resize, setResize] = useState<LiveResize | null>(null);
  const [move, setMove] = useState<ColumnMove | null>(null);
  // The click that ends a drag is not a click on the header (it would select the whole column).
  const dragged = useRef(false);

  function startResize(e: ReactMouseEvent, col: GridColumn) {
    e.preventDefault();
    e.stopPropagation();
    const startX = e.clientX;
    let width = col.width;
    const handleMove = (ev: MouseEvent) => {
      width = Math.round(Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, col.width + ev.clientX - startX)));
      setResize({ fieldId: col.field.id, width });
    };
    dragged.current = true;
    const handleUp = () => {
      window.removeEventListener('mousemove', handleMove);
      window.removeEventListener('mouseup', handleUp);
      setResize(null);
      if (width !== col.width) callbacks.onResized(col.field.id, width);
    };
    window.addEventListener('mousemove', handleMove);
    window.addEventListener('mouseup', handleUp);
  }

  function startMove(e: ReactMouseEvent, col: GridColumn) {
    dragged.current = false;
    if (e.button !== 0 || col.field.isPrimary) return;
    const startX = e.clientX;
    let dragging = false;
    let last: ColumnMove | null = null;
    const handleMove = (ev: MouseEvent) => {
      if (!dragging && Math.abs(ev.clientX - startX) < DRAG_THRESHOLD) return;
      dragging = true;
      dragged.current = true;
      last = { fieldId: col.field.id, x: toDataX(ev.clientX) };
      setMove(last);
    };
    const handleUp = () => {
      window.removeEventListener('mousemove', handleMove);
      window.removeEventListener('mouseup', handleUp);
      setMove(null);
      if (!last) return;
      const target = dropTarget(columns, last.fieldId, last.x);
      if (target) callbacks.onMoved(last.fieldId, target.before);
    };
    window.addEventListener('mousemove', handleMove);
    window.addEventListener('mouseup', handleUp);
  }

  const marker = move ? dropTarget(columns, move.fieldId, move.x) : null;
  /** True once after a resize or move: the header's click handler skips that click. */
  const consumeDrag = () => {
    const was = dragged.current;
    dragged.current = false;
    return was;
  };
  return { resize, move, marker, startResize, startMove, consumeDrag };
}

/** The full field order after moving one field before another (or to the end). */
export function reorder(order: readonly string[], fieldId: string, beforeFieldId: string | null): string[] {
  const rest = order.filter((id) => id !== fieldId);
  const at = beforeFieldId ? rest.indexOf(beforeFieldId) : rest.length;
  rest.splice(at < 0 ? rest.length : at, 0, fieldId);
  return rest;
}
