import type { FieldDto } from '@concord/contracts';
import type { StoredOption } from '@concord/table-engine';
import { choices } from '../../fields/field-options.ts';

/** The move menu's value for the column of records with no value (option names are never empty). */
export const EMPTY_COLUMN = '\u0000empty';

export interface KanbanColumnDef {
  /** Unique per column: the option id, or EMPTY_COLUMN. */
  key: string;
  /** The option name written to records in this column; null for "no value". */
  option: string | null;
  color: StoredOption['color'] | null;
}

/** One column per option of the grouping field, in option order, then the column of records left blank. */
export function kanbanColumns(groupField: FieldDto): KanbanColumnDef[] {
  return [...choices(groupField).map((c) => ({ key: c.id, option: c.name, color: c.color })), { key: EMPTY_COLUMN, option: null, color: null }];
}
