import type { DateOperand } from './filter.ts';

export interface DayRange {
  /** Inclusive start instant. */
  readonly start: Date;
  /** Exclusive end instant. */
  readonly end: Date;
}

const DAY = 86_400_000;

/** The calendar date (y, m 1-12, d) of an instant in a time zone. */
export function zonedYmd(at: Date, timeZone: string): { y: number; m: number; d: number; weekday: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short' }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')); // 0 = Monday
  return { y: Number(get('year')), m: Number(get('month')), d: Number(get('day')), weekday };
}

/** Offset of `timeZone` from UTC at an instant, in ms (Asia/Shanghai → +8h). */
function offsetMs(at: Date, timeZone: string): number {
  const p = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const n = (t: string) => Number(p.find((x) => x.type === t)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a wall-clock time in a time zone names (handles DST by re-checking the offset). */
export function zonedTime(y: number, m: number, d: number, h: number, min: number, sec: number, timeZone: string): Date {
  const guess = Date.UTC(y, m - 1, d, h, min, sec);
  const first = guess - offsetMs(new Date(guess), timeZone);
  return new Date(guess - offsetMs(new Date(first), timeZone));
}

/** The instant a calendar day starts in a time zone. */
export function startOfZonedDay(y: number, m: number, d: number, timeZone: string): Date {
  return zonedTime(y, m, d, 0, 0, 0, timeZone);
}

function days(from: { y: number; m: number; d: number }, addDays: number, timeZone: string): Date {
  const base = new Date(Date.UTC(from.y, from.m - 1, from.d) + addDays * DAY);
  return startOfZonedDay(base.getUTCFullYear(), base.getUTCMonth() + 1, base.getUTCDate(), timeZone);
}

/**
 * Turns a date operand into an instant range in `timeZone`, relative to `now` (injected, never read from the clock).
 * @example resolveDateOperand({ kind: 'relative', name: 'Today' }, now, 'Asia/Shanghai')
 */
export function resolveDateOperand(op: DateOperand, now: Date, timeZone: string): DayRange {
  const today = zonedYmd(now, timeZone);
  switch (op.kind) {
    case 'exact': {
      const day = zonedYmd(new Date(op.at), timeZone);
      return { start: days(day, 0, timeZone), end: days(day, 1, timeZone) };
    }
    case 'days':
      return op.days <= 0
        ? { start: days(today, op.days, timeZone), end: days(today, 1, timeZone) }
        : { start: days(today, 0, timeZone), end: days(today, op.days + 1, timeZone) };
    case 'relative':
      switch (op.name) {
        case 'Today':
          return { start: days(today, 0, timeZone), end: days(today, 1, timeZone) };
        case 'Tomorrow':
          return { start: days(today, 1, timeZone), end: days(today, 2, timeZone) };
        case 'Yesterday':
          return { start: days(today, -1, timeZone), end: days(today, 0, timeZone) };
        case 'CurrentWeek':
          return { start: days(today, -today.weekday, timeZone), end: days(today, 7 - today.weekday, timeZone) };
        case 'LastWeek':
          return { start: days(today, -today.weekday - 7, timeZone), end: days(today, -today.weekday, timeZone) };
        case 'CurrentMonth':
          return {
            start: startOfZonedDay(today.y, today.m, 1, timeZone),
            end: days({ y: today.y, m: today.m, d: 1 }, monthLength(today.y, today.m), timeZone),
          };
        case 'LastMonth': {
          const y = today.m === 1 ? today.y - 1 : today.y;
          const m = today.m === 1 ? 12 : today.m - 1;
          return { start: startOfZonedDay(y, m, 1, timeZone), end: startOfZonedDay(today.y, today.m, 1, timeZone) };
        }
        case 'TheLastWeek':
          return { start: days(today, -7, timeZone), end: days(today, 1, timeZone) };
        case 'TheNextWeek':
          return { start: days(today, 0, timeZone), end: days(today, 8, timeZone) };
        case 'TheLastMonth':
          return { start: days(today, -30, timeZone), end: days(today, 1, timeZone) };
        case 'TheNextMonth':
          return { start: days(today, 0, timeZone), end: days(today, 31, timeZone) };
      }
  }
}

function monthLength(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
