import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { fieldErrors, needsFormNotice } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { PageSpinner } from '../../../ui/spinner.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import { useCreateBase } from '../api/create-base.ts';
import { useBases } from '../api/list-bases.ts';
import '../base.css';

/** The bases I belong to, and a form to create one. */
export function BaseHomeRoute() {
  const t = useT();
  const navigate = useNavigate();
  const bases = useBases();
  const create = useCreateBase();
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');

  function handleCreate(e: FormEvent) {
    e.preventDefault();
    create.mutate(name.trim(), { onSuccess: (base) => navigate(`/base/${base.id}`) });
  }

  const errors = fieldErrors(create.error);
  return (
    <div className="stack base-home" data-testid="base-home">
      <div className="page-head">
        <div>
          <h1>{t('base.home.title')}</h1>
          <p className="muted">{t('base.home.subtitle')}</p>
        </div>
        {!creating && (
          <Button variant="primary" testId="base-create" onClick={() => setCreating(true)}>
            + {t('base.home.create')}
          </Button>
        )}
      </div>
      {creating && (
        <form className="panel panel-pad form form-inline" noValidate onSubmit={handleCreate}>
          <TextField
            label={t('base.home.name')}
            name="baseName"
            value={name}
            onChange={setName}
            placeholder={t('base.home.namePlaceholder')}
            error={errors.name}
            autoFocus
            testId="base-name"
          />
          <Button type="submit" variant="primary" busy={create.isPending} testId="base-create-submit">
            {t('base.home.create')}
          </Button>
          <Button onClick={() => setCreating(false)}>{t('common.cancel')}</Button>
          {needsFormNotice(create.error, ['name']) && <ErrorNotice error={create.error} />}
        </form>
      )}
      {bases.isPending && <PageSpinner label={t('common.loading')} />}
      {bases.error && <ErrorNotice error={bases.error} onRetry={() => void bases.refetch()} />}
      {bases.data?.length === 0 && !creating && <EmptyState title={t('base.home.empty')} description={t('base.home.emptyHint')} />}
      {!!bases.data?.length && (
        <ul className="base-cards">
          {bases.data.map((b) => (
            <li key={b.id}>
              <Link to={`/base/${b.id}`} className="base-card panel" data-testid="base-card" data-base-id={b.id}>
                <span className="base-card-icon" aria-hidden="true">
                  ▦
                </span>
                <span className="base-card-name">{b.name}</span>
                <span className="muted small">
                  {t('base.home.tables', { n: b.tables.length })} · {t(`base.role.${b.role}`)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
