import { useCallback, useMemo, useState } from 'react';
import type { TableDto, ViewDto } from '@concord/contracts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { Button } from '../../../../ui/button.tsx';
import { ErrorNotice } from '../../../../ui/error-notice.tsx';
import { TextField } from '../../../../ui/text-field.tsx';
import { useUpdateView } from '../../api/update-view.ts';
import { DuplicateWarning } from '../../duplicates/duplicate-warning.tsx';
import { FormRenderer } from '../../public-form/form-renderer.tsx';
import { useCanEdit } from '../shared/use-can-edit.ts';
import { useViewRealtime } from '../shared/use-view-realtime.ts';
import { FormFieldList } from './form-field-list.tsx';
import { FormShare } from './form-share.tsx';
import { cleanSettings, defaultSettings, previewForm, type FormSettings } from './form-settings.ts';
import '../views.css';
import './form-designer.css';

export interface FormDesignerProps {
  table: TableDto;
  view: ViewDto;
}

/** Designs a form view: what it asks (required, hints, order), its title and thank-you text, who may fill it in; with a live preview. */
export function FormDesigner({ table, view }: FormDesignerProps) {
  const t = useT();
  const canEdit = useCanEdit(table);
  const update = useUpdateView(table.id);
  // Follows field renames and settings saved by others (unsaved edits here stay).
  useViewRealtime(table.id);
  const saved = useMemo(() => view.config.form ?? defaultSettings(table, view.name), [view.config.form, table, view.name]);
  // Unsaved edits; null means "showing what is saved" (and following changes others save).
  const [draft, setDraft] = useState<FormSettings | null>(null);
  const current = draft ?? saved;
  const dirty = draft !== null && JSON.stringify(cleanSettings(table, draft)) !== JSON.stringify(cleanSettings(table, saved));
  const preview = useMemo(() => previewForm(table, current), [table, current]);
  const change = (patch: Partial<FormSettings>) => setDraft({ ...current, ...patch });
  const readOnly = !canEdit;

  // The preview warns like the real form would, from the table's own check (designers may read the table).
  const renderDuplicates = useCallback((answers: Record<string, unknown>) => <DuplicateWarning table={table} values={answers} />, [table]);

  function handleSave() {
    // The token is sent back unchanged: the server only assigns one when it is missing.
    update.mutate({ viewId: view.id, config: { form: { ...cleanSettings(table, current), token: saved.token } } }, { onSuccess: () => setDraft(null) });
  }

  return (
    <div className="bv-form-designer" data-testid="form-designer" data-view-id={view.id}>
      <section className="bv-form-settings panel" aria-label={t('base.views.form.settings')}>
        <div className="bv-form-section">
          <TextField
            label={t('base.views.form.title')}
            name="formTitle"
            value={current.title}
            disabled={readOnly}
            onChange={(title) => change({ title })}
            testId="form-title"
          />
          <div className="field">
            <label htmlFor="bv-form-description">{t('base.views.form.description')}</label>
            <textarea
              id="bv-form-description"
              className="bv-textarea"
              rows={3}
              value={current.description}
              disabled={readOnly}
              maxLength={5000}
              onChange={(e) => change({ description: e.target.value })}
            />
          </div>
        </div>
        <div className="bv-form-section">
          <h3 className="bv-form-subhead">{t('base.views.form.fields')}</h3>
          <FormFieldList fields={table.fields} value={current.fields} disabled={readOnly} onChange={(fields) => change({ fields })} />
        </div>
        <div className="bv-form-section">
          <FormShare access={current.access} token={saved.token} disabled={readOnly} onAccess={(access) => change({ access })} />
        </div>
        <div className="bv-form-section">
          <div className="field">
            <label htmlFor="bv-form-message">{t('base.views.form.submitMessage')}</label>
            <textarea
              id="bv-form-message"
              className="bv-textarea"
              rows={2}
              value={current.submitMessage}
              disabled={readOnly}
              maxLength={1000}
              placeholder={t('base.views.form.submitMessagePlaceholder')}
              onChange={(e) => change({ submitMessage: e.target.value })}
            />
          </div>
        </div>
        {readOnly ? (
          <p className="muted small bv-form-section">{t('base.views.askEditor')}</p>
        ) : (
          <div className="bv-form-save">
            {update.error && <ErrorNotice error={update.error} />}
            <div className="button-row">
              <Button variant="primary" disabled={!dirty || !current.title.trim()} busy={update.isPending} testId="form-save" onClick={handleSave}>
                {t('common.save')}
              </Button>
              <Button variant="ghost" disabled={!dirty} onClick={() => setDraft(null)}>
                {t('base.views.form.discard')}
              </Button>
              {dirty && <span className="muted small">{t('base.views.form.unsaved')}</span>}
            </div>
          </div>
        )}
      </section>
      <section className="bv-form-preview" aria-label={t('base.views.form.preview')}>
        <p className="bv-form-preview-label muted small">{t('base.views.form.preview')}</p>
        <div className="pf-card bv-form-preview-card">
          <FormRenderer form={preview} signedIn={current.access === 'internal'} preview renderDuplicates={renderDuplicates} />
        </div>
      </section>
    </div>
  );
}
