import { useState } from 'react';
import type { FieldDto, RecordDto } from '@concord/contracts';
import type { EditorMove } from '../../fields/field-ui-types.ts';
import { isWritable, uiOf } from '../../fields/field-registry.ts';
import type { RecordWriter } from '../../hooks/use-record-writer.ts';
import type { RecordPatch } from '../../api/update-records.ts';
import type { RecordPageCache } from '../../utils/record-page-cache.ts';
import { single, type CellPos, type CellRange, type Selection } from '../../utils/selection.ts';
import { sameValue } from '../../utils/same-value.ts';

export interface EditingCell extends CellPos {
  record: RecordDto;
  /** The record's version when editing began: a newer one from someone else is a conflict. */
  version: number;
  initialText?: string;
}

export interface GridEditingArgs {
  cache: RecordPageCache;
  writer: RecordWriter;
  columns: readonly FieldDto[];
  canEdit: boolean;
  rows: number;
  select: (sel: Selection) => void;
  focusGrid: () => void;
}

/** Which cell is being edited, and what committing, toggling and clearing cells do. */
export function useGridEditing({ cache, writer, columns, canEdit, rows, select, focusGrid }: GridEditingArgs) {
  const [cell, setCell] = useState<EditingCell | null>(null);

  function start(pos: CellPos, initialText?: string) {
    const field = columns[pos.col];
    const record = cache.rowAt(pos.row);
    if (!field || !record || !canEdit || !isWritable(field)) return;
    const ui = uiOf(field);
    if (!ui.Editor) {
      if (ui.quickValue && (initialText === undefined || initialText === ' ')) void writer.writeCell(record, field, ui.quickValue(record.fields[field.id]));
      return;
    }
    setCell({ ...pos, record, version: record.version, initialText });
  }

  function moveAfter(pos: CellPos, move: EditorMove) {
    const cols = columns.length;
    if (move === 'down') select(single({ row: Math.min(rows - 1, pos.row + 1), col: pos.col }));
    else if (move === 'right') select(single({ row: pos.row, col: Math.min(cols - 1, pos.col + 1) }));
    else if (move === 'left') select(single({ row: pos.row, col: Math.max(0, pos.col - 1) }));
  }

  function commit(value: unknown, move: EditorMove = 'none') {
    const c = cell;
    setCell(null);
    focusGrid();
    if (!c) return;
    const field = columns[c.col];
    const current = cache.rowAt(cache.indexOf(c.record.id)) ?? c.record;
    if (field && !sameValue(value, current.fields[field.id])) void writer.writeCell(current, field, value, c.version);
    moveAfter(c, move);
  }

  function cancel() {
    setCell(null);
    focusGrid();
  }

  function quickChange(row: number, col: number, value: unknown) {
    const field = columns[col];
    const record = cache.rowAt(row);
    if (field && record && canEdit) void writer.writeCell(record, field, value);
  }

  /** Delete/Backspace: empties the writable cells of the range (one call for many rows). */
  async function clear(range: CellRange) {
    if (!canEdit) return;
    const fields = columns.slice(range.left, range.right + 1).filter(isWritable);
    if (fields.length === 0) return;
    if (range.top === range.bottom && fields.length === 1) {
      const record = cache.rowAt(range.top);
      if (record && record.fields[fields[0]!.id] !== undefined) void writer.writeCell(record, fields[0]!, null);
      return;
    }
    await cache.ensureRows(range.top, range.bottom);
    const updates: RecordPatch[] = [];
    for (let i = range.top; i <= range.bottom; i++) {
      const record = cache.rowAt(i);
      if (record) updates.push({ id: record.id, fields: Object.fromEntries(fields.map((f) => [f.id, null])) });
    }
    if (updates.length) await writer.writeMany(updates, []);
  }

  return { cell, start, commit, cancel, quickChange, clear };
}
