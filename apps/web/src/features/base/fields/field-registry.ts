import { fieldTypeDefs, type FieldType } from '@concord/table-engine';
import type { FieldDto } from '@concord/contracts';
import { CheckboxCell, LinkCell, LongTextCell, PeopleCell, ProgressCell, RatingCell, SelectCell, TextCell, UrlCell } from './cells.tsx';
import { AttachmentCell } from './attachment-cell.tsx';
import type { FieldUi } from './field-ui-types.ts';
import { LinkEditor } from './link-editor.tsx';
import { DepartmentEditor, PersonEditor } from './person-editor.tsx';
import { SelectEditor } from './select-editor.tsx';
import { DateEditor, LongTextEditor, NumberEditor, TextEditor, UrlEditor } from './text-editors.tsx';

const computed = (icon: string, alignRight = false): FieldUi => ({ Cell: TextCell, Editor: null, icon, alignRight });

/**
 * The web half of the field registry (ARCHITECTURE convention 7): how each type shows in a cell and is edited.
 * Adding a field type to table-engine is a compile error here until it has an entry.
 */
export const fieldUi = {
  text: { Cell: TextCell, Editor: TextEditor, icon: 'A' },
  longText: { Cell: LongTextCell, Editor: LongTextEditor, icon: '¶' },
  number: { Cell: TextCell, Editor: NumberEditor, icon: '#', alignRight: true },
  currency: { Cell: TextCell, Editor: NumberEditor, icon: '¥', alignRight: true },
  percent: { Cell: TextCell, Editor: NumberEditor, icon: '%', alignRight: true },
  progress: { Cell: ProgressCell, Editor: NumberEditor, icon: '▰' },
  rating: { Cell: RatingCell, Editor: NumberEditor, icon: '★' },
  singleSelect: { Cell: SelectCell, Editor: SelectEditor, icon: '◉' },
  multiSelect: { Cell: SelectCell, Editor: SelectEditor, icon: '☰' },
  date: { Cell: TextCell, Editor: DateEditor, icon: '▦' },
  checkbox: { Cell: CheckboxCell, Editor: null, icon: '☑', quickValue: (v) => v !== true },
  person: { Cell: PeopleCell, Editor: PersonEditor, icon: '☺' },
  department: { Cell: PeopleCell, Editor: DepartmentEditor, icon: '⌂' },
  phone: { Cell: TextCell, Editor: TextEditor, icon: '☎' },
  email: { Cell: TextCell, Editor: TextEditor, icon: '@' },
  url: { Cell: UrlCell, Editor: UrlEditor, icon: '⚲' },
  attachment: { Cell: AttachmentCell, Editor: null, icon: '📎', takesDrops: true },
  link: { Cell: LinkCell, Editor: LinkEditor, icon: '⇄' },
  lookup: computed('⤷'),
  rollup: computed('Σ', true),
  formula: computed('ƒ'),
  autoNumber: computed('№', true),
  createdTime: computed('◷'),
  modifiedTime: computed('◷'),
  createdBy: { Cell: PeopleCell, Editor: null, icon: '☺' },
  modifiedBy: { Cell: PeopleCell, Editor: null, icon: '☺' },
} satisfies Record<FieldType, FieldUi>;

export function uiOf(field: FieldDto): FieldUi {
  return fieldUi[field.type];
}

/** Whether people can write the field (computed and system fields are read-only). */
export function isWritable(field: FieldDto): boolean {
  return fieldTypeDefs[field.type].writable;
}
