import { useState, type DragEvent } from 'react';
import type { FieldDto, RecordDto } from '@concord/contracts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { cellText } from '../../fields/format.ts';
import type { CalendarDay as Day } from './month-grid.ts';

export interface CalendarDayProps {
  day: Day;
  today: boolean;
  records: readonly RecordDto[];
  primary: FieldDto;
  canEdit: boolean;
  /** A record is being dragged from this calendar. */
  dragging: boolean;
  onDragStart: (record: RecordDto) => void;
  onDragEnd: () => void;
  onDrop: (day: Day) => void;
  onOpen: (record: RecordDto) => void;
  onAdd: (day: Day) => void;
}

/** One day of the month: its records as chips (draggable to another day); a click on the free space adds a record. */
export function CalendarDay({ day, today, records, primary, canEdit, dragging, onDragStart, onDragEnd, onDrop, onOpen, onAdd }: CalendarDayProps) {
  const t = useT();
  const [over, setOver] = useState(false);

  function handleDragOver(e: DragEvent) {
    if (!dragging) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    setOver(true);
  }

  function handleDrop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    if (dragging) onDrop(day);
  }

  return (
    <div
      className={`bv-cal-day${day.inMonth ? '' : ' is-outside'}${today ? ' is-today' : ''}${over ? ' is-over' : ''}`}
      role="gridcell"
      data-testid="calendar-day"
      data-date={day.key}
      onClick={(e) => canEdit && e.target === e.currentTarget && onAdd(day)}
      onDragOver={handleDragOver}
      onDragLeave={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && setOver(false)}
      onDrop={handleDrop}
    >
      <div className="bv-cal-date">
        <span className="bv-cal-num">{day.d}</span>
        {canEdit && (
          <button
            type="button"
            className="bv-cal-add"
            aria-label={t('base.views.calendar.addOn', { date: day.key })}
            data-testid="calendar-add"
            onClick={() => onAdd(day)}
          >
            +
          </button>
        )}
      </div>
      <ul className="bv-cal-records">
        {records.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              className="bv-cal-record"
              draggable={canEdit}
              data-testid="calendar-record"
              data-record-id={r.id}
              onDragStart={(e) => {
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', r.id);
                onDragStart(r);
              }}
              onDragEnd={onDragEnd}
              onClick={() => onOpen(r)}
            >
              {cellText(primary, r.fields[primary.id]) || t('base.views.untitled')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
