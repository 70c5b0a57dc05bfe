import type { NotificationKind, NotificationPreference } from '@concord/contracts';
import { useT, type MessageKey } from '../../../lib/i18n/i18n.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { PageSpinner } from '../../../ui/spinner.tsx';
import { useNotificationSettings } from '../api/get-settings.ts';
import { useUpdateNotificationSettings } from '../api/update-settings.ts';

/** A label per kind: a new kind without one is a compile error here. */
const KIND_LABEL: Record<NotificationKind, MessageKey> = {
  'base.comment.mentioned': 'notify.kind.base.comment.mentioned',
  'base.record.assigned': 'notify.kind.base.record.assigned',
  'base.automation': 'notify.kind.base.automation',
};

/** /settings/notifications: per kind, whether it shows in Concord and whether it is emailed. Each switch saves at once. */
export function NotificationSettingsRoute() {
  const t = useT();
  const settings = useNotificationSettings();
  const update = useUpdateNotificationSettings();

  function handleToggle(pref: NotificationPreference, channel: 'inApp' | 'email', on: boolean) {
    update.mutate([{ ...pref, [channel]: on }]);
  }

  if (settings.isPending) return <PageSpinner label={t('common.loading')} />;
  if (settings.error) return <ErrorNotice error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t('notify.settings.title')}</h1>
      </div>
      <section className="panel panel-pad">
        <p className="muted">{t('notify.settings.intro')}</p>
        <table className="notify-settings" data-testid="notify-settings">
          <thead>
            <tr>
              <th scope="col">{t('notify.settings.kind')}</th>
              <th scope="col">{t('notify.settings.inApp')}</th>
              <th scope="col">{t('notify.settings.email')}</th>
            </tr>
          </thead>
          <tbody>
            {settings.data.kinds.map((pref) => (
              <tr key={pref.kind} data-testid="notify-setting" data-kind={pref.kind}>
                <th scope="row">{t(KIND_LABEL[pref.kind])}</th>
                {(['inApp', 'email'] as const).map((channel) => (
                  <td key={channel}>
                    <input
                      type="checkbox"
                      name={channel}
                      aria-label={`${t(KIND_LABEL[pref.kind])}: ${t(channel === 'inApp' ? 'notify.settings.inApp' : 'notify.settings.email')}`}
                      checked={pref[channel]}
                      disabled={update.isPending}
                      onChange={(e) => handleToggle(pref, channel, e.target.checked)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">{t('notify.settings.emailLater')}</p>
        {update.error && <ErrorNotice error={update.error} />}
      </section>
    </div>
  );
}
