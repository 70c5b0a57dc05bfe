import { useCallback, useMemo, useState } from 'react';
import type { RecordDto, TableDto, ViewDto } from '@concord/contracts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { viewKeys } from '../api/view-keys.ts';
import { RecordModal } from '../shared/record-modal.tsx';
import { useCanEdit } from '../shared/use-can-edit.ts';
import { useViewRealtime } from '../shared/use-view-realtime.ts';
import { ViewFieldSetup } from '../shared/view-field-setup.tsx';
import { cardFields, queryShape, withViewFilter } from '../shared/view-fields.ts';
import { KanbanColumn } from './kanban-column.tsx';
import { kanbanColumns, type KanbanColumnDef } from './kanban-columns.ts';
import { useKanbanMove } from './use-kanban-move.ts';
import '../views.css';
import './kanban.css';

export interface KanbanViewProps {
  table: TableDto;
  view: ViewDto;
}

/** A board with one column per option of the view's single-select field; cards move between columns by drag or menu. */
export function KanbanView({ table, view }: KanbanViewProps) {
  const t = useT();
  const canEdit = useCanEdit(table);
  useViewRealtime(table.id);
  const groupField = table.fields.find((x) => x.id === view.config.groupFieldId && x.type === 'singleSelect');
  const shape = queryShape(withViewFilter(view, null), view);
  const columnKey = useCallback((option: string | null) => viewKeys.kanbanColumn(table.id, view.id, shape, option), [table.id, view.id, shape]);
  const move = useKanbanMove(table.id, groupField?.id ?? '', columnKey);
  const [drag, setDrag] = useState<{ record: RecordDto; from: KanbanColumnDef } | null>(null);
  const [open, setOpen] = useState<RecordDto | null>(null);
  const fields = useMemo(() => cardFields(table, view, 3, [groupField?.id ?? null]), [table, view, groupField?.id]);

  if (!groupField) {
    return (
      <ViewFieldSetup
        table={table}
        view={view}
        setting="groupFieldId"
        candidates={table.fields.filter((x) => x.type === 'singleSelect')}
        title={t('base.views.kanban.setup')}
        noneHint={t('base.views.kanban.noSelect')}
        canEdit={canEdit}
      />
    );
  }
  const columns = kanbanColumns(groupField);

  return (
    <div className="bv-kanban" data-testid="kanban-view" data-view-id={view.id}>
      {columns.map((column) => (
        <KanbanColumn
          key={column.key}
          table={table}
          view={view}
          groupField={groupField}
          column={column}
          columns={columns}
          queryKey={columnKey(column.option)}
          fields={fields}
          canEdit={canEdit}
          dragFrom={drag?.from.key ?? null}
          onDragStart={(record, from) => setDrag({ record, from })}
          onDragEnd={() => setDrag(null)}
          onDrop={(to) => {
            if (drag) move.mutate({ record: drag.record, from: drag.from.option, to: to.option });
            setDrag(null);
          }}
          onMove={(record, from, to) => move.mutate({ record, from, to })}
          onOpen={setOpen}
        />
      ))}
      {open && <RecordModal table={table} view={view} record={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
