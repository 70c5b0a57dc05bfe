import type { FieldDto, WidgetData } from '@concord/contracts';
import { useI18n } from '../../../../lib/i18n/i18n.tsx';
import { formatNumber } from './format.ts';

export interface TableWidgetProps {
  data: Extract<WidgetData, { kind: 'table' }>;
  fields: readonly FieldDto[];
}

/** Display text of an API value: people and departments arrive as {id, name}. */
function cellText(value: unknown, locale: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value, locale);
  if (Array.isArray(value)) return value.map((v) => cellText(v, locale)).join(', ');
  if (typeof value === 'object') return 'name' in value ? String((value as { name: unknown }).name) : JSON.stringify(value);
  return String(value);
}

/** The first rows of a table, sorted as the widget says. */
export function TableWidget({ data, fields }: TableWidgetProps) {
  const { t, locale } = useI18n();
  const byId = new Map(fields.map((f) => [f.id, f]));
  const dateFields = new Set(fields.filter((f) => f.type === 'date' || f.type === 'createdTime' || f.type === 'modifiedTime').map((f) => f.id));
  return (
    <div className="dash-table-wrap">
      <table className="dash-table">
        <thead>
          <tr>
            {data.fieldIds.map((id) => (
              <th key={id}>{byId.get(id)?.name ?? id}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.id}>
              {data.fieldIds.map((id) => {
                const v = r.fields[id];
                return <td key={id}>{dateFields.has(id) && typeof v === 'number' ? new Date(v).toLocaleDateString(locale) : cellText(v, locale)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="dash-table-total">{t('base.dashboard.total', { n: data.total })}</p>
    </div>
  );
}
