import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import type { CrmLocale } from '@concord/contracts';
import { useI18n, useT } from '../../../lib/i18n/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { SelectField } from '../../../ui/select-field.tsx';
import { useInitCrm } from '../api/init-crm.ts';

export interface CreateCrmFormProps {
  onCancel?: () => void;
}

/** "Create CRM": picks the template's language and opens the new base's customers when it is ready. */
export function CreateCrmForm({ onCancel }: CreateCrmFormProps) {
  const t = useT();
  const { locale: uiLocale } = useI18n();
  const navigate = useNavigate();
  const init = useInitCrm();
  const [locale, setLocale] = useState<CrmLocale>(uiLocale === 'en' ? 'en' : 'zh-CN');

  function handleSubmit(e: FormEvent) {
    e.preventDefault();
    init.mutate(locale, { onSuccess: (crm) => navigate(`/base/${crm.appToken}/${crm.tables.customers}`) });
  }

  return (
    <form className="panel panel-pad form form-inline crm-create" noValidate onSubmit={handleSubmit} data-testid="crm-create-form">
      <SelectField
        label={t('crm.locale')}
        name="crmLocale"
        value={locale}
        options={[
          { value: 'zh-CN', label: t('crm.locale.zh') },
          { value: 'en', label: t('crm.locale.en') },
        ]}
        onChange={(v) => setLocale(v === 'en' ? 'en' : 'zh-CN')}
        hint={t('crm.localeHint')}
      />
      <Button type="submit" variant="primary" busy={init.isPending} testId="crm-create-submit">
        {t('crm.create')}
      </Button>
      {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
      {init.error && <ErrorNotice error={init.error} />}
    </form>
  );
}
