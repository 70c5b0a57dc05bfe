import type { FieldDto } from '@concord/contracts';
import { useT } from '../../../lib/i18n/i18n.tsx';

export interface FieldSelectProps {
  label: string;
  fields: readonly FieldDto[];
  value: string;
  onChange: (fieldId: string) => void;
  testId?: string;
}

/** A labelled field picker (a plain select: tables have tens of fields, not thousands). */
export function FieldSelect({ label, fields, value, onChange, testId }: FieldSelectProps) {
  const t = useT();
  return (
    <label className="auto-row">
      <span className="auto-label">{label}</span>
      <select value={value} data-testid={testId} onChange={(e) => onChange(e.target.value)}>
        {!fields.some((f) => f.id === value) && <option value="">{t('base.auto.pickField')}</option>}
        {fields.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export interface FieldChecklistProps {
  label: string;
  fields: readonly FieldDto[];
  value: readonly string[];
  onChange: (fieldIds: string[]) => void;
  testId?: string;
}

/** Several fields at once, as checkboxes. */
export function FieldChecklist({ label, fields, value, onChange, testId }: FieldChecklistProps) {
  return (
    <div className="auto-row">
      <span className="auto-label">{label}</span>
      <span className="auto-options" data-testid={testId}>
        {fields.map((f) => (
          <label key={f.id} className="auto-option">
            <input
              type="checkbox"
              checked={value.includes(f.id)}
              onChange={(e) => onChange(e.target.checked ? [...value, f.id] : value.filter((v) => v !== f.id))}
            />{' '}
            {f.name}
          </label>
        ))}
      </span>
    </div>
  );
}
