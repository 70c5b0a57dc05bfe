import { useState, type FormEvent } from 'react';
import { appScope, type AppDto } from '@concord/contracts';
import { fieldErrors, needsFormNotice } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { ConfirmDialog } from '../../../ui/confirm-dialog.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { PageSpinner } from '../../../ui/spinner.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import { useCreateApp } from '../api/create-app.ts';
import { useDeleteApp } from '../api/delete-app.ts';
import { useApps } from '../api/list-apps.ts';
import { useRotateAppSecret } from '../api/rotate-app-secret.ts';
import { SecretOnceModal } from '../components/secret-once-modal.tsx';

type Scope = (typeof appScope.options)[number];
type Pending = { kind: 'rotate' | 'delete'; app: AppDto } | null;
const DEFAULT_SCOPES: Scope[] = ['bitable', 'contact:readonly'];

/** Open Platform apps (Feishu-compatible `app_id` / `app_secret`): create, list, rotate the secret, delete. */
export function AdminAppsRoute() {
  const { t, locale } = useI18n();
  const apps = useApps();
  const create = useCreateApp();
  const rotate = useRotateAppSecret();
  const remove = useDeleteApp();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(DEFAULT_SCOPES);
  const [secret, setSecret] = useState<{ appId: string; appSecret: string } | null>(null);
  const [pending, setPending] = useState<Pending>(null);

  function handleCreate(e: FormEvent) {
    e.preventDefault();
    create.mutate(
      { name: name.trim(), scopes },
      {
        onSuccess: (app) => {
          setSecret({ appId: app.appId, appSecret: app.appSecret });
          setName('');
        },
      },
    );
  }

  function handleConfirm() {
    if (!pending) return;
    if (pending.kind === 'delete') remove.mutate(pending.app.appId, { onSuccess: () => setPending(null) });
    else
      rotate.mutate(pending.app.appId, {
        onSuccess: (app) => {
          setPending(null);
          setSecret({ appId: app.appId, appSecret: app.appSecret });
        },
      });
  }

  const errors = fieldErrors(create.error);
  const confirmMutation = pending?.kind === 'delete' ? remove : rotate;
  return (
    <div className="stack">
      <section className="panel panel-pad">
        <h2 className="section-title">{t('apps.create')}</h2>
        <p className="muted">{t('apps.intro')}</p>
        <form className="form form-narrow" noValidate onSubmit={handleCreate}>
          {needsFormNotice(create.error, ['name', 'scopes']) && <ErrorNotice error={create.error} />}
          <TextField label={t('apps.name')} name="appName" value={name} onChange={setName} error={errors.name} />
          <fieldset className="field">
            <legend>{t('apps.scopes')}</legend>
            <div className="check-grid">
              {appScope.options.map((s) => (
                <label key={s} className="check">
                  <input
                    type="checkbox"
                    checked={scopes.includes(s)}
                    onChange={(e) => setScopes(e.target.checked ? [...scopes, s] : scopes.filter((x) => x !== s))}
                  />
                  <code>{s}</code>
                </label>
              ))}
            </div>
            {errors.scopes && <p className="field-error">{errors.scopes}</p>}
          </fieldset>
          <div className="button-row">
            <Button type="submit" variant="primary" busy={create.isPending} testId="app-create">
              {t('apps.createButton')}
            </Button>
          </div>
        </form>
      </section>
      <section className="panel">
        {apps.isPending && <PageSpinner label={t('common.loading')} />}
        {apps.error && <ErrorNotice error={apps.error} onRetry={() => void apps.refetch()} />}
        {apps.data?.length === 0 && <EmptyState title={t('apps.empty')} />}
        {!!apps.data?.length && (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('apps.name')}</th>
                  <th>App ID</th>
                  <th className="hide-sm">{t('apps.scopes')}</th>
                  <th className="hide-sm">{t('common.created')}</th>
                  <th className="actions-col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {apps.data.map((app) => (
                  <tr key={app.appId} data-testid="app-row" data-app-id={app.appId}>
                    <td className="cell-strong">{app.name}</td>
                    <td>
                      <code>{app.appId}</code>
                    </td>
                    <td className="hide-sm">
                      {app.scopes.map((s) => (
                        <span key={s} className="chip">
                          {s}
                        </span>
                      ))}
                    </td>
                    <td className="hide-sm">{formatDateTime(app.createdAt, locale)}</td>
                    <td className="actions-col">
                      <div className="row-actions">
                        <Button size="sm" variant="ghost" onClick={() => (rotate.reset(), setPending({ kind: 'rotate', app }))}>
                          {t('apps.rotate')}
                        </Button>
                        <Button size="sm" variant="ghost" onClick={() => (remove.reset(), setPending({ kind: 'delete', app }))}>
                          {t('common.delete')}
                        </Button>
                      </div>
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
          title={t('apps.secretTitle')}
          values={[
            { label: 'App ID', value: secret.appId, testId: 'app-id-value' },
            { label: 'App Secret', value: secret.appSecret, testId: 'app-secret-value' },
          ]}
          onClose={() => setSecret(null)}
        />
      )}
      {pending && (
        <ConfirmDialog
          title={pending.kind === 'delete' ? t('apps.deleteTitle', { name: pending.app.name }) : t('apps.rotateTitle', { name: pending.app.name })}
          confirmLabel={pending.kind === 'delete' ? t('common.delete') : t('apps.rotate')}
          cancelLabel={t('common.cancel')}
          closeLabel={t('common.close')}
          danger
          busy={confirmMutation.isPending}
          error={confirmMutation.error && <ErrorNotice error={confirmMutation.error} />}
          onConfirm={handleConfirm}
          onCancel={() => setPending(null)}
        >
          {pending.kind === 'delete' ? t('apps.deleteBody') : t('apps.rotateBody')}
        </ConfirmDialog>
      )}
    </div>
  );
}
