import type { FieldMeta } from '@concord/table-engine';

/**
 * An API value as plain text, the way a person would type or export it: used for type conversion, CSV export and
 * duplicate keys. Dates use the field's time zone as yyyy-MM-dd (HH:mm).
 */
export function cellText(field: FieldMeta, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (field.type) {
    case 'date':
    case 'createdTime':
    case 'modifiedTime': {
      const tz = (field.options as { timeZone?: string }).timeZone ?? 'Asia/Shanghai';
      const withTime = (field.options as { includeTime?: boolean }).includeTime ?? false;
      const d = new Date(Number(value));
      const fmt = new Intl.DateTimeFormat('sv-SE', {
        timeZone: tz,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
      });
      return fmt.format(d);
    }
    case 'checkbox':
      return value === true ? 'true' : 'false';
    case 'url':
      return typeof value === 'object' && value && 'link' in value ? String((value as { link: unknown }).link) : String(value);
    case 'attachment':
      return Array.isArray(value) ? value.map((a: { name?: string }) => a.name ?? '').join(', ') : '';
    default:
      if (Array.isArray(value))
        return value.map((v) => (typeof v === 'object' && v && 'name' in v ? String((v as { name: unknown }).name) : String(v))).join(', ');
      if (typeof value === 'object') return JSON.stringify(value);
      return String(value);
  }
}
