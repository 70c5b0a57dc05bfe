/**
 * Wall-clock arithmetic in an IANA time zone, written to match what PostgreSQL does with
 * `ts at time zone tz`, `timestamp + interval` and `to_char`, so previews and SQL agree.
 */

export interface LocalParts {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading of `date` in `timeZone`. */
export function toLocal(date: Date, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(date)) parts[p.type] = p.value;
  const year = Number(parts.year);
  return {
    year: parts.era === 'BC' || parts.era === 'B' ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((date.getTime() % 1000) + 1000) % 1000,
  };
}

/** Milliseconds since the epoch of a wall-clock reading taken as UTC; out-of-range fields roll over like `Date.UTC`. */
export function utcMillis(p: LocalParts): number {
  const d = new Date(0);
  d.setUTCFullYear(p.year, p.month - 1, p.day); // unlike Date.UTC, keeps years 0–99 as written
  d.setUTCHours(p.hour, p.minute, p.second, p.millisecond);
  return d.getTime();
}

/** The instant whose wall-clock reading in `timeZone` is `p` (rolling over out-of-range fields first). */
export function fromLocal(p: LocalParts, timeZone: string): Date {
  const wall = utcMillis(p);
  const offsetAt = (t: number): number => utcMillis(toLocal(new Date(t), timeZone)) - t;
  const first = wall - offsetAt(wall);
  const second = wall - offsetAt(first);
  return new Date(second);
}

const daysInMonth = (year: number, month: number): number =>
  new Date(utcMillis({ year, month: month + 1, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0 })).getUTCDate();

export const dateUnits = ['days', 'months', 'years', 'hours'] as const;
export type DateUnit = (typeof dateUnits)[number];

/** Adds whole units on the wall clock; month arithmetic clamps to the month's last day (Jan 31 + 1 month = Feb 29), as PostgreSQL does. */
export function addToDate(date: Date, amount: number, unit: DateUnit, timeZone: string): Date {
  const p = toLocal(date, timeZone);
  switch (unit) {
    case 'days':
      return fromLocal({ ...p, day: p.day + amount }, timeZone);
    case 'hours':
      return fromLocal({ ...p, hour: p.hour + amount }, timeZone);
    case 'months':
    case 'years': {
      const total = p.year * 12 + (p.month - 1) + (unit === 'years' ? amount * 12 : amount);
      const year = Math.floor(total / 12);
      const month = total - year * 12 + 1;
      return fromLocal({ ...p, year, month, day: Math.min(p.day, daysInMonth(year, month)) }, timeZone);
    }
  }
}

/** Whole calendar days, months or years from `start` to `end` in `timeZone`, ignoring time of day; negative when `end` is earlier. */
export function dateDiff(start: Date, end: Date, unit: 'days' | 'months' | 'years', timeZone: string): number {
  const s = toLocal(start, timeZone);
  const e = toLocal(end, timeZone);
  const midnight = { hour: 0, minute: 0, second: 0, millisecond: 0 };
  if (unit === 'days') return Math.round((utcMillis({ ...e, ...midnight }) - utcMillis({ ...s, ...midnight })) / 86_400_000);
  const months = utcMillis(e) >= utcMillis(s) ? monthsBetween(s, e) : -monthsBetween(e, s);
  return unit === 'months' ? months : Math.trunc(months / 12);
}

/** Complete months from a to b (a ≤ b): a month counts once b's day of month reaches a's, as in Excel's DATEDIF. */
function monthsBetween(a: LocalParts, b: LocalParts): number {
  return (b.year - a.year) * 12 + (b.month - a.month) - (b.day < a.day ? 1 : 0);
}

const TOKENS = ['YYYY', 'YY', 'MM', 'M', 'DD', 'D', 'HH', 'H', 'mm', 'ss'] as const;
type DateToken = (typeof TOKENS)[number];
export type FormatPart = { readonly token: DateToken } | { readonly literal: string };

/** `to_char` patterns per token; FM drops the leading zero for the one pattern it prefixes. */
const PG_PATTERNS: Record<DateToken, string> = {
  YYYY: 'YYYY',
  YY: 'YY',
  MM: 'MM',
  M: 'FMMM',
  DD: 'DD',
  D: 'FMDD',
  HH: 'HH24',
  H: 'FMHH24',
  mm: 'MI',
  ss: 'SS',
};

/** Splits a moment-style format (`YYYY-MM-DD HH:mm`, `YYYY年M月D日`); text in [brackets] is literal. */
export function parseDateFormat(format: string): FormatPart[] {
  const parts: FormatPart[] = [];
  let literal = '';
  let i = 0;
  while (i < format.length) {
    if (format[i] === '[') {
      const close = format.indexOf(']', i);
      if (close > i) {
        literal += format.slice(i + 1, close);
        i = close + 1;
        continue;
      }
    }
    const token = TOKENS.find((t) => format.startsWith(t, i));
    if (token) {
      if (literal) parts.push({ literal });
      literal = '';
      parts.push({ token });
      i += token.length;
    } else {
      literal += format[i];
      i++;
    }
  }
  if (literal) parts.push({ literal });
  return parts;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function formatLocal(p: LocalParts, parts: readonly FormatPart[]): string {
  return parts
    .map((part) => {
      if ('literal' in part) return part.literal;
      switch (part.token) {
        case 'YYYY':
          return pad(p.year, 4);
        case 'YY':
          return pad(p.year % 100, 2);
        case 'MM':
          return pad(p.month, 2);
        case 'M':
          return String(p.month);
        case 'DD':
          return pad(p.day, 2);
        case 'D':
          return String(p.day);
        case 'HH':
          return pad(p.hour, 2);
        case 'H':
          return String(p.hour);
        case 'mm':
          return pad(p.minute, 2);
        case 'ss':
          return pad(p.second, 2);
      }
    })
    .join('');
}

/** The same format as a PostgreSQL `to_char` pattern; literal text is double-quoted so letters in it are not read as patterns. */
export function toCharPattern(parts: readonly FormatPart[]): string {
  return parts.map((part) => ('literal' in part ? `"${part.literal.replace(/["\\]/g, (c) => `\\${c}`)}"` : PG_PATTERNS[part.token])).join('');
}

export const DATE_ONLY_FORMAT = parseDateFormat('YYYY-MM-DD');
export const DATE_TIME_FORMAT = parseDateFormat('YYYY-MM-DD HH:mm');
