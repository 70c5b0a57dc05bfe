import { useState, type DragEvent, type FormEvent } from 'react';
import type { QueryKey } from '@tanstack/react-query';
import type { FieldDto, RecordDto, TableDto, ViewDto } from '@concord/contracts';
import { f } from '@concord/table-engine';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { Button } from '../../../../ui/button.tsx';
import { ErrorNotice } from '../../../../ui/error-notice.tsx';
import { Spinner } from '../../../../ui/spinner.tsx';
import { DuplicateWarning } from '../../duplicates/duplicate-warning.tsx';
import { CHOICE_COLORS } from '../../fields/field-options.ts';
import { pageItems, pagesTotal, useRecordPages } from '../api/view-records.ts';
import { titleWritable, useCreateViewRecord } from '../shared/use-create-record.ts';
import { withViewFilter, type CardFields } from '../shared/view-fields.ts';
import { KanbanCard } from './kanban-card.tsx';
import type { KanbanColumnDef } from './kanban-columns.ts';

export interface KanbanColumnProps {
  table: TableDto;
  view: ViewDto;
  groupField: FieldDto;
  column: KanbanColumnDef;
  columns: readonly KanbanColumnDef[];
  queryKey: QueryKey;
  fields: CardFields;
  canEdit: boolean;
  /** The column a card is being dragged from, while a drag is on. */
  dragFrom: string | null;
  onDragStart: (record: RecordDto, column: KanbanColumnDef) => void;
  onDragEnd: () => void;
  onDrop: (to: KanbanColumnDef) => void;
  onMove: (record: RecordDto, from: string | null, to: string | null) => void;
  onOpen: (record: RecordDto) => void;
}

/** One option's column: its cards in pages of 50, a drop target while dragging, and a box to add a card. */
export function KanbanColumn(props: KanbanColumnProps) {
  const { table, view, groupField, column, columns, queryKey, fields, canEdit, dragFrom, onDragStart, onDragEnd, onDrop, onMove, onOpen } = props;
  const t = useT();
  const cond = column.option === null ? f.cond(groupField.id, 'isEmpty') : f.cond(groupField.id, 'is', [column.option]);
  const pages = useRecordPages(queryKey, { tableId: table.id, viewId: view.id, filter: withViewFilter(view, cond), sort: view.config.sort });
  const create = useCreateViewRecord(table.id, fields.primary);
  const [over, setOver] = useState(false);
  const [adding, setAdding] = useState(false);
  const [title, setTitle] = useState('');
  const records = pageItems(pages.data);
  const total = pagesTotal(pages.data);
  const droppable = dragFrom !== null && dragFrom !== column.key;
  const [bg, fg] = column.color ? CHOICE_COLORS[column.color] : ['var(--line-soft)', 'var(--text-2)'];

  function handleDragOver(e: DragEvent) {
    if (!droppable) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    setOver(true);
  }

  function handleDragLeave(e: DragEvent) {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
  }

  function handleDrop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    if (droppable) onDrop(column);
  }

  function handleAdd(e: FormEvent) {
    e.preventDefault();
    create.mutate(
      { title, fields: { [groupField.id]: column.option } },
      {
        onSuccess: () => {
          setTitle('');
          setAdding(false);
        },
      },
    );
  }

  return (
    <section
      className={`bv-kanban-column${over ? ' is-over' : ''}`}
      data-testid="kanban-column"
      data-option={column.option ?? ''}
      data-empty={column.option === null || undefined}
      aria-label={column.option ?? t('base.views.kanban.empty')}
      onDragOver={handleDragOver}
      onDragLeave={handleDragLeave}
      onDrop={handleDrop}
    >
      <header className="bv-kanban-head">
        <span className="bv-kanban-chip" style={{ background: bg, color: fg }}>
          {column.option ?? t('base.views.kanban.empty')}
        </span>
        <span className="bv-count" data-testid="kanban-count">
          {pages.data ? total : ''}
        </span>
      </header>
      <div className="bv-kanban-cards">
        {pages.isPending && <Spinner size="sm" label={t('common.loading')} />}
        {pages.error && <ErrorNotice error={pages.error} onRetry={() => void pages.refetch()} />}
        {records.map((r) => (
          <KanbanCard
            key={r.id}
            record={r}
            fields={fields}
            column={column}
            columns={columns}
            canEdit={canEdit}
            onDragStart={(rec) => onDragStart(rec, column)}
            onDragEnd={onDragEnd}
            onMove={(rec, to) => onMove(rec, column.option, to)}
            onOpen={onOpen}
          />
        ))}
        {pages.hasNextPage && (
          <Button size="sm" variant="ghost" busy={pages.isFetchingNextPage} testId="kanban-more" onClick={() => void pages.fetchNextPage()}>
            {t('common.loadMore')} ({total - records.length})
          </Button>
        )}
      </div>
      {canEdit &&
        (adding ? (
          <form className="bv-quick-add" onSubmit={handleAdd}>
            {titleWritable(fields.primary) && (
              <input
                autoFocus
                value={title}
                placeholder={fields.primary.name}
                aria-label={fields.primary.name}
                data-testid="kanban-add-title"
                onChange={(e) => setTitle(e.target.value)}
                onKeyDown={(e) => e.key === 'Escape' && setAdding(false)}
              />
            )}
            {title.trim() && <DuplicateWarning table={table} values={{ [fields.primary.id]: title, [groupField.id]: column.option }} />}
            <div className="button-row">
              <Button size="sm" type="submit" variant="primary" busy={create.isPending} testId="kanban-add-submit">
                {t('base.views.kanban.addCard')}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setAdding(false)}>
                {t('common.cancel')}
              </Button>
            </div>
          </form>
        ) : (
          <button type="button" className="bv-add-card" data-testid="kanban-add" onClick={() => setAdding(true)}>
            + {t('base.views.kanban.addCard')}
          </button>
        ))}
    </section>
  );
}
