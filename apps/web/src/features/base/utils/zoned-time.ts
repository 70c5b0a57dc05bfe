import { startOfZonedDay } from '@concord/table-engine';

export interface WallTime {
  y: number;
  m: number;
  d: number;
  h: number;
  mi: number;
}

const partsCache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    partsCache.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time of an instant in a time zone (a date field shows its own zone, not the viewer's). */
export function zonedParts(ms: number, timeZone: string): WallTime {
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return { y: n('year'), m: n('month'), d: n('day'), h: n('hour') % 24, mi: n('minute') };
}

/** The instant of a wall-clock time in a time zone. */
export function zonedToEpoch(w: WallTime, timeZone: string): number {
  return startOfZonedDay(w.y, w.m, w.d, timeZone).getTime() + w.h * 3_600_000 + w.mi * 60_000;
}

const pad = (n: number, len = 2) => String(n).padStart(len, '0');

/** Formats with the field's pattern: yyyy, MM, M, dd, d, HH, mm (e.g. "yyyy/MM/dd", "yyyy年M月d日"). */
export function formatWallTime(w: WallTime, pattern: string, withTime: boolean): string {
  const date = pattern.replace(/yyyy|MM|M|dd|d/g, (tok) => {
    switch (tok) {
      case 'yyyy':
        return String(w.y);
      case 'MM':
        return pad(w.m);
      case 'M':
        return String(w.m);
      case 'dd':
        return pad(w.d);
      default:
        return String(w.d);
    }
  });
  return withTime ? `${date} ${pad(w.h)}:${pad(w.mi)}` : date;
}

/** "2026-11-24" / "2026-11-24T14:05" for native date inputs. */
export function toInputValue(w: WallTime, withTime: boolean): string {
  const date = `${pad(w.y, 4)}-${pad(w.m)}-${pad(w.d)}`;
  return withTime ? `${date}T${pad(w.h)}:${pad(w.mi)}` : date;
}

export function fromInputValue(value: string): WallTime | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!m) return null;
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), h: Number(m[4] ?? 0), mi: Number(m[5] ?? 0) };
}

/** The viewer's own time zone (created/modified times show in it). */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Shanghai';
}
