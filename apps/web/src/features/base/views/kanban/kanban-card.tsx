import type { DragEvent, KeyboardEvent } from 'react';
import type { RecordDto } from '@concord/contracts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { RecordCardBody } from '../shared/record-card-body.tsx';
import type { CardFields } from '../shared/view-fields.ts';
import { EMPTY_COLUMN, type KanbanColumnDef } from './kanban-columns.ts';

export interface KanbanCardProps {
  record: RecordDto;
  fields: CardFields;
  column: KanbanColumnDef;
  columns: readonly KanbanColumnDef[];
  canEdit: boolean;
  onDragStart: (record: RecordDto) => void;
  onDragEnd: () => void;
  onMove: (record: RecordDto, to: string | null) => void;
  onOpen: (record: RecordDto) => void;
}

/** A card on the board: drag it to another column, or (on a phone, by keyboard) pick the column from its menu. */
export function KanbanCard({ record, fields, column, columns, canEdit, onDragStart, onDragEnd, onMove, onOpen }: KanbanCardProps) {
  const t = useT();

  function handleDragStart(e: DragEvent) {
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', record.id);
    onDragStart(record);
  }

  function handleKey(e: KeyboardEvent) {
    if (e.target === e.currentTarget && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      onOpen(record);
    }
  }

  return (
    <article
      className="bv-card bv-kanban-card"
      data-testid="kanban-card"
      data-record-id={record.id}
      draggable={canEdit}
      tabIndex={0}
      onDragStart={handleDragStart}
      onDragEnd={onDragEnd}
      onClick={() => onOpen(record)}
      onKeyDown={handleKey}
    >
      <RecordCardBody record={record} fields={fields} labels={false} />
      {canEdit && (
        <select
          className="bv-move"
          aria-label={t('base.views.kanban.moveTo')}
          title={t('base.views.kanban.moveTo')}
          data-testid="kanban-move"
          value=""
          onClick={(e) => e.stopPropagation()}
          onKeyDown={(e) => e.stopPropagation()}
          onChange={(e) => {
            const to = e.target.value;
            if (to) onMove(record, to === EMPTY_COLUMN ? null : to);
          }}
        >
          <option value="">⇄</option>
          {columns
            .filter((c) => c.key !== column.key)
            .map((c) => (
              <option key={c.key} value={c.option ?? EMPTY_COLUMN}>
                {c.option ?? t('base.views.kanban.empty')}
              </option>
            ))}
        </select>
      )}
    </article>
  );
}
