import { startOfZonedDay, zonedYmd, type DayRange } from '@concord/table-engine';
import type { DatePeriod } from '@concord/contracts';

interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** Normalises an overflowing calendar date (month 13, day 0 …) through UTC arithmetic. */
function ymd(y: number, m: number, d: number): Ymd {
  const t = new Date(Date.UTC(y, m - 1, d));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function firstDay(period: DatePeriod, day: Ymd & { weekday: number }): Ymd {
  switch (period) {
    case 'day':
      return ymd(day.y, day.m, day.d);
    case 'week':
      return ymd(day.y, day.m, day.d - day.weekday);
    case 'month':
      return ymd(day.y, day.m, 1);
    case 'quarter':
      return ymd(day.y, Math.floor((day.m - 1) / 3) * 3 + 1, 1);
    case 'year':
      return ymd(day.y, 1, 1);
  }
}

function shift(period: DatePeriod, from: Ymd, n: number): Ymd {
  switch (period) {
    case 'day':
      return ymd(from.y, from.m, from.d + n);
    case 'week':
      return ymd(from.y, from.m, from.d + 7 * n);
    case 'month':
      return ymd(from.y, from.m + n, from.d);
    case 'quarter':
      return ymd(from.y, from.m + 3 * n, from.d);
    case 'year':
      return ymd(from.y + n, from.m, from.d);
  }
}

/**
 * The calendar period containing `now` in `timeZone` (weeks start on Monday), or the one `offset` periods away.
 * @example periodRange('month', now, 'Asia/Shanghai', -1) // last month
 */
export function periodRange(period: DatePeriod, now: Date, timeZone: string, offset = 0): DayRange {
  const start = shift(period, firstDay(period, zonedYmd(now, timeZone)), offset);
  const end = shift(period, start, 1);
  return { start: startOfZonedDay(start.y, start.m, start.d, timeZone), end: startOfZonedDay(end.y, end.m, end.d, timeZone) };
}
