import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useUnreadCount } from '../api/get-unread-count.ts';
import { InboxPanel } from './inbox-panel.tsx';
import { InboxRealtimeEffect } from './inbox-realtime-effect.tsx';
import '../notify.css';

export interface InboxBellProps {
  userId: string;
}

/** The bell in the top bar: the unread count (live) and, on click, the inbox panel. */
export function InboxBell({ userId }: InboxBellProps) {
  const t = useT();
  const unread = useUnreadCount().data ?? 0;
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);

  // A click outside or Escape closes the panel.
  useEffect(() => {
    if (!open) return;
    const handlePointer = (e: PointerEvent) => ref.current && !ref.current.contains(e.target as Node) && close();
    const handleKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    document.addEventListener('pointerdown', handlePointer);
    document.addEventListener('keydown', handleKey);
    return () => {
      document.removeEventListener('pointerdown', handlePointer);
      document.removeEventListener('keydown', handleKey);
    };
  }, [open, close]);

  return (
    <div className="inbox" ref={ref}>
      <InboxRealtimeEffect userId={userId} />
      <button
        type="button"
        className="inbox-bell"
        data-testid="inbox-bell"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={unread > 0 ? t('notify.bellUnread', { n: unread }) : t('notify.bell')}
        onClick={() => setOpen(!open)}
      >
        <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
          <path
            d="M10 2.5a5 5 0 0 0-5 5v3.2L3.6 13.4a.7.7 0 0 0 .6 1.1h11.6a.7.7 0 0 0 .6-1.1L15 10.7V7.5a5 5 0 0 0-5-5ZM8 16.2a2 2 0 0 0 4 0"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinejoin="round"
          />
        </svg>
        {unread > 0 && (
          <span className="inbox-badge" data-testid="inbox-unread">
            {unread}
          </span>
        )}
      </button>
      {open && <InboxPanel unreadCount={unread} onClose={close} />}
    </div>
  );
}
