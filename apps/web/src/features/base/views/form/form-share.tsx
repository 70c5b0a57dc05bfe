import { useT } from '../../../../lib/i18n/i18n.tsx';
import { CopyField } from '../../../../ui/copy-field.tsx';
import { formLink, type FormSettings } from './form-settings.ts';

export interface FormShareProps {
  access: FormSettings['access'];
  token: string | null;
  disabled: boolean;
  onAccess: (access: FormSettings['access']) => void;
}

/** Who may fill in the form, and its link. */
export function FormShare({ access, token, disabled, onAccess }: FormShareProps) {
  const t = useT();
  const options = [
    { value: 'public', label: t('base.views.form.accessPublic'), hint: t('base.views.form.accessPublicHint') },
    { value: 'internal', label: t('base.views.form.accessInternal'), hint: t('base.views.form.accessInternalHint') },
  ] as const;
  const link = token ? formLink(window.location.origin, token) : null;
  return (
    <div className="bv-form-share">
      <fieldset className="bv-fieldset">
        <legend className="bv-form-subhead">{t('base.views.form.access')}</legend>
        <div className="bv-form-access">
          {options.map((o) => (
            <label key={o.value} className={`bv-form-access-option${access === o.value ? ' is-on' : ''}`}>
              <input
                type="radio"
                name="form-access"
                value={o.value}
                checked={access === o.value}
                disabled={disabled}
                data-testid={`form-access-${o.value}`}
                onChange={() => onAccess(o.value)}
              />
              <span>
                <strong>{o.label}</strong>
                <span className="muted small">{o.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {link && (
        <div className="bv-form-link">
          <CopyField label={t('base.views.form.link')} value={link} copyLabel={t('common.copy')} copiedLabel={t('common.copied')} testId="form-link" />
          <a href={link} target="_blank" rel="noopener noreferrer" className="small">
            {t('base.views.form.openLink')} ↗
          </a>
        </div>
      )}
    </div>
  );
}
