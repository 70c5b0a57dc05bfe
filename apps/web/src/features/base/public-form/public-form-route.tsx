import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '@concord/contracts';
import { LocaleSwitch, useMe } from '../../org/index.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { PageSpinner } from '../../../ui/spinner.tsx';
import { usePublicForm } from './api/get-form.ts';
import { useSubmitForm } from './api/submit-form.ts';
import { FormDuplicateNotice } from './form-duplicate-notice.tsx';
import { FormRenderer } from './form-renderer.tsx';
import { serverFieldErrors } from './form-values.ts';
import './public-form.css';

/** /forms/:token: a Base form anyone with the link can fill in (internal forms ask to sign in first). */
export function PublicFormRoute() {
  const t = useT();
  const { token = '' } = useParams();
  // The session (when there is one) also provides the CSRF token a signed-in submit needs.
  const session = useMe();
  const form = usePublicForm(token, !session.isPending);
  const submit = useSubmitForm(token);
  const [done, setDone] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const signedIn = !!session.data?.user;
  // One object per refusal: the renderer shows a new set of server errors only when this identity changes.
  const byField = useMemo(() => {
    const err = submit.error;
    if (!(err instanceof ApiError) || !form.data) return undefined;
    const found = serverFieldErrors(form.data.fields, err.code, err.details, t('publicForm.error.required'));
    return Object.keys(found).length ? found : undefined;
  }, [submit.error, form.data, t]);

  const renderDuplicates = useCallback((answers: Record<string, unknown>) => <FormDuplicateNotice token={token} answers={answers} />, [token]);

  let body;
  if (session.isPending || form.isPending) body = <PageSpinner label={t('common.loading')} />;
  else if (form.error instanceof ApiError && form.error.status === 401) {
    body = (
      <div className="pf-state" data-testid="form-sign-in">
        <h1 className="pf-title">{t('publicForm.internalTitle')}</h1>
        <p className="muted">{t('publicForm.internalBody')}</p>
        <Link className="btn btn-primary" to={`/login?next=${encodeURIComponent(`/forms/${token}`)}`}>
          {t('login.submit')}
        </Link>
      </div>
    );
  } else if (form.error instanceof ApiError && form.error.status === 404) {
    body = (
      <div className="pf-state" data-testid="form-not-found">
        <h1 className="pf-title">{t('publicForm.notFoundTitle')}</h1>
        <p className="muted">{t('publicForm.notFoundBody')}</p>
      </div>
    );
  } else if (form.error) body = <ErrorNotice error={form.error} onRetry={() => void form.refetch()} />;
  else if (done !== null) {
    body = (
      <div className="pf-state" data-testid="form-success" role="status">
        <div className="pf-success-icon" aria-hidden="true">
          ✓
        </div>
        <p className="pf-success-text">{done}</p>
        <Button
          onClick={() => {
            setDone(null);
            submit.reset();
            setRound((n) => n + 1);
          }}
        >
          {t('publicForm.again')}
        </Button>
      </div>
    );
  } else if (form.data) {
    body = (
      <FormRenderer
        key={round}
        form={form.data}
        signedIn={signedIn}
        busy={submit.isPending}
        serverErrors={byField}
        notice={submit.error && !byField ? <ErrorNotice error={submit.error} /> : null}
        onSubmit={(answers) => submit.mutate(answers, { onSuccess: (res) => setDone(res.message) })}
        renderDuplicates={renderDuplicates}
      />
    );
  }

  return (
    <div className="pf-page">
      <div className="auth-topbar pf-topbar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Concord
        </span>
        <LocaleSwitch compact />
      </div>
      <main className="pf-card">{body}</main>
    </div>
  );
}
