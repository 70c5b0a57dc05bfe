import { useQueryClient } from '@tanstack/react-query';
import type { DomainEvent, Room } from '@concord/contracts';
import { useMe } from '../../org/index.ts';
import { useRealtimeEvents } from '../../../lib/realtime.tsx';
import { baseKeys } from '../api/query-keys.ts';
import type { RecordPageCache } from '../utils/record-page-cache.ts';
import type { RecordWriter } from './use-record-writer.ts';

/** The server caps an event's id list; a full list may stand for more. */
const IDS_CAP = 1000;

/**
 * Keeps an open table live: record changes from other tabs and people refetch only the cached pages that hold them
 * (every nearby page when rows can move: creates, deletes, or a sorted/filtered view); structure changes reload the
 * table's fields and views. This tab's own echoes are skipped.
 */
export function useTableRealtime(baseId: string, tableId: string, cache: RecordPageCache, writer: RecordWriter, rowsCanMove: boolean): void {
  const queryClient = useQueryClient();
  const myId = useMe().data?.user?.id ?? null;
  const rooms: Room[] = [`table:${tableId}`, `base:${baseId}`];

  useRealtimeEvents(
    rooms,
    (event: DomainEvent) => {
      switch (event.type) {
        case 'base.records.changed': {
          if (event.tableId !== tableId) return;
          if (event.actorId === myId && writer.isOwnEcho(event.recordIds)) return;
          if (event.change === 'updated' && !rowsCanMove && event.recordIds.length < IDS_CAP) cache.refresh(cache.pagesHolding(event.recordIds));
          else cache.refresh('all');
          for (const id of event.recordIds.slice(0, 50)) {
            void queryClient.invalidateQueries({ queryKey: baseKeys.record(tableId, id) });
            void queryClient.invalidateQueries({ queryKey: baseKeys.history(tableId, id) });
          }
          return;
        }
        case 'base.table.changed':
          if (event.baseId !== baseId) return;
          void queryClient.invalidateQueries({ queryKey: baseKeys.base(baseId) });
          void queryClient.invalidateQueries({ queryKey: baseKeys.table(event.tableId) });
          if (event.tableId === tableId && event.change === 'updated') cache.refresh('all');
          return;
        default:
          return;
      }
    },
    () => cache.refresh('all'),
  );
}
