import type { NotificationDto } from '@concord/contracts';
import { formatDateTime } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n/i18n.tsx';
import { Avatar } from '../../../ui/avatar.tsx';

export interface InboxItemProps {
  item: NotificationDto;
  onOpen: (item: NotificationDto) => void;
}

/** One notification: who, what (in the UI language), the excerpt and when; unread ones are bold with a dot. */
export function InboxItem({ item, onOpen }: InboxItemProps) {
  const { t, locale } = useI18n();
  const unread = item.readAt === null;
  return (
    <li>
      <button
        type="button"
        className={`inbox-item${unread ? ' is-unread' : ''}`}
        data-testid="inbox-item"
        data-id={item.id}
        data-unread={unread}
        onClick={() => onOpen(item)}
      >
        <Avatar name={item.actor?.name ?? 'Concord'} size="sm" />
        <span className="inbox-item-main">
          <span className="inbox-item-title">{locale === 'zh-CN' ? item.title.zh : item.title.en}</span>
          {item.body && <span className="inbox-item-body">{item.body}</span>}
          <span className="inbox-item-time">{formatDateTime(item.createdAt, locale)}</span>
        </span>
        {unread && <span className="inbox-dot" role="img" aria-label={t('notify.unread')} />}
      </button>
    </li>
  );
}
