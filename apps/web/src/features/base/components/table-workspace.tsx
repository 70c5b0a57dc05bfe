import { useCallback, useEffect, useMemo, useState } from 'react';
import { Outlet, useNavigate } from 'react-router-dom';
import { MAX_RECORD_GROUPS, type BaseDto, type FieldDto, type RecordGroupDto, type TableDto, type ViewDto } from '@concord/contracts';
import { f } from '@concord/table-engine';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useRecordCache } from '../hooks/use-record-cache.ts';
import { useRecordWriter, type RecordWriter } from '../hooks/use-record-writer.ts';
import { useTableRealtime } from '../hooks/use-table-realtime.ts';
import { useGroupRefresh } from '../hooks/use-group-refresh.ts';
import { useRecordGroups } from '../api/query-record-groups.ts';
import { GroupSpanSource } from '../utils/group-spans.ts';
import { useViewDraft } from '../hooks/use-view-draft.ts';
import { defaultCondition, effectiveFilter, rootGroup } from '../utils/filter-tree.ts';
import { orderedFields } from '../utils/grid-layout.ts';
import type { RecordPageCache } from '../utils/record-page-cache.ts';
import { FieldFormModal } from './field-form/field-form-modal.tsx';
import { FieldMenu } from './field-menu.tsx';
import { Grid } from './grid/grid.tsx';
import { reorder } from './grid/use-column-drag.ts';
import type { PopoverAnchor } from './popover.tsx';
import { useToast } from './toast.tsx';
import { Toolbar, type ToolbarPanel } from './toolbar/toolbar.tsx';
import { TableDataActions } from '../duplicates/table-data-actions.tsx';
import { useGridDuplicateWatch } from '../duplicates/use-grid-duplicate-watch.tsx';
import { AutomationsButton } from '../automations/automations-button.tsx';

/** What the expanded-record route (rendered in the workspace's outlet) reads. */
export interface WorkspaceOutlet {
  table: TableDto;
  fields: readonly FieldDto[];
  cache: RecordPageCache;
  writer: RecordWriter;
  canEdit: boolean;
  tablePath: string;
}

export interface TableWorkspaceProps {
  base: BaseDto;
  table: TableDto;
  view: ViewDto;
  tablePath: string;
}

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform);

/** The group counts page requests may send along: null for none, undefined while the current ones load. */
function spanGroups(grouped: boolean, groups: ReturnType<typeof useRecordGroups>): readonly RecordGroupDto[] | null | undefined {
  if (!grouped || groups.isError) return null;
  // Only counts fetched for this reset: not a placeholder, nor a cached answer being refetched.
  if (!groups.isSuccess || groups.isPlaceholderData || groups.isFetching) return undefined;
  return groups.data.truncated ? null : groups.data.groups;
}

/** One view of a table: toolbar, grid, field menus and dialogs, live updates, and the expanded record beside it. */
export function TableWorkspace({ base, table, view, tablePath }: TableWorkspaceProps) {
  const t = useT();
  const toast = useToast();
  const navigate = useNavigate();
  const canEdit = base.role === 'owner' || base.role === 'editor';
  const draft = useViewDraft(table.id, view, canEdit);
  const { config } = draft;
  const filter = useMemo(() => effectiveFilter(config.filter), [config.filter]);
  const onLoadError = useCallback(
    (err: unknown) => toast(t('base.grid.loadFailed', { message: err instanceof Error ? err.message : String(err) }), 'error'),
    [toast, t],
  );
  // A grouping field may be hidden from me or deleted since the view was saved: group by the others.
  const groupBy = useMemo(() => config.groupBy.filter((g) => table.fields.some((x) => x.id === g.fieldId)), [config.groupBy, table.fields]);
  const [groupSpans] = useState(() => new GroupSpanSource());
  const cache = useRecordCache({ tableId: table.id, viewId: view.id, filter, sort: config.sort, groupBy }, onLoadError, groupSpans);
  const writer = useGroupRefresh(useRecordWriter(table.id, cache), cache, groupBy);
  const groups = useRecordGroups({ tableId: table.id, viewId: view.id, filter, groupBy }, cache.resets);
  const groupRows = groupBy.length > 0 && groups.data && !groups.data.truncated ? groups.data.groups : null;
  const currentGroups = spanGroups(groupBy.length > 0, groups);
  useEffect(() => groupSpans.set(cache, cache.resets, currentGroups), [groupSpans, cache, cache.resets, currentGroups]);
  const duplicates = useGridDuplicateWatch(table, writer);
  const rowsCanMove = filter !== null || config.sort.length > 0 || groupBy.length > 0;
  useTableRealtime(base.id, table.id, cache, writer, rowsCanMove);
  const [panel, setPanel] = useState<ToolbarPanel | null>(null);
  const [fieldMenu, setFieldMenu] = useState<{ field: FieldDto; anchor: PopoverAnchor } | null>(null);
  const [fieldForm, setFieldForm] = useState<{ field?: FieldDto } | null>(null);
  const fields = useMemo(() => orderedFields(table.fields, config.fieldOrder), [table.fields, config.fieldOrder]);

  // Ctrl/Cmd+Z anywhere on the page except inside a text box undoes my last change in this table.
  useEffect(() => {
    const handleKey = (e: KeyboardEvent) => {
      const mod = isMac() ? e.metaKey : e.ctrlKey;
      if (!mod || e.shiftKey || e.key.toLowerCase() !== 'z' || e.defaultPrevented || !canEdit) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable=true]')) return;
      e.preventDefault();
      void writer.undo();
    };
    document.addEventListener('keydown', handleKey);
    return () => document.removeEventListener('keydown', handleKey);
  }, [writer, canEdit]);

  const rect = (r: DOMRect): PopoverAnchor => ({ left: r.left, top: r.top, bottom: r.bottom });
  const outlet: WorkspaceOutlet = { table, fields, cache, writer, canEdit, tablePath };

  return (
    <div className="table-workspace">
      <Toolbar
        table={table}
        config={config}
        draft={draft}
        canEdit={canEdit}
        total={cache.total}
        panel={panel}
        onPanel={setPanel}
        onUndo={() => void writer.undo()}
        extra={
          <>
            <TableDataActions table={table} viewId={view.id} canEdit={canEdit} tablePath={tablePath} onChanged={() => cache.refresh('all')} />
            {canEdit && <AutomationsButton table={table} />}
          </>
        }
      />
      {groupBy.length > 0 && groups.data?.truncated && (
        <div className="grid-group-notice" data-testid="group-too-many">
          {t('base.group.tooMany', { n: MAX_RECORD_GROUPS.toLocaleString() })}
        </div>
      )}
      <div className="table-main">
        <Grid
          table={table}
          config={config}
          cache={cache}
          writer={duplicates.writer}
          canEdit={canEdit}
          rowsCanMove={rowsCanMove}
          groups={groupRows}
          onOpenRecord={(id) => navigate({ pathname: `${tablePath}/${id}`, search: window.location.search })}
          onResizeColumn={(fieldId, width) => draft.saveLayout({ columnWidths: { ...config.columnWidths, [fieldId]: width } })}
          onMoveColumn={(fieldId, before) =>
            draft.saveLayout({
              fieldOrder: reorder(
                fields.map((x) => x.id),
                fieldId,
                before,
              ),
            })
          }
          onFieldMenu={(field, anchor) => setFieldMenu({ field, anchor: rect(anchor) })}
          onAddField={() => setFieldForm({})}
        />
        <Outlet context={outlet} />
        {duplicates.notice}
      </div>
      {fieldMenu && (
        <FieldMenu
          field={fieldMenu.field}
          anchor={fieldMenu.anchor}
          canEdit={canEdit}
          onClose={() => setFieldMenu(null)}
          onEdit={() => setFieldForm({ field: fieldMenu.field })}
          onHide={() => draft.change({ hiddenFieldIds: [...config.hiddenFieldIds, fieldMenu.field.id] })}
          onSort={(desc) => draft.change({ sort: [{ fieldId: fieldMenu.field.id, desc }] })}
          onFilter={() => {
            const root = rootGroup(config.filter);
            draft.change({ filter: f.and(...root.children, defaultCondition(fieldMenu.field)) });
            setPanel('filter');
          }}
        />
      )}
      {fieldForm && <FieldFormModal table={table} baseId={base.id} field={fieldForm.field} onClose={() => setFieldForm(null)} />}
    </div>
  );
}
