import { useState, type FormEvent } from 'react';
import { fieldErrors, needsFormNotice } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { ConfirmDialog } from '../../../ui/confirm-dialog.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { PageSpinner } from '../../../ui/spinner.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import { useCreateToken } from '../api/create-token.ts';
import { useTokens } from '../api/list-tokens.ts';
import { useRevokeToken } from '../api/revoke-token.ts';
import { SecretOnceModal } from '../components/secret-once-modal.tsx';

export interface TokensRouteProps {
  /** Shown as its own page (from the user menu) rather than inside the admin console. */
  standalone?: boolean;
}

/** The signed-in user's personal API tokens: create (shown once), list, revoke. */
export function TokensRoute({ standalone }: TokensRouteProps) {
  const { t, locale } = useI18n();
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);

  function handleCreate(e: FormEvent) {
    e.preventDefault();
    create.mutate(name.trim(), {
      onSuccess: (tok) => {
        setSecret(tok.token);
        setName('');
      },
    });
  }

  const errors = fieldErrors(create.error);
  return (
    <div className="stack">
      {standalone && (
        <div className="page-head">
          <h1>{t('tokens.title')}</h1>
        </div>
      )}
      <section className="panel panel-pad">
        <h2 className="section-title">{t('tokens.create')}</h2>
        <p className="muted">{t('tokens.intro')}</p>
        <form className="form form-inline" noValidate onSubmit={handleCreate}>
          <TextField label={t('tokens.name')} name="tokenName" value={name} onChange={setName} error={errors.name} placeholder={t('tokens.namePlaceholder')} />
          <Button type="submit" variant="primary" busy={create.isPending} testId="token-create">
            {t('tokens.createButton')}
          </Button>
        </form>
        {needsFormNotice(create.error, ['name']) && <ErrorNotice error={create.error} />}
      </section>
      <section className="panel">
        {tokens.isPending && <PageSpinner label={t('common.loading')} />}
        {tokens.error && <ErrorNotice error={tokens.error} onRetry={() => void tokens.refetch()} />}
        {tokens.data?.length === 0 && <EmptyState title={t('tokens.empty')} />}
        {!!tokens.data?.length && (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('tokens.name')}</th>
                  <th className="hide-sm">{t('common.created')}</th>
                  <th>{t('tokens.lastUsed')}</th>
                  <th className="actions-col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {tokens.data.map((tok) => (
                  <tr key={tok.id} data-testid="token-row" data-token-id={tok.id}>
                    <td className="cell-strong">{tok.name}</td>
                    <td className="hide-sm">{formatDateTime(tok.createdAt, locale)}</td>
                    <td>{tok.lastUsedAt ? formatDateTime(tok.lastUsedAt, locale) : <span className="muted">{t('tokens.neverUsed')}</span>}</td>
                    <td className="actions-col">
                      <Button size="sm" variant="ghost" onClick={() => (revoke.reset(), setRevoking(tok))}>
                        {t('tokens.revoke')}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {secret && (
        <SecretOnceModal
          title={t('tokens.secretTitle')}
          values={[{ label: t('tokens.token'), value: secret, testId: 'token-value' }]}
          onClose={() => setSecret(null)}
        />
      )}
      {revoking && (
        <ConfirmDialog
          title={t('tokens.revokeTitle', { name: revoking.name })}
          confirmLabel={t('tokens.revoke')}
          cancelLabel={t('common.cancel')}
          closeLabel={t('common.close')}
          danger
          busy={revoke.isPending}
          error={revoke.error && <ErrorNotice error={revoke.error} />}
          onConfirm={() => revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
          onCancel={() => setRevoking(null)}
        >
          {t('tokens.revokeBody')}
        </ConfirmDialog>
      )}
    </div>
  );
}
