import { startOfZonedDay } from '@concord/table-engine';
import { zonedParts, zonedToEpoch } from '../../utils/zoned-time.ts';

export interface YearMonth {
  y: number;
  /** 1–12 */
  m: number;
}

export interface CalendarDay extends YearMonth {
  d: number;
  /** "2026-03-09": the day's id in the grid and in `data-date`. */
  key: string;
  /** False for the leading and trailing days of the neighbouring months. */
  inMonth: boolean;
}

const pad = (n: number, len = 2) => String(n).padStart(len, '0');
const DAY_MS = 86_400_000;

export function dayKey(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function addMonths({ y, m }: YearMonth, n: number): YearMonth {
  const i = y * 12 + (m - 1) + n;
  return { y: Math.floor(i / 12), m: (i % 12) + 1 };
}

/**
 * The days of a month view: whole weeks from the week holding the 1st to the week holding the last day.
 * Weeks start on Monday, as Chinese calendars do (`weekStartsOn` 0 for Sunday).
 */
export function monthGrid({ y, m }: YearMonth, weekStartsOn: 0 | 1 = 1): CalendarDay[] {
  const first = Date.UTC(y, m - 1, 1);
  const lead = (new Date(first).getUTCDay() - weekStartsOn + 7) % 7;
  const length = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const cells = Math.ceil((lead + length) / 7) * 7;
  return Array.from({ length: cells }, (_, i) => {
    const at = new Date(first + (i - lead) * DAY_MS);
    const day = { y: at.getUTCFullYear(), m: at.getUTCMonth() + 1, d: at.getUTCDate() };
    return { ...day, key: dayKey(day.y, day.m, day.d), inMonth: day.m === m };
  });
}

/** The instants the grid covers in `timeZone`: from the first day's midnight to the midnight after the last day. */
export function gridRange(days: readonly CalendarDay[], timeZone: string): { from: number; to: number } {
  const first = days[0]!;
  const last = days[days.length - 1]!;
  const after = new Date(Date.UTC(last.y, last.m - 1, last.d) + DAY_MS);
  return {
    from: startOfZonedDay(first.y, first.m, first.d, timeZone).getTime(),
    to: startOfZonedDay(after.getUTCFullYear(), after.getUTCMonth() + 1, after.getUTCDate(), timeZone).getTime(),
  };
}

/** The calendar day (in the field's time zone) an instant falls on. */
export function dayKeyOf(ms: number, timeZone: string): string {
  const w = zonedParts(ms, timeZone);
  return dayKey(w.y, w.m, w.d);
}

/** The same wall-clock time on another day: dragging a 14:00 meeting to Friday keeps it at 14:00 (seconds included). */
export function moveToDay(ms: number, day: { y: number; m: number; d: number }, timeZone: string): number {
  const w = zonedParts(ms, timeZone);
  return ms + (startOfZonedDay(day.y, day.m, day.d, timeZone).getTime() - startOfZonedDay(w.y, w.m, w.d, timeZone).getTime());
}

/** A new record's date on a clicked day: 09:00 when the field keeps times, else the day itself. */
export function newRecordTime(day: { y: number; m: number; d: number }, timeZone: string, includeTime: boolean): number {
  return zonedToEpoch({ ...day, h: includeTime ? 9 : 0, mi: 0 }, timeZone);
}
