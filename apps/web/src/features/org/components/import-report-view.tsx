import { useState } from 'react';
import type { ImportReport } from '@concord/contracts';
import { useT, type MessageKey } from '../../../lib/i18n/i18n.tsx';

export interface ImportReportViewProps {
  report: ImportReport;
}

const ACTION_LABEL: Record<ImportReport['rows'][number]['action'], MessageKey> = {
  created: 'import.action.created',
  updated: 'import.action.updated',
  skipped: 'import.action.skipped',
  error: 'import.action.error',
};

/** Totals, how the file's columns were understood, and what happens to each row (errors and warnings first when asked). */
export function ImportReportView({ report }: ImportReportViewProps) {
  const t = useT();
  const problems = report.rows.filter((r) => r.error || r.warnings.length);
  const [onlyProblems, setOnlyProblems] = useState(problems.length > 0 && report.rows.length > 20);
  const rows = onlyProblems ? problems : report.rows;
  const mapping = Object.entries(report.mapping);

  return (
    <div className="import-report" data-testid="import-report" data-dry-run={report.dryRun}>
      <div className="stat-row">
        <Stat label={t('import.created')} value={report.created} tone="ok" />
        <Stat label={t('import.updated')} value={report.updated} tone="blue" />
        <Stat label={t('import.skipped')} value={report.skipped} tone="muted" />
        <Stat label={t('import.errors')} value={report.errors} tone={report.errors ? 'error' : 'muted'} />
      </div>
      {mapping.length > 0 && (
        <div className="mapping">
          <span className="mapping-label">{t('import.mapping')}</span>
          {mapping.map(([header, field]) => (
            <span key={header} className={`chip${field ? '' : ' chip-muted'}`}>
              {header} → {field ?? t('import.ignored')}
            </span>
          ))}
        </div>
      )}
      {problems.length > 0 && (
        <label className="check">
          <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} />
          <span>{t('import.onlyProblems', { n: problems.length })}</span>
        </label>
      )}
      <div className="table-wrap">
        <table className="table table-compact">
          <thead>
            <tr>
              <th className="num col-narrow">{t('import.row')}</th>
              <th className="col-narrow">{t('import.result')}</th>
              <th>{t('import.messages')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.row} className={r.error ? 'row-error' : r.warnings.length ? 'row-warning' : undefined} data-testid="import-row" data-action={r.action}>
                <td className="num">{r.row}</td>
                <td>
                  <span
                    className={`badge badge-flush badge-${r.action === 'error' ? 'error' : r.action === 'created' ? 'ok' : r.action === 'updated' ? 'blue' : 'muted'}`}
                  >
                    {t(ACTION_LABEL[r.action])}
                  </span>
                </td>
                <td className="cell-wrap">
                  {r.error && <div className="text-error">{r.error}</div>}
                  {r.warnings.map((w, i) => (
                    <div key={i} className="text-warning">
                      {w}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

interface StatProps {
  label: string;
  value: number;
  tone: 'ok' | 'blue' | 'muted' | 'error';
}

function Stat({ label, value, tone }: StatProps) {
  return (
    <div className={`stat stat-${tone}`}>
      <span className="stat-value">{value}</span>
      <span className="stat-label">{label}</span>
    </div>
  );
}
