import { useState } from 'react';
import type { FieldDto } from '@concord/contracts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { isWritable, uiOf } from '../../fields/field-registry.ts';
import { sameValue } from '../../utils/same-value.ts';

export interface RecordFieldProps {
  field: FieldDto;
  value: unknown;
  canEdit: boolean;
  onSave: (value: unknown) => void;
}

/** One field of the expanded record: its value, and the registry's editor on click. */
export function RecordField({ field, value, canEdit, onSave }: RecordFieldProps) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const ui = uiOf(field);
  const writable = canEdit && isWritable(field);
  const empty = value === null || value === undefined || (Array.isArray(value) && value.length === 0) || value === '';
  const { Cell, Editor } = ui;

  return (
    <div className="record-field" data-testid="record-field" data-field-id={field.id}>
      <div className="record-field-label">
        <span className="field-icon" aria-hidden="true">
          {ui.icon}
        </span>
        {field.name}
        {!isWritable(field) && <span className="muted small"> · {t('base.field.readOnly')}</span>}
      </div>
      {editing && Editor ? (
        <div className="record-field-editor" data-testid="cell-editor">
          <Editor
            field={field}
            value={value}
            variant="form"
            onCommit={(next) => {
              setEditing(false);
              if (!sameValue(next, value)) onSave(next);
            }}
            onCancel={() => setEditing(false)}
          />
        </div>
      ) : (
        <div
          className={`record-field-value${writable && Editor ? ' is-editable' : ''}`}
          role={writable && Editor ? 'button' : undefined}
          tabIndex={writable && Editor ? 0 : undefined}
          onClick={() => writable && Editor && setEditing(true)}
          onKeyDown={(e) => {
            if (writable && Editor && (e.key === 'Enter' || e.key === ' ')) {
              e.preventDefault();
              setEditing(true);
            }
          }}
        >
          <Cell field={field} value={value} active onChange={writable ? onSave : undefined} />
          {empty && field.type !== 'checkbox' && field.type !== 'rating' && <span className="muted">{t('base.record.empty')}</span>}
        </div>
      )}
    </div>
  );
}
