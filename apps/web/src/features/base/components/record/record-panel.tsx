import { useEffect, useState } from 'react';
import type { FieldDto, TableDto } from '@concord/contracts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { ErrorNotice } from '../../../../ui/error-notice.tsx';
import { PageSpinner } from '../../../../ui/spinner.tsx';
import { useRecord } from '../../api/get-record.ts';
import { cellText } from '../../fields/format.ts';
import { LinkNamesContext } from '../../fields/link-names.tsx';
import type { RecordWriter } from '../../hooks/use-record-writer.ts';
import { useRecordLinkNames } from '../../hooks/use-record-link-names.ts';
import { RecordComments } from './record-comments.tsx';
import { RecordField } from './record-field.tsx';
import { RecordHistory } from './record-history.tsx';
import { DuplicateWarning } from '../../duplicates/duplicate-warning.tsx';

export interface RecordPanelProps {
  table: TableDto;
  recordId: string;
  /** Fields in the view's order (hidden ones too: the panel shows everything). */
  fields: readonly FieldDto[];
  writer: RecordWriter;
  canEdit: boolean;
  prevId: string | null;
  nextId: string | null;
  onNavigate: (recordId: string) => void;
  onClose: () => void;
}

/** The expanded record beside the grid: every field editable, then comments and history. */
export function RecordPanel({ table, recordId, fields, writer, canEdit, prevId, nextId, onNavigate, onClose }: RecordPanelProps) {
  const t = useT();
  const record = useRecord(table.id, recordId);
  const [tab, setTab] = useState<'comments' | 'history'>('comments');
  const [pending, setPending] = useState<Record<string, unknown>>({});
  const linkNames = useRecordLinkNames(table, record.data);

  useEffect(() => {
    const handleKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.key === 'Escape' && !target?.closest('input, textarea, select, .cell-editor, .record-field-editor, .base-popover')) onClose();
    };
    document.addEventListener('keydown', handleKey);
    return () => document.removeEventListener('keydown', handleKey);
  }, [onClose]);

  function handleSave(field: FieldDto, value: unknown) {
    if (!record.data) return;
    setPending((p) => ({ ...p, [field.id]: value }));
    void writer.writeCell(record.data, field, value).finally(() =>
      setPending((p) => {
        const { [field.id]: _done, ...rest } = p;
        return rest;
      }),
    );
  }

  const primary = table.fields.find((f) => f.isPrimary);
  const title = record.data && primary ? cellText(primary, record.data.fields[primary.id]) : '';
  return (
    <aside className="record-panel" data-testid="record-panel" data-record-id={recordId} aria-label={t('base.record.title')}>
      <header className="record-panel-head">
        <h2>{title || t('base.record.untitled')}</h2>
        <div className="record-panel-nav">
          <button
            type="button"
            className="icon-btn"
            disabled={!prevId}
            aria-label={t('base.record.prev')}
            title={t('base.record.prev')}
            onClick={() => prevId && onNavigate(prevId)}
          >
            ↑
          </button>
          <button
            type="button"
            className="icon-btn"
            disabled={!nextId}
            aria-label={t('base.record.next')}
            title={t('base.record.next')}
            onClick={() => nextId && onNavigate(nextId)}
          >
            ↓
          </button>
          <button
            type="button"
            className="icon-btn"
            data-testid="record-close"
            aria-label={t('base.record.close')}
            title={t('base.record.close')}
            onClick={onClose}
          >
            ×
          </button>
        </div>
      </header>
      <div className="record-panel-body">
        {record.isPending && <PageSpinner label={t('common.loading')} />}
        {record.error && (record.error as { status?: number }).status === 404 ? (
          <p className="muted">{t('base.record.notFound')}</p>
        ) : (
          record.error && <ErrorNotice error={record.error} />
        )}
        {record.data && (
          <LinkNamesContext.Provider value={linkNames}>
            <section className="record-fields">
              {fields.map((f) => (
                <RecordField
                  key={`${recordId}:${f.id}`}
                  field={f}
                  value={f.id in pending ? pending[f.id] : record.data.fields[f.id]}
                  canEdit={canEdit}
                  onSave={(v) => handleSave(f, v)}
                />
              ))}
            </section>
            <DuplicateWarning table={table} recordId={recordId} values={{ ...record.data.fields, ...pending }} />
            <div className="record-tabs" role="tablist">
              <button
                type="button"
                role="tab"
                aria-selected={tab === 'comments'}
                className={tab === 'comments' ? 'is-active' : undefined}
                onClick={() => setTab('comments')}
              >
                {t('base.record.comments')}
              </button>
              <button
                type="button"
                role="tab"
                aria-selected={tab === 'history'}
                className={tab === 'history' ? 'is-active' : undefined}
                data-testid="history-tab"
                onClick={() => setTab('history')}
              >
                {t('base.record.history')}
              </button>
            </div>
            {tab === 'comments' ? (
              <RecordComments tableId={table.id} recordId={recordId} />
            ) : (
              <RecordHistory tableId={table.id} recordId={recordId} fields={table.fields} />
            )}
          </LinkNamesContext.Provider>
        )}
      </div>
    </aside>
  );
}
