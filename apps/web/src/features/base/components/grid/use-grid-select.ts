import { useCallback, useEffect, useRef, type Dispatch, type SetStateAction } from 'react';
import type { CellPos, Selection } from '../../utils/selection.ts';

/**
 * Selecting from the keyboard: the new selection is revealed, and a move onto a record hidden in a collapsed group lands
 * on the next shown record in the direction of the move (nothing happens when there is none).
 */
export function useGridSelect(
  selection: Selection | null,
  setSelection: Dispatch<SetStateAction<Selection | null>>,
  reveal: (pos: CellPos) => void,
  shownRecord: (record: number, dir: 1 | -1) => number | null,
) {
  const current = useRef(selection);
  useEffect(() => {
    current.current = selection;
  });
  return useCallback(
    (sel: Selection) => {
      const dir = sel.focus.row >= (current.current?.focus.row ?? 0) ? 1 : -1;
      const row = shownRecord(sel.focus.row, dir);
      if (row === null) return;
      const isSingle = sel.anchor.row === sel.focus.row && sel.anchor.col === sel.focus.col;
      const next = row === sel.focus.row ? sel : { anchor: isSingle ? { ...sel.anchor, row } : sel.anchor, focus: { ...sel.focus, row } };
      setSelection(next);
      reveal(next.focus);
    },
    [setSelection, reveal, shownRecord],
  );
}
