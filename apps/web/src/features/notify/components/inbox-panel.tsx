import { Link, useNavigate } from 'react-router-dom';
import type { NotificationDto } from '@concord/contracts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { Spinner } from '../../../ui/spinner.tsx';
import { useInbox } from '../api/get-inbox.ts';
import { useMarkRead } from '../api/mark-read.ts';
import { InboxItem } from './inbox-item.tsx';

export interface InboxPanelProps {
  unreadCount: number;
  onClose: () => void;
}

/** The dropdown under the bell: newest notifications first, "mark all read", and a way to the settings. */
export function InboxPanel({ unreadCount, onClose }: InboxPanelProps) {
  const t = useT();
  const navigate = useNavigate();
  const inbox = useInbox({ enabled: true });
  const markRead = useMarkRead();

  function handleOpen(item: NotificationDto) {
    if (item.readAt === null) markRead.mutate({ ids: [item.id] });
    onClose();
    if (item.link) navigate(item.link);
  }

  return (
    <div className="inbox-panel" role="dialog" aria-label={t('notify.title')} data-testid="inbox-panel">
      <div className="inbox-head">
        <span className="inbox-head-title">{t('notify.title')}</span>
        <button
          type="button"
          className="btn btn-ghost btn-sm"
          data-testid="inbox-mark-all"
          disabled={unreadCount === 0 || markRead.isPending}
          onClick={() => markRead.mutate({ all: true })}
        >
          {t('notify.markAllRead')}
        </button>
      </div>
      <div className="inbox-body">
        {inbox.isPending && (
          <div className="inbox-status">
            <Spinner label={t('common.loading')} />
          </div>
        )}
        {inbox.error && <ErrorNotice error={inbox.error} onRetry={() => void inbox.refetch()} />}
        {inbox.data && inbox.data.items.length === 0 && <EmptyState title={t('notify.empty')} description={t('notify.emptyHint')} />}
        {inbox.data && inbox.data.items.length > 0 && (
          <ul className="inbox-list">
            {inbox.data.items.map((item) => (
              <InboxItem key={item.id} item={item} onOpen={handleOpen} />
            ))}
          </ul>
        )}
      </div>
      <Link to="/settings/notifications" className="inbox-foot" data-testid="inbox-settings" onClick={onClose}>
        {t('notify.settings')}
      </Link>
    </div>
  );
}
