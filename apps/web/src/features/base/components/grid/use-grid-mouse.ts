import { useRef, type Dispatch, type MouseEvent as ReactMouseEvent, type SetStateAction } from 'react';
import { rangeOf, single, type CellPos, type Selection } from '../../utils/selection.ts';
import type { RowMenuState } from './row-context-menu.tsx';

export interface GridMouseArgs {
  selection: Selection | null;
  setSelection: Dispatch<SetStateAction<Selection | null>>;
  editingAt: CellPos | null;
  focusGrid: () => void;
  startEdit: (pos: CellPos) => void;
  openMenu: (menu: RowMenuState) => void;
}

function cellAt(target: EventTarget | null): CellPos | null {
  const el = (target as HTMLElement | null)?.closest?.('[data-testid=cell]');
  if (!(el instanceof HTMLElement)) return null;
  return { row: Number(el.dataset.rowIndex), col: Number(el.dataset.colIndex) };
}

function rowOfGutter(target: EventTarget | null): CellPos | null {
  const el = (target as HTMLElement | null)?.closest?.('[data-testid=row-gutter]');
  return el instanceof HTMLElement ? { row: Number(el.dataset.rowIndex), col: 0 } : null;
}

const inEditor = (target: EventTarget | null) => !!(target as HTMLElement | null)?.closest?.('.cell-editor');

/** Click selects, Shift+click or dragging selects a range, double-click edits, right-click opens the row menu. */
export function useGridMouse({ selection, setSelection, editingAt, focusGrid, startEdit, openMenu }: GridMouseArgs) {
  const dragging = useRef(false);

  function onMouseDown(e: ReactMouseEvent) {
    if (e.button !== 0 || inEditor(e.target)) return;
    const pos = cellAt(e.target);
    if (!pos) return;
    if (editingAt && editingAt.row === pos.row && editingAt.col === pos.col) return;
    e.preventDefault();
    focusGrid();
    if (e.shiftKey && selection) return setSelection({ anchor: selection.anchor, focus: pos });
    setSelection(single(pos));
    dragging.current = true;
    const stop = () => {
      dragging.current = false;
      window.removeEventListener('mouseup', stop);
    };
    window.addEventListener('mouseup', stop);
  }

  function onMouseOver(e: ReactMouseEvent) {
    if (!dragging.current) return;
    const pos = cellAt(e.target);
    if (pos) setSelection((s) => (s && (s.focus.row !== pos.row || s.focus.col !== pos.col) ? { anchor: s.anchor, focus: pos } : s));
  }

  function onDoubleClick(e: ReactMouseEvent) {
    const pos = cellAt(e.target);
    if (pos && !inEditor(e.target)) startEdit(pos);
  }

  function onContextMenu(e: ReactMouseEvent) {
    if (inEditor(e.target)) return;
    const pos = cellAt(e.target) ?? rowOfGutter(e.target);
    if (!pos) return;
    e.preventDefault();
    const r = selection ? rangeOf(selection) : null;
    const inside = r !== null && pos.row >= r.top && pos.row <= r.bottom;
    if (!inside) setSelection(single(pos));
    openMenu({ x: e.clientX, y: e.clientY, top: inside ? r.top : pos.row, bottom: inside ? r.bottom : pos.row });
  }

  return { onMouseDown, onMouseOver, onDoubleClick, onContextMenu };
}
