import { locales, type Locale } from '@concord/contracts';
import { useI18n } from '../../../lib/i18n/i18n.tsx';
import { useMe } from '../api/get-me.ts';
import { useUpdatePreferences } from '../api/update-preferences.ts';

const LABELS: Record<Locale, string> = { 'zh-CN': '简体中文', en: 'English' };

export interface LocaleSwitchProps {
  compact?: boolean;
}

/** Switches the UI language at once; signed-in users also get it saved to their profile (so server messages follow). */
export function LocaleSwitch({ compact }: LocaleSwitchProps) {
  const { locale, setLocale, t } = useI18n();
  const session = useMe().data;
  const save = useUpdatePreferences();

  function handleChange(value: string) {
    const next = locales.find((l) => l === value);
    if (!next) return;
    setLocale(next);
    if (session?.user) save.mutate({ locale: next });
  }

  return (
    <label className={`locale-switch${compact ? ' locale-switch-compact' : ''}`}>
      <span className="locale-switch-label">{t('locale.label')}</span>
      <select data-testid="locale-switch" value={locale} aria-label={t('locale.label')} onChange={(e) => handleChange(e.target.value)}>
        {locales.map((l) => (
          <option key={l} value={l}>
            {LABELS[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
