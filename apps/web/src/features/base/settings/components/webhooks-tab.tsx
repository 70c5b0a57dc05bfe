import { useState, type FormEvent } from 'react';
import type { WebhookPayload } from '@concord/contracts';
import { fieldErrors } from '../../../../lib/api-client.ts';
import { useI18n, useT } from '../../../../lib/i18n/i18n.tsx';
import { formatDateTime } from '../../../../lib/dates.ts';
import { Alert } from '../../../../ui/alert.tsx';
import { Button } from '../../../../ui/button.tsx';
import { ConfirmDialog } from '../../../../ui/confirm-dialog.tsx';
import { CopyField } from '../../../../ui/copy-field.tsx';
import { ErrorNotice } from '../../../../ui/error-notice.tsx';
import { Spinner } from '../../../../ui/spinner.tsx';
import { useCreateWebhook, useDeleteWebhook, useWebhooks } from '../api/webhooks.ts';
import { WebhookDeliveries } from './webhook-deliveries.tsx';

type WebhookEvent = WebhookPayload['type'];
const EVENTS: readonly WebhookEvent[] = ['record.created', 'record.updated', 'record.deleted'];

export interface WebhooksTabProps {
  tableId: string;
}

/** A table's webhooks: add one (its secret is shown once), see each one's delivery log, delete. */
export function WebhooksTab({ tableId }: WebhooksTabProps) {
  const t = useT();
  const { locale } = useI18n();
  const hooks = useWebhooks(tableId);
  const create = useCreateWebhook(tableId);
  const remove = useDeleteWebhook(tableId);
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([...EVENTS]);
  const [secret, setSecret] = useState<{ url: string; value: string } | null>(null);
  const [logOf, setLogOf] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<{ id: string; url: string } | null>(null);
  const urlError = fieldErrors(create.error).url;

  function handleCreate(e: FormEvent) {
    e.preventDefault();
    create.mutate(
      { url: url.trim(), events },
      {
        onSuccess: (hook) => {
          setSecret({ url: hook.url, value: hook.secret });
          setUrl('');
        },
      },
    );
  }

  const toggle = (ev: WebhookEvent, on: boolean) => setEvents((list) => EVENTS.filter((x) => (x === ev ? on : list.includes(x))));
  return (
    <div className="settings-webhooks" data-testid="webhooks-tab">
      <p className="settings-muted">{t('base.webhooks.intro')}</p>
      <form className="settings-webhook-form" onSubmit={handleCreate}>
        <label className="settings-row">
          <span>{t('base.webhooks.url')}</span>
          <input
            type="url"
            className="settings-input"
            required
            placeholder="https://example.com/hooks/concord"
            value={url}
            aria-invalid={urlError ? true : undefined}
            data-testid="webhook-url"
            onChange={(e) => setUrl(e.target.value)}
          />
        </label>
        {urlError && <p className="field-error">{urlError}</p>}
        <div className="settings-includes" role="group" aria-label={t('base.webhooks.events')}>
          {EVENTS.map((ev) => (
            <label key={ev} className="settings-check">
              <input type="checkbox" checked={events.includes(ev)} data-testid="webhook-event" data-event={ev} onChange={(e) => toggle(ev, e.target.checked)} />
              {t(`base.webhooks.event.${ev}`)}
            </label>
          ))}
        </div>
        {create.error && !urlError && <ErrorNotice error={create.error} />}
        <div className="settings-actions">
          <Button type="submit" variant="primary" busy={create.isPending} disabled={!url.trim() || events.length === 0} testId="webhook-create">
            {t('base.webhooks.create')}
          </Button>
        </div>
      </form>
      {secret && (
        <div className="settings-secret" data-testid="webhook-secret-box">
          <Alert tone="warning" title={t('base.webhooks.secretTitle')}>
            {t('secret.onlyOnce')}
          </Alert>
          <CopyField
            label={t('base.webhooks.secret')}
            value={secret.value}
            testId="webhook-secret"
            copyLabel={t('common.copy')}
            copiedLabel={t('common.copied')}
          />
          <div className="settings-actions">
            <Button size="sm" onClick={() => setSecret(null)}>
              {t('secret.done')}
            </Button>
          </div>
        </div>
      )}
      {hooks.isPending && <Spinner label={t('common.loading')} />}
      {hooks.error && <ErrorNotice error={hooks.error} onRetry={() => void hooks.refetch()} />}
      {hooks.data?.length === 0 && <p className="settings-muted">{t('base.webhooks.empty')}</p>}
      <ul className="settings-list">
        {hooks.data?.map((h) => (
          <li key={h.id} className="settings-webhook" data-testid="webhook-row" data-webhook-id={h.id}>
            <div className="settings-webhook-head">
              <span className="settings-webhook-url" title={h.url}>
                {h.url}
                <small>
                  {h.events.map((ev) => t(`base.webhooks.event.${ev}`)).join(' · ')} · {formatDateTime(h.createdAt, locale)}
                </small>
              </span>
              <Button size="sm" variant="ghost" testId="webhook-log" onClick={() => setLogOf(logOf === h.id ? null : h.id)}>
                {t(logOf === h.id ? 'base.webhooks.hideLog' : 'base.webhooks.log')}
              </Button>
              <button
                type="button"
                className="icon-btn"
                aria-label={t('base.webhooks.delete')}
                title={t('base.webhooks.delete')}
                data-testid="webhook-delete"
                onClick={() => {
                  remove.reset();
                  setDeleting({ id: h.id, url: h.url });
                }}
              >
                ×
              </button>
            </div>
            {logOf === h.id && <WebhookDeliveries webhookId={h.id} />}
          </li>
        ))}
      </ul>
      {deleting && (
        <ConfirmDialog
          title={t('base.webhooks.deleteTitle')}
          confirmLabel={t('common.delete')}
          cancelLabel={t('common.cancel')}
          closeLabel={t('common.close')}
          danger
          busy={remove.isPending}
          error={remove.error ? <ErrorNotice error={remove.error} /> : undefined}
          onCancel={() => setDeleting(null)}
          onConfirm={() => remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
        >
          {t('base.webhooks.deleteBody', { url: deleting.url })}
        </ConfirmDialog>
      )}
    </div>
  );
}
