import { useMemo, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { FieldDto, RecordAnchor, RecordDto } from '@concord/contracts';
import { isApiError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { postRecords } from '../api/create-records.ts';
import { removeRecords } from '../api/delete-records.ts';
import { postMoveRecords } from '../api/move-records.ts';
import { baseKeys } from '../api/query-keys.ts';
import { postUndo } from '../api/undo-last-change.ts';
import { conflictWinner, patchRecords, type RecordPatch } from '../api/update-records.ts';
import { useToast } from '../components/toast.tsx';
import type { RecordPageCache } from '../utils/record-page-cache.ts';

const BATCH = 1000;
/** How long an event about records this tab just wrote counts as our own echo. */
const ECHO_MS = 5000;

export interface RecordWriter {
  /** One cell; `baseVersion` is the record's version when editing started (a newer one from someone else is a conflict). */
  writeCell(record: RecordDto, field: FieldDto, value: unknown, baseVersion?: number): Promise<void>;
  /** Many records at once: updates in one call (per 1,000), new rows in one create call. */
  writeMany(updates: RecordPatch[], creates: Record<string, unknown>[]): Promise<boolean>;
  /** At the end, or next to `anchor` (Insert above/below). */
  addRecord(fields?: Record<string, unknown>, anchor?: RecordAnchor): Promise<RecordDto | null>;
  deleteRecords(ids: string[]): Promise<void>;
  /** Drag to reorder: the records, in this order, next to `anchor`; the grid reloads around them. */
  moveRecords(ids: string[], anchor: RecordAnchor): Promise<boolean>;
  undo(): Promise<void>;
  /** Whether a realtime event only repeats what this tab already shows. */
  isOwnEcho(ids: readonly string[]): boolean;
}

/** Writes records from the grid and the record panel: optimistic cells, per-record ordering, conflicts, undo. */
export function useRecordWriter(tableId: string, cache: RecordPageCache): RecordWriter {
  const t = useT();
  const toast = useToast();
  const queryClient = useQueryClient();
  const queues = useRef(new Map<string, Promise<void>>());
  const ownVersion = useRef(new Map<string, number>());
  const recent = useRef(new Map<string, number>());
  const overrideSeq = useRef(0);
  const overrideOwner = useRef(new Map<string, number>());

  return useMemo<RecordWriter>(() => {
    const remember = (records: readonly RecordDto[]) => {
      const now = Date.now();
      for (const r of records) {
        recent.current.set(r.id, now);
        ownVersion.current.set(r.id, Math.max(ownVersion.current.get(r.id) ?? 0, r.version));
        queryClient.setQueryData(baseKeys.record(tableId, r.id), r);
      }
      if (recent.current.size > 5000) for (const [id, at] of recent.current) if (now - at > ECHO_MS) recent.current.delete(id);
    };
    const fail = (err: unknown) => toast(isApiError(err) || err instanceof Error ? err.message : String(err), 'error');
    const refreshRecordQueries = () => queryClient.invalidateQueries({ queryKey: ['base', 'record', tableId] });

    return {
      writeCell(record, field, value, baseVersion) {
        const key = `${record.id}:${field.id}`;
        const seq = ++overrideSeq.current;
        overrideOwner.current.set(key, seq);
        cache.setOverride(record.id, { [field.id]: value });
        recent.current.set(record.id, Date.now());
        const run = async () => {
          const version = Math.max(baseVersion ?? record.version, ownVersion.current.get(record.id) ?? 0);
          try {
            const saved = await patchRecords(tableId, [{ id: record.id, fields: { [field.id]: value }, version }]);
            remember(saved);
            cache.patch(saved);
          } catch (err) {
            const winner = conflictWinner(err);
            if (winner) {
              cache.patch([winner]);
              queryClient.setQueryData(baseKeys.record(tableId, winner.id), winner);
              toast(t('base.conflict'), 'error');
            } else fail(err);
          } finally {
            if (overrideOwner.current.get(key) === seq) {
              overrideOwner.current.delete(key);
              cache.clearOverride(record.id, [field.id]);
            }
          }
        };
        const next = (queues.current.get(record.id) ?? Promise.resolve()).then(run);
        queues.current.set(record.id, next);
        return next;
      },

      async writeMany(updates, creates) {
        try {
          for (let i = 0; i < updates.length; i += BATCH) {
            const saved = await patchRecords(tableId, updates.slice(i, i + BATCH));
            remember(saved);
            cache.patch(saved);
          }
          for (let i = 0; i < creates.length; i += BATCH) remember(await postRecords(tableId, creates.slice(i, i + BATCH)));
          if (creates.length) cache.refresh('all');
          return true;
        } catch (err) {
          fail(err);
          return false;
        }
      },

      async addRecord(fields = {}, anchor) {
        try {
          const [rec] = await postRecords(tableId, [fields], anchor);
          if (rec) remember([rec]);
          return rec ?? null;
        } catch (err) {
          fail(err);
          return null;
        }
      },

      async deleteRecords(ids) {
        try {
          const now = Date.now();
          for (const id of ids) recent.current.set(id, now);
          await removeRecords(tableId, ids);
          cache.refresh('all');
          toast(t('base.deleted', { n: ids.length }), 'success');
        } catch (err) {
          fail(err);
        }
      },

      async moveRecords(ids, anchor) {
        try {
          const now = Date.now();
          for (const id of ids) recent.current.set(id, now);
          await postMoveRecords(tableId, ids, anchor);
          cache.refresh('all');
          return true;
        } catch (err) {
          fail(err);
          cache.refresh('all');
          return false;
        }
      },

      async undo() {
        try {
          const res = await postUndo(tableId);
          if (res.undone === 0) toast(t('base.undo.nothing'));
          else {
            cache.refresh('all');
            void refreshRecordQueries();
            toast(t('base.undo.done', { n: res.undone }), 'success');
          }
        } catch (err) {
          fail(err);
        }
      },

      isOwnEcho(ids) {
        const now = Date.now();
        return ids.length > 0 && ids.every((id) => now - (recent.current.get(id) ?? 0) < ECHO_MS);
      },
    };
  }, [tableId, cache, queryClient, toast, t]);
}
