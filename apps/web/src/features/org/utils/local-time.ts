/** The current wall-clock time in `timeZone` (e.g. "14:05"), or '' for an unknown zone. */
export function localTime(timeZone: string, locale: string, now: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(now);
  } catch {
    return '';
  }
}
