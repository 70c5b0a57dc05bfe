import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FieldDto, RecordDto, TableDto, ViewDto } from '@concord/contracts';
import { f } from '@concord/table-engine';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { patchRecords } from '../../api/update-records.ts';
import { useToast } from '../../components/toast.tsx';
import { isConflict } from '../api/is-conflict.ts';
import { viewKeys } from '../api/view-keys.ts';
import { fetchViewRecords, type RecordPage } from '../api/view-records.ts';
import { queryShape, withViewFilter } from '../shared/view-fields.ts';

/** A month grid shows at most this many records; more are counted but not drawn. */
export const CALENDAR_LIMIT = 1000;

/** The records dated within [from, to) (whole days in the field's time zone), in date order. */
export function useCalendarRecords(table: TableDto, view: ViewDto, dateField: FieldDto | undefined, from: number, to: number) {
  const fieldId = dateField?.id ?? '';
  const filter = withViewFilter(
    view,
    f.and(f.cond(fieldId, 'isGreaterEqual', [], { kind: 'exact', at: from }), f.cond(fieldId, 'isLess', [], { kind: 'exact', at: to })),
  );
  const queryKey = viewKeys.calendar(table.id, view.id, queryShape(filter, view), from, to);
  const query = useQuery({
    queryKey,
    queryFn: () => fetchViewRecords({ tableId: table.id, viewId: view.id, filter, sort: [{ fieldId, desc: false }] }, 0, CALENDAR_LIMIT),
    enabled: !!dateField,
    placeholderData: (prev) => prev,
  });
  return { query, queryKey };
}

/** Moves a record to another day (optimistically, with its version; a conflict puts it back and says why). */
export function useCalendarMove(tableId: string, dateFieldId: string, queryKey: readonly unknown[]) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const t = useT();
  const patch = (page: RecordPage | undefined, id: string, change: (r: RecordDto) => RecordDto) =>
    page ? { ...page, items: page.items.map((r) => (r.id === id ? change(r) : r)) } : page;
  return useMutation({
    mutationKey: viewKeys.writes(tableId),
    mutationFn: async ({ record, at }: { record: RecordDto; at: number }) =>
      (await patchRecords(tableId, [{ id: record.id, fields: { [dateFieldId]: at }, version: record.version }]))[0],
    onMutate: async ({ record, at }) => {
      await queryClient.cancelQueries({ queryKey });
      const before = queryClient.getQueryData<RecordPage>(queryKey);
      queryClient.setQueryData<RecordPage>(queryKey, (p) => patch(p, record.id, (r) => ({ ...r, fields: { ...r.fields, [dateFieldId]: at } })));
      return { before };
    },
    onSuccess: (saved) => {
      if (saved) queryClient.setQueryData<RecordPage>(queryKey, (p) => patch(p, saved.id, () => saved));
    },
    onError: (err, _vars, ctx) => {
      if (ctx?.before) queryClient.setQueryData(queryKey, ctx.before);
      toast(isConflict(err) ? t('base.views.kanban.conflict') : err.message, 'error');
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: viewKeys.table(tableId) }),
  });
}
