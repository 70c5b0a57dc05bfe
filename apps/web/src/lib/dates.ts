/** A timestamp in the viewer's time zone, e.g. "2026/11/24 14:05" (zh-CN) or "Nov 24, 2026, 14:05" (en). */
export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hour12: false }).format(d);
}
