/** A cell by row index and visible-column index. */
export interface CellPos {
  row: number;
  col: number;
}

/** The active cell (`anchor`) and the other corner of the selected range (`focus`). */
export interface Selection {
  anchor: CellPos;
  focus: CellPos;
}

export interface CellRange {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export function single(pos: CellPos): Selection {
  return { anchor: pos, focus: pos };
}

export function rangeOf(sel: Selection): CellRange {
  return {
    top: Math.min(sel.anchor.row, sel.focus.row),
    bottom: Math.max(sel.anchor.row, sel.focus.row),
    left: Math.min(sel.anchor.col, sel.focus.col),
    right: Math.max(sel.anchor.col, sel.focus.col),
  };
}

export function inRange(r: CellRange, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

export function clampPos(pos: CellPos, rows: number, cols: number): CellPos {
  return { row: Math.min(Math.max(0, pos.row), Math.max(0, rows - 1)), col: Math.min(Math.max(0, pos.col), Math.max(0, cols - 1)) };
}

/** Arrow keys: move the active cell, or with shift grow the range from it. */
export function moveSelection(sel: Selection, dRow: number, dCol: number, extend: boolean, rows: number, cols: number): Selection {
  if (extend) return { anchor: sel.anchor, focus: clampPos({ row: sel.focus.row + dRow, col: sel.focus.col + dCol }, rows, cols) };
  return single(clampPos({ row: sel.anchor.row + dRow, col: sel.anchor.col + dCol }, rows, cols));
}

/** Where a pasted block lands: from the range's top-left corner, or repeated over the whole range when one cell is pasted. */
export function pasteTarget(sel: Selection, block: readonly (readonly string[])[]): { top: number; left: number; rows: string[][] } {
  const r = rangeOf(sel);
  const single1 = block.length === 1 && block[0]!.length === 1;
  const multiCell = r.bottom > r.top || r.right > r.left;
  if (single1 && multiCell) {
    const v = block[0]![0]!;
    const rows = Array.from({ length: r.bottom - r.top + 1 }, () => Array.from({ length: r.right - r.left + 1 }, () => v));
    return { top: r.top, left: r.left, rows };
  }
  return { top: r.top, left: r.left, rows: block.map((row) => [...row]) };
}
