import type { FieldDto } from '@concord/contracts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { uiOf } from '../../fields/field-registry.ts';

export interface HideFieldsProps {
  fields: readonly FieldDto[];
  hidden: readonly string[];
  onChange: (hidden: string[]) => void;
}

/** Which fields the view shows; the primary field always shows. */
export function HideFields({ fields, hidden, onChange }: HideFieldsProps) {
  const t = useT();
  const others = fields.filter((f) => !f.isPrimary);
  return (
    <div className="hide-fields" data-testid="hide-fields">
      <div className="hide-fields-actions">
        <button type="button" className="link-btn small" onClick={() => onChange([])}>
          {t('base.hide.showAll')}
        </button>
        <button type="button" className="link-btn small" onClick={() => onChange(others.map((f) => f.id))}>
          {t('base.hide.hideAll')}
        </button>
      </div>
      {fields.map((f) => (
        <label key={f.id} className="hide-field-row" title={f.isPrimary ? t('base.hide.primary') : undefined}>
          <input
            type="checkbox"
            checked={f.isPrimary || !hidden.includes(f.id)}
            disabled={f.isPrimary}
            data-testid="hide-field-toggle"
            data-field-id={f.id}
            onChange={(e) => onChange(e.target.checked ? hidden.filter((id) => id !== f.id) : [...hidden, f.id])}
          />
          <span className="field-icon" aria-hidden="true">
            {uiOf(f).icon}
          </span>
          {f.name}
        </label>
      ))}
    </div>
  );
}
