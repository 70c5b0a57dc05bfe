import type { FieldDto } from '@concord/contracts';
import { formatDateTime } from '../../../../lib/dates.ts';
import { useI18n } from '../../../../lib/i18n/i18n.tsx';
import { ErrorNotice } from '../../../../ui/error-notice.tsx';
import { Spinner } from '../../../../ui/spinner.tsx';
import { useRecordHistory } from '../../api/record-history.ts';
import { cellText } from '../../fields/format.ts';

export interface RecordHistoryProps {
  tableId: string;
  recordId: string;
  fields: readonly FieldDto[];
}

/** Who changed what, newest first; undone changes are marked. */
export function RecordHistory({ tableId, recordId, fields }: RecordHistoryProps) {
  const { t, locale } = useI18n();
  const history = useRecordHistory(tableId, recordId);
  if (history.isPending) return <Spinner size="sm" />;
  if (history.error) return <ErrorNotice error={history.error} />;
  if (history.data.length === 0) return <p className="muted small">{t('base.history.empty')}</p>;
  const byId = new Map(fields.map((f) => [f.id, f]));
  const text = (fieldId: string, v: unknown) => {
    const f = byId.get(fieldId);
    if (v === null || v === undefined) return '∅';
    return (f ? cellText(f, v) : JSON.stringify(v)) || '∅';
  };
  return (
    <ol className="record-history" data-testid="record-history">
      {[...history.data]
        .sort((a, b) => b.id - a.id)
        .map((h) => (
          <li key={h.id} className={h.undone ? 'is-undone' : undefined}>
            <div className="history-head">
              <strong>{h.actor?.name ?? t('base.history.someone')}</strong> {t(`base.history.${h.action}`)}
              {h.undone && <span className="badge badge-muted">{t('base.history.undone')}</span>}
              <span className="muted small history-at">{formatDateTime(h.at, locale)}</span>
            </div>
            {(h.action === 'update' || h.action === 'merge') && (
              <ul className="history-changes">
                {h.changes.map((c) => (
                  <li key={c.fieldId}>
                    <span className="history-field">{byId.get(c.fieldId)?.name ?? t('base.history.removedField')}</span>
                    <span className="history-old">{text(c.fieldId, c.old)}</span>
                    <span aria-hidden="true"> → </span>
                    <span className="history-new">{text(c.fieldId, c.new)}</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
    </ol>
  );
}
