import { useQueryClient } from '@tanstack/react-query';
import type { DomainEvent } from '@concord/contracts';
import { useRealtimeEvents } from '../../../lib/realtime.tsx';
import { notifyKeys } from '../api/query-keys.ts';

export interface InboxRealtimeEffectProps {
  userId: string;
}

/** Keeps the badge and the list live: a notification arriving or read in another tab updates them without polling. */
export function InboxRealtimeEffect({ userId }: InboxRealtimeEffectProps) {
  const queryClient = useQueryClient();

  useRealtimeEvents(
    [`user:${userId}`],
    (event: DomainEvent) => {
      if ((event.type !== 'notify.created' && event.type !== 'notify.read') || event.userId !== userId) return;
      queryClient.setQueryData(notifyKeys.unread, event.unread);
      void queryClient.invalidateQueries({ queryKey: notifyKeys.inbox });
      // The count in the event may be overtaken by a later change; the server's answer settles it.
      void queryClient.invalidateQueries({ queryKey: notifyKeys.unread });
    },
    () => void queryClient.invalidateQueries({ queryKey: notifyKeys.all }),
  );
  return null;
}
