import type { FieldDto, RecordDto } from '@concord/contracts';
import { uiOf } from '../../fields/field-registry.ts';
import type { EditorMove } from '../../fields/field-ui-types.ts';
import type { EditingCell } from './use-grid-editing.ts';

export type { EditingCell };

export interface CellEditorHostProps {
  cell: EditingCell;
  field: FieldDto | undefined;
  record: RecordDto;
  onCommit: (value: unknown, move?: EditorMove) => void;
  onCancel: () => void;
}

/** The registry's editor for the field, over the cell being edited. */
export function CellEditorHost({ cell, field, record, onCommit, onCancel }: CellEditorHostProps) {
  if (!field) return null;
  const { Editor } = uiOf(field);
  if (!Editor) return null;
  return <Editor field={field} value={record.fields[field.id]} initialText={cell.initialText} variant="cell" onCommit={onCommit} onCancel={onCancel} />;
}
