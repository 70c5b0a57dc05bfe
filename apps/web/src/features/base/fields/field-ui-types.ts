import type { ComponentType } from 'react';
import type { FieldDto } from '@concord/contracts';

/** Where an editor should move the active cell after committing (spreadsheet keys: Enter, Tab, Shift+Tab). */
export type EditorMove = 'down' | 'right' | 'left' | 'none';

export interface CellProps {
  field: FieldDto;
  value: unknown;
  /** Sets the value in place (checkbox, rating) when the cell is writable; absent when read-only. */
  onChange?: (value: unknown) => void;
  /** The selected grid cell, or a field of the record panel: buttons that would crowd every cell show here only. */
  active?: boolean;
}

export interface EditorProps {
  field: FieldDto;
  value: unknown;
  /** A character typed over a selected cell: it replaces the value, as in a spreadsheet. */
  initialText?: string;
  /** In a grid cell (Enter commits and moves) or in the record form (stays put). */
  variant: 'cell' | 'form';
  onCommit: (value: unknown, move?: EditorMove) => void;
  onCancel: () => void;
}

export interface FieldUi {
  Cell: ComponentType<CellProps>;
  /** Null for types edited in place (checkbox, rating) or not editable here (computed, attachments). */
  Editor: ComponentType<EditorProps> | null;
  /** A one-glyph type mark for headers and menus. */
  icon: string;
  /** What Enter/Space does to a cell without an editor (checkbox: toggle). */
  quickValue?: (value: unknown) => unknown;
  /** Writable cells get `onChange` even when not selected, so files can be dropped on any of them. */
  takesDrops?: boolean;
  /** Cell content aligns right (numbers). */
  alignRight?: boolean;
}
