import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { RecordDto } from '@concord/contracts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { patchRecords } from '../../api/update-records.ts';
import { useToast } from '../../components/toast.tsx';
import { prependRecord, removeRecord, replaceRecord } from '../api/record-pages.ts';
import { isConflict } from '../api/is-conflict.ts';
import { viewKeys } from '../api/view-keys.ts';
import type { RecordPages } from '../api/view-records.ts';

export interface KanbanMove {
  record: RecordDto;
  /** Column option names; null is the column of records with no value. */
  from: string | null;
  to: string | null;
}

/**
 * Moves a card to another column by setting the grouping field, at once on screen. The save sends the card's
 * version: when someone else changed the record first (409), the card goes back and a toast says why.
 */
export function useKanbanMove(tableId: string, groupFieldId: string, columnKey: (option: string | null) => QueryKey) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const t = useT();
  return useMutation({
    mutationKey: viewKeys.writes(tableId),
    mutationFn: async ({ record, to }: KanbanMove) => {
      const [saved] = await patchRecords(tableId, [{ id: record.id, fields: { [groupFieldId]: to }, version: record.version }]);
      return saved;
    },
    onMutate: async ({ record, from, to }) => {
      const fromKey = columnKey(from);
      const toKey = columnKey(to);
      await Promise.all([queryClient.cancelQueries({ queryKey: fromKey }), queryClient.cancelQueries({ queryKey: toKey })]);
      const before = { from: queryClient.getQueryData<RecordPages>(fromKey), to: queryClient.getQueryData<RecordPages>(toKey) };
      const moved: RecordDto = { ...record, fields: { ...record.fields, [groupFieldId]: to } };
      queryClient.setQueryData<RecordPages>(fromKey, (d) => removeRecord(d, record.id));
      queryClient.setQueryData<RecordPages>(toKey, (d) => prependRecord(d, moved));
      return { before, fromKey, toKey };
    },
    onSuccess: (saved, _vars, ctx) => {
      if (saved) queryClient.setQueryData<RecordPages>(ctx.toKey, (d) => replaceRecord(d, saved));
    },
    onError: (err, _vars, ctx) => {
      if (ctx) {
        queryClient.setQueryData(ctx.fromKey, ctx.before.from);
        queryClient.setQueryData(ctx.toKey, ctx.before.to);
      }
      toast(isConflict(err) ? t('base.views.kanban.conflict') : err.message, 'error');
    },
    onSettled: (_data, _err, _vars, ctx) => {
      if (!ctx) return;
      void queryClient.invalidateQueries({ queryKey: ctx.fromKey });
      void queryClient.invalidateQueries({ queryKey: ctx.toKey });
    },
  });
}
