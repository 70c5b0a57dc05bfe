import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { FormDto } from '@concord/contracts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { FormInput } from './form-input.tsx';
import { collectAnswers, emptyDraft, inputKindOf, type Draft } from './form-values.ts';
import './public-form.css';

export interface FormRendererProps {
  form: FormDto;
  signedIn: boolean;
  /** The designer's live preview: inputs work, submitting does nothing. */
  preview?: boolean;
  busy?: boolean;
  /** Messages from the server about single fields, by field id. */
  serverErrors?: Record<string, string>;
  /** A refusal that is not about one field. */
  notice?: ReactNode;
  onSubmit?: (answers: Record<string, unknown>) => void;
  /** Shown above the submit button, from the answers so far (likely duplicates). */
  renderDuplicates?: (answers: Record<string, unknown>) => ReactNode;
}

/** A form as people fill it in: title, description, one input per field with required marks, hints and errors. */
export function FormRenderer({ form, signedIn, preview, busy, serverErrors, notice, onSubmit, renderDuplicates }: FormRendererProps) {
  const t = useT();
  const idPrefix = useId();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [shownServerErrors, setShownServerErrors] = useState(serverErrors);
  // New server errors replace what is shown; editing a field clears its own message.
  if (shownServerErrors !== serverErrors) {
    setShownServerErrors(serverErrors);
    setErrors(serverErrors ?? {});
  }

  const answers = useMemo(() => (renderDuplicates ? collectAnswers(form.fields, drafts).answers : null), [renderDuplicates, form.fields, drafts]);

  function handleChange(fieldId: string, value: Draft) {
    setDrafts((d) => ({ ...d, [fieldId]: value }));
    if (errors[fieldId]) setErrors(({ [fieldId]: _gone, ...rest }) => rest);
  }

  function handleSubmit(e: FormEvent) {
    e.preventDefault();
    if (preview) return;
    const checked = collectAnswers(form.fields, drafts);
    const found = Object.entries(checked.errors);
    if (found.length) {
      setErrors(Object.fromEntries(found.map(([id, key]) => [id, t(key)])));
      document.getElementById(`${idPrefix}-${found[0]![0]}`)?.focus();
      return;
    }
    onSubmit?.(checked.answers);
  }

  return (
    <form className="pf-form" noValidate onSubmit={handleSubmit} data-testid="form-renderer">
      <header className="pf-head">
        <h1 className="pf-title">{form.title}</h1>
        {form.description && <p className="pf-description">{form.description}</p>}
      </header>
      {form.fields.map((field) => {
        const kind = inputKindOf(field.type);
        if (!kind) {
          return preview ? (
            <p key={field.id} className="pf-field muted small">
              {t('publicForm.unsupported', { name: field.name })}
            </p>
          ) : null;
        }
        const inputId = `${idPrefix}-${field.id}`;
        const error = errors[field.id];
        return (
          <div
            key={field.id}
            className={`pf-field${error ? ' is-invalid' : ''}`}
            data-testid="form-field"
            data-field-id={field.id}
            data-field-type={field.type}
          >
            <label className="pf-label" htmlFor={inputId}>
              {field.name}
              {field.required && (
                <span className="pf-required" title={t('publicForm.required')}>
                  *
                </span>
              )}
            </label>
            {field.hint && <p className="pf-hint">{field.hint}</p>}
            <FormInput
              field={field}
              kind={kind}
              inputId={inputId}
              value={drafts[field.id] ?? emptyDraft(kind)}
              invalid={!!error}
              signedIn={signedIn}
              onChange={(v) => handleChange(field.id, v)}
            />
            {error && (
              <p className="field-error" data-testid="form-field-error">
                {error}
              </p>
            )}
          </div>
        );
      })}
      {answers && renderDuplicates?.(answers)}
      {notice}
      <div className="pf-actions">
        <Button type="submit" variant="primary" busy={busy} disabled={preview} testId={preview ? 'form-preview-submit' : 'form-submit'}>
          {t('publicForm.submit')}
        </Button>
        {preview && <span className="muted small">{t('publicForm.previewNote')}</span>}
      </div>
    </form>
  );
}
