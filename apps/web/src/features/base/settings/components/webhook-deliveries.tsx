import { useI18n, useT } from '../../../../lib/i18n/i18n.tsx';
import { formatDateTime } from '../../../../lib/dates.ts';
import { ErrorNotice } from '../../../../ui/error-notice.tsx';
import { Spinner } from '../../../../ui/spinner.tsx';
import { useWebhookDeliveries } from '../api/webhooks.ts';

export interface WebhookDeliveriesProps {
  webhookId: string;
}

/** The delivery log of one webhook, newest first: what was sent, how it went, and when it is retried. */
export function WebhookDeliveries({ webhookId }: WebhookDeliveriesProps) {
  const t = useT();
  const { locale } = useI18n();
  const log = useWebhookDeliveries(webhookId);
  if (log.isPending) return <Spinner size="sm" label={t('common.loading')} />;
  if (log.error) return <ErrorNotice error={log.error} onRetry={() => void log.refetch()} />;
  if (log.data.length === 0) return <p className="settings-muted">{t('base.webhooks.noDeliveries')}</p>;
  return (
    <table className="settings-deliveries" data-testid="webhook-deliveries">
      <tbody>
        {log.data.map((d) => (
          <tr key={d.id} data-testid="webhook-delivery" data-status={d.status}>
            <td>{formatDateTime(d.createdAt, locale)}</td>
            <td>{t(`base.webhooks.event.${d.type}`)}</td>
            <td>
              <span className={`settings-status settings-status-${d.status}`}>{t(`base.webhooks.status.${d.status}`)}</span>
            </td>
            <td className="settings-muted">
              {[
                t('base.webhooks.attempts', { count: d.attempts }),
                d.lastStatus !== null ? `HTTP ${d.lastStatus}` : null,
                d.lastError,
                d.status === 'pending' && d.nextAttemptAt ? t('base.webhooks.nextAttempt', { at: formatDateTime(d.nextAttemptAt, locale) }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
