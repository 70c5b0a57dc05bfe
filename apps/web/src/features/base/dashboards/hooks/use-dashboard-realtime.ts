import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { DomainEvent, Room } from '@concord/contracts';
import { useRealtimeEvents } from '../../../../lib/realtime.tsx';
import { dashboardKeys } from '../api/dashboard-keys.ts';

/** Changes arriving within this window after a refetch are coalesced into one more (a batch import sends many events). */
const DEBOUNCE_MS = 150;

/**
 * Keeps a dashboard live: joins the room of every table its widgets read and refetches the computed data when their
 * records change (throttled to one refetch per window), and the settings when a table's structure changes. No polling.
 * A page in a background tab only remembers that it is stale and refetches once when shown again, so a hundred forgotten
 * tabs do not recompute on every change.
 */
export function useDashboardRealtime(baseId: string, dashboardId: string, tableIds: readonly string[]): void {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef(false);
  const staleWhileHidden = useRef(false);
  const tables = new Set(tableIds);
  const rooms: Room[] = [`base:${baseId}`, ...[...tables].sort().map((id) => `table:${id}` as Room)];

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  // The first change refetches at once; more changes within the window wait for its end and share one refetch.
  // A hidden tab only notes that it is stale, also when the window's trailing refetch falls after the tab was hidden.
  const invalidate = () => {
    if (document.visibilityState === 'hidden') staleWhileHidden.current = true;
    else void queryClient.invalidateQueries({ queryKey: dashboardKeys.dataAll(dashboardId) });
  };
  const refetch = () => {
    if (document.visibilityState === 'hidden') {
      staleWhileHidden.current = true;
      return;
    }
    if (timer.current) {
      pending.current = true;
      return;
    }
    invalidate();
    const close = () => {
      timer.current = null;
      if (!pending.current) return;
      pending.current = false;
      invalidate();
      timer.current = setTimeout(close, DEBOUNCE_MS);
    };
    timer.current = setTimeout(close, DEBOUNCE_MS);
  };

  useEffect(() => {
    const shown = () => {
      if (document.visibilityState !== 'visible' || !staleWhileHidden.current) return;
      staleWhileHidden.current = false;
      void queryClient.invalidateQueries({ queryKey: dashboardKeys.dataAll(dashboardId) });
    };
    document.addEventListener('visibilitychange', shown);
    return () => document.removeEventListener('visibilitychange', shown);
  }, [queryClient, dashboardId]);

  useRealtimeEvents(
    rooms,
    (event: DomainEvent) => {
      if (event.type === 'base.records.changed' && tables.has(event.tableId)) refetch();
      else if (event.type === 'base.table.changed' && tables.has(event.tableId)) {
        void queryClient.invalidateQueries({ queryKey: dashboardKeys.one(dashboardId) });
        refetch();
      }
    },
    refetch,
  );
}
