import type { KeyboardEvent } from 'react';
import { moveSelection, rangeOf, single, type CellPos, type CellRange, type Selection } from '../../utils/selection.ts';

export interface GridKeyContext {
  selection: Selection | null;
  rows: number;
  cols: number;
  /** Rows in one screenful (PageUp/PageDown). */
  pageRows: number;
  select: (sel: Selection) => void;
  startEdit: (pos: CellPos, initialText?: string) => void;
  clear: (range: CellRange) => void;
  undo: () => void;
  /** Space: toggles a checkbox, otherwise opens the record. */
  space: (pos: CellPos) => void;
}

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * Spreadsheet keys on the grid (not inside an editor): arrows (Shift grows the range, Ctrl/Cmd jumps to the edge),
 * Tab, Enter/F2 to edit, typing to replace, Delete to clear, Home/End, PageUp/PageDown, Ctrl/Cmd+Z undo,
 * Space to toggle a checkbox or open the record. Returns whether it handled the key.
 */
export function handleGridKey(e: KeyboardEvent, ctx: GridKeyContext): boolean {
  // An input method is composing (拼音): the keys belong to it.
  if (e.nativeEvent.isComposing || e.key === 'Process' || e.keyCode === 229) return false;
  const mod = isMac() ? e.metaKey : e.ctrlKey;
  if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z') {
    ctx.undo();
    return true;
  }
  const sel = ctx.selection;
  if (!sel || ctx.rows === 0) return false;
  const { rows, cols } = ctx;
  const move = (dr: number, dc: number) => ctx.select(moveSelection(sel, dr, dc, e.shiftKey, rows, cols));
  const edgeRow = (down: boolean) => (down ? rows - 1 : 0) - (e.shiftKey ? sel.focus.row : sel.anchor.row);
  const edgeCol = (right: boolean) => (right ? cols - 1 : 0) - (e.shiftKey ? sel.focus.col : sel.anchor.col);
  switch (e.key) {
    case 'ArrowUp':
    case 'ArrowDown': {
      const down = e.key === 'ArrowDown';
      move(mod ? edgeRow(down) : down ? 1 : -1, 0);
      return true;
    }
    case 'ArrowLeft':
    case 'ArrowRight': {
      const right = e.key === 'ArrowRight';
      move(0, mod ? edgeCol(right) : right ? 1 : -1);
      return true;
    }
    case 'Tab': {
      const a = sel.anchor;
      if (e.shiftKey) ctx.select(single(a.col > 0 ? { row: a.row, col: a.col - 1 } : { row: Math.max(0, a.row - 1), col: cols - 1 }));
      else ctx.select(single(a.col < cols - 1 ? { row: a.row, col: a.col + 1 } : { row: Math.min(rows - 1, a.row + 1), col: 0 }));
      return true;
    }
    case 'Home':
      move(mod ? edgeRow(false) : 0, mod ? 0 : edgeCol(false));
      return true;
    case 'End':
      move(mod ? edgeRow(true) : 0, mod ? 0 : edgeCol(true));
      return true;
    case 'PageDown':
    case 'PageUp':
      move((e.key === 'PageDown' ? 1 : -1) * Math.max(1, ctx.pageRows - 1), 0);
      return true;
    case 'Enter':
    case 'F2':
      ctx.startEdit(sel.anchor);
      return true;
    case 'Delete':
    case 'Backspace':
      ctx.clear(rangeOf(sel));
      return true;
    case 'Escape':
      ctx.select(single(sel.anchor));
      return true;
    case ' ':
      ctx.space(sel.anchor);
      return true;
    default:
      if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
        ctx.startEdit(sel.anchor, e.key);
        return true;
      }
      return false;
  }
}
