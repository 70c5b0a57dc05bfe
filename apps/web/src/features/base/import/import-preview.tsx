import type { FieldDto } from '@concord/contracts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import type { ImportPreviewDto } from './use-import-wizard.ts';

export interface ImportPreviewProps {
  preview: ImportPreviewDto;
  fields: readonly FieldDto[];
  map: Record<string, string | null>;
  dedup: boolean;
  hasRule: boolean;
  onSheet: (sheet: string) => void;
  onHeaderRow: (row: number) => void;
  onMap: (header: string, fieldId: string | null) => void;
  onDedup: (on: boolean) => void;
}

const IGNORE = '';

/** The file as the server reads it: sheet, header row, first rows, and each column's field (prefilled by name and synonyms). */
export function ImportPreview({ preview, fields, map, dedup, hasRule, onSheet, onHeaderRow, onMap, onDedup }: ImportPreviewProps) {
  const t = useT();
  return (
    <div className="import-preview" data-testid="import-preview">
      <div className="import-options">
        {preview.sheets.length > 1 && (
          <label>
            {t('base.import.sheet')}{' '}
            <select data-testid="import-sheet" value={preview.sheet} onChange={(e) => onSheet(e.target.value)}>
              {preview.sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('base.import.headerRow')}{' '}
          <input
            type="number"
            min={1}
            max={1000}
            className="import-header-row"
            data-testid="import-header-row"
            value={preview.headerRow}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (Number.isInteger(n) && n >= 1) onHeaderRow(n);
            }}
          />
        </label>
        <span className="muted" data-testid="import-row-count">
          {t('base.import.rows', { n: preview.rowCount })}
        </span>
      </div>
      <label className="import-dedup">
        <input type="checkbox" data-testid="import-dedup" checked={dedup} onChange={(e) => onDedup(e.target.checked)} /> {t('base.import.dedup')}
      </label>
      {dedup && !hasRule && <p className="muted small">{t('base.import.noRule')}</p>}
      <div className="import-table-scroll">
        <table className="import-table">
          <thead>
            <tr>
              {preview.headers.map((h, i) => (
                <th key={`${h}:${i}`}>
                  <div className="import-col-name">{h}</div>
                  <select
                    aria-label={`${t('base.import.field')}: ${h}`}
                    data-testid="import-map"
                    data-header={h}
                    value={map[h] ?? IGNORE}
                    onChange={(e) => onMap(h, e.target.value === IGNORE ? null : e.target.value)}
                  >
                    <option value={IGNORE}>— {t('base.import.ignore')} —</option>
                    {fields.map((f) => (
                      <option key={f.id} value={f.id}>
                        {f.name}
                      </option>
                    ))}
                  </select>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.sample.map((row, r) => (
              <tr key={r}>
                {preview.headers.map((h, i) => (
                  <td key={`${h}:${i}`} className={map[h] ? undefined : 'is-ignored'}>
                    {row[i] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
