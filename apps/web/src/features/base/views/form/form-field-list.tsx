import type { FieldDto } from '@concord/contracts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { uiOf } from '../../fields/field-registry.ts';
import { askable, moveField, type FormFieldSetting } from './form-settings.ts';

export interface FormFieldListProps {
  fields: readonly FieldDto[];
  value: readonly FormFieldSetting[];
  disabled: boolean;
  onChange: (value: FormFieldSetting[]) => void;
}

/** The fields a form asks, in order (with required toggles and hints), then the table's other fields to add. */
export function FormFieldList({ fields, value, disabled, onChange }: FormFieldListProps) {
  const t = useT();
  const byId = new Map(fields.map((f) => [f.id, f]));
  const included = value.filter((s) => byId.has(s.fieldId) && askable(byId.get(s.fieldId)!));
  const chosen = new Set(included.map((s) => s.fieldId));
  const others = fields.filter((f) => !chosen.has(f.id));
  const patch = (fieldId: string, change: Partial<FormFieldSetting>) => onChange(included.map((s) => (s.fieldId === fieldId ? { ...s, ...change } : s)));

  return (
    <div className="bv-form-fields">
      <ol className="bv-form-field-list" data-testid="form-designer-fields">
        {included.map((s, i) => {
          const field = byId.get(s.fieldId)!;
          return (
            <li key={s.fieldId} className="bv-form-field-row" data-testid="designer-field" data-field-id={s.fieldId}>
              <div className="bv-form-field-top">
                <label className="check bv-form-field-name">
                  <input
                    type="checkbox"
                    checked
                    disabled={disabled || included.length === 1}
                    aria-label={t('base.views.form.include', { name: field.name })}
                    onChange={() => onChange(included.filter((x) => x.fieldId !== s.fieldId))}
                  />
                  <span className="bv-field-icon" aria-hidden="true">
                    {uiOf(field).icon}
                  </span>
                  <span className="bv-ellipsis">{field.name}</span>
                </label>
                <label className="check small">
                  <input
                    type="checkbox"
                    checked={s.required}
                    disabled={disabled}
                    data-testid="designer-required"
                    onChange={(e) => patch(s.fieldId, { required: e.target.checked })}
                  />
                  {t('base.views.form.required')}
                </label>
                <span className="bv-form-move">
                  <button
                    type="button"
                    className="icon-btn"
                    disabled={disabled || i === 0}
                    aria-label={t('base.views.form.moveUp', { name: field.name })}
                    onClick={() => onChange(moveField(included, i, -1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon-btn"
                    disabled={disabled || i === included.length - 1}
                    aria-label={t('base.views.form.moveDown', { name: field.name })}
                    onClick={() => onChange(moveField(included, i, 1))}
                  >
                    ↓
                  </button>
                </span>
              </div>
              <input
                className="bv-form-hint"
                value={s.hint}
                maxLength={500}
                disabled={disabled}
                placeholder={t('base.views.form.hintPlaceholder')}
                aria-label={t('base.views.form.hint', { name: field.name })}
                onChange={(e) => patch(s.fieldId, { hint: e.target.value })}
              />
            </li>
          );
        })}
      </ol>
      {others.length > 0 && (
        <>
          <p className="bv-form-subhead">{t('base.views.form.otherFields')}</p>
          <ul className="bv-form-field-list is-other">
            {others.map((field) => {
              const ok = askable(field);
              return (
                <li key={field.id} className="bv-form-field-row is-other" data-testid="designer-other-field" data-field-id={field.id}>
                  <label className={`check bv-form-field-name${ok ? '' : ' muted'}`}>
                    <input
                      type="checkbox"
                      checked={false}
                      disabled={disabled || !ok}
                      aria-label={t('base.views.form.include', { name: field.name })}
                      onChange={() => onChange([...included, { fieldId: field.id, required: false, hint: '' }])}
                    />
                    <span className="bv-field-icon" aria-hidden="true">
                      {uiOf(field).icon}
                    </span>
                    <span className="bv-ellipsis">{field.name}</span>
                  </label>
                  {!ok && <span className="muted small">{t('base.views.form.cannotAsk')}</span>}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
