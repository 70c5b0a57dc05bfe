import { useMemo, useState } from 'react';
import type { RecordDto, TableDto, ViewDto } from '@concord/contracts';
import type { OptionsOf } from '@concord/table-engine';
import { useI18n } from '../../../../lib/i18n/i18n.tsx';
import { ErrorNotice } from '../../../../ui/error-notice.tsx';
import { Spinner } from '../../../../ui/spinner.tsx';
import { zonedParts } from '../../utils/zoned-time.ts';
import { QuickAddModal } from '../shared/quick-add-modal.tsx';
import { RecordModal } from '../shared/record-modal.tsx';
import { useCanEdit } from '../shared/use-can-edit.ts';
import { useViewRealtime } from '../shared/use-view-realtime.ts';
import { ViewFieldSetup } from '../shared/view-field-setup.tsx';
import { CalendarDay } from './calendar-day.tsx';
import { addMonths, dayKeyOf, gridRange, monthGrid, moveToDay, newRecordTime, type CalendarDay as Day, type YearMonth } from './month-grid.ts';
import { CALENDAR_LIMIT, useCalendarMove, useCalendarRecords } from './use-calendar-records.ts';
import '../views.css';
import './calendar.css';

export interface CalendarViewProps {
  table: TableDto;
  view: ViewDto;
}

// 2024-01-01 was a Monday: the weekday names in the UI language, Monday first.
const WEEKDAYS = Array.from({ length: 7 }, (_, i) => Date.UTC(2024, 0, 1 + i));

/** A month of the view's date field (in that field's time zone): records on their days, dragged to move, a day clicked to add. */
export function CalendarView({ table, view }: CalendarViewProps) {
  const { t, locale } = useI18n();
  const canEdit = useCanEdit(table);
  useViewRealtime(table.id);
  const dateField = table.fields.find((x) => x.id === view.config.dateFieldId && x.type === 'date');
  const dateOptions = (dateField?.options ?? {}) as Partial<OptionsOf<'date'>>;
  const timeZone = dateOptions.timeZone || 'Asia/Shanghai';
  const [month, setMonth] = useState<YearMonth>(() => zonedParts(Date.now(), timeZone));
  const todayKey = dayKeyOf(Date.now(), timeZone);
  const days = useMemo(() => monthGrid(month), [month]);
  const range = useMemo(() => gridRange(days, timeZone), [days, timeZone]);
  const primary = table.fields.find((x) => x.id === table.primaryFieldId) ?? table.fields[0]!;
  const { query, queryKey } = useCalendarRecords(table, view, dateField, range.from, range.to);
  const move = useCalendarMove(table.id, dateField?.id ?? '', queryKey);
  const [dragging, setDragging] = useState<RecordDto | null>(null);
  const [open, setOpen] = useState<RecordDto | null>(null);
  const [adding, setAdding] = useState<Day | null>(null);

  const byDay = useMemo(() => {
    const map = new Map<string, RecordDto[]>();
    if (!dateField) return map;
    for (const r of query.data?.items ?? []) {
      const at = r.fields[dateField.id];
      if (typeof at !== 'number') continue;
      const key = dayKeyOf(at, timeZone);
      map.set(key, [...(map.get(key) ?? []), r]);
    }
    return map;
  }, [query.data, dateField, timeZone]);

  if (!dateField) {
    return (
      <ViewFieldSetup
        table={table}
        view={view}
        setting="dateFieldId"
        candidates={table.fields.filter((x) => x.type === 'date')}
        title={t('base.views.calendar.setup')}
        noneHint={t('base.views.calendar.noDate')}
        canEdit={canEdit}
      />
    );
  }

  const monthLabel = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(month.y, month.m - 1, 1));
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const total = query.data?.total ?? 0;

  function handleDrop(day: Day) {
    const record = dragging;
    setDragging(null);
    const at = record?.fields[dateField!.id];
    if (!record || typeof at !== 'number' || dayKeyOf(at, timeZone) === day.key) return;
    move.mutate({ record, at: moveToDay(at, day, timeZone) });
  }

  return (
    <div className="bv-calendar" data-testid="calendar-view" data-view-id={view.id}>
      <div className="bv-cal-bar">
        <div className="bv-cal-nav">
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            aria-label={t('base.views.calendar.prev')}
            data-testid="calendar-prev"
            onClick={() => setMonth((m) => addMonths(m, -1))}
          >
            ‹
          </button>
          <button type="button" className="btn btn-secondary btn-sm" data-testid="calendar-today" onClick={() => setMonth(zonedParts(Date.now(), timeZone))}>
            {t('base.views.calendar.today')}
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            aria-label={t('base.views.calendar.next')}
            data-testid="calendar-next"
            onClick={() => setMonth((m) => addMonths(m, 1))}
          >
            ›
          </button>
        </div>
        <h2 className="bv-cal-title" data-testid="calendar-month">
          {monthLabel}
        </h2>
        <span className="muted small bv-cal-meta">
          {query.isFetching && <Spinner size="sm" />} {dateField.name} · {timeZone}
        </span>
      </div>
      {query.error && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {total > CALENDAR_LIMIT && <p className="alert alert-warning">{t('base.views.calendar.tooMany', { shown: CALENDAR_LIMIT, total })}</p>}
      <div className="bv-cal-grid" role="grid" aria-label={monthLabel}>
        {WEEKDAYS.map((d) => (
          <div key={d} className="bv-cal-weekday" role="columnheader">
            {weekday.format(d)}
          </div>
        ))}
        {days.map((day) => (
          <CalendarDay
            key={day.key}
            day={day}
            today={day.key === todayKey}
            records={byDay.get(day.key) ?? []}
            primary={primary}
            canEdit={canEdit}
            dragging={dragging !== null}
            onDragStart={setDragging}
            onDragEnd={() => setDragging(null)}
            onDrop={handleDrop}
            onOpen={setOpen}
            onAdd={setAdding}
          />
        ))}
      </div>
      {open && <RecordModal table={table} view={view} record={open} onClose={() => setOpen(null)} />}
      {adding && (
        <QuickAddModal
          tableId={table.id}
          primary={primary}
          title={t('base.views.calendar.addOn', { date: adding.key })}
          fields={{ [dateField.id]: newRecordTime(adding, timeZone, dateOptions.includeTime ?? false) }}
          onClose={() => setAdding(null)}
        />
      )}
    </div>
  );
}
