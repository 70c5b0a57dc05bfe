import { useQueryClient } from '@tanstack/react-query';
import type { DomainEvent } from '@concord/contracts';
import { useRealtimeEvents } from '../../../lib/realtime.tsx';
import { useMe } from '../api/get-me.ts';
import { orgKeys } from '../api/query-keys.ts';

const ROOMS = ['org'] as const;

/** Keeps the directory live: any org change (from this tab, another browser or an import) refreshes the tree and people. */
export function OrgRealtimeEffect() {
  const queryClient = useQueryClient();
  const myId = useMe().data?.user?.id;

  useRealtimeEvents(
    ROOMS,
    (event: DomainEvent) => {
      if (!event.type.startsWith('org.')) return;
      void queryClient.invalidateQueries({ queryKey: orgKeys.all });
      // My own record changed (role, name, deactivated): the session reflects it.
      if (event.type === 'org.person.changed' && event.personId === myId) void queryClient.invalidateQueries({ queryKey: orgKeys.session });
    },
    () => void queryClient.invalidateQueries({ queryKey: orgKeys.all }),
  );
  return null;
}
