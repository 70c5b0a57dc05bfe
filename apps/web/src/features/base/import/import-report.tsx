import { Link } from 'react-router-dom';
import type { TableImportReport } from '@concord/contracts';
import { useT } from '../../../lib/i18n/i18n.tsx';

const SHOWN = 500;

export interface ImportSummaryProps {
  report: TableImportReport;
}

/** The counts of an import (or dry run): created, merged, flagged, skipped, errors. */
export function ImportSummary({ report }: ImportSummaryProps) {
  const t = useT();
  const items = [
    ['created', t('base.import.created'), report.created],
    ['merged', t('base.import.merged'), report.merged],
    ['flagged', t('base.import.flagged'), report.flagged],
    ['skipped', t('base.import.skipped'), report.skipped],
    ['error', t('base.import.errors'), report.errors],
  ] as const;
  return (
    <div className="import-summary" data-testid="import-summary">
      {items.map(([key, label, n]) => (
        <div key={key} className={`import-count is-${key}`} data-testid={`import-count-${key}`} data-count={n}>
          <strong>{n}</strong>
          <span>{label}</span>
        </div>
      ))}
    </div>
  );
}

export interface ImportReportProps {
  report: TableImportReport;
  tablePath: string;
  onOpenRecord: () => void;
}

/** One line per data row: what happened, where it lives now, what it matched and why. */
export function ImportReport({ report, tablePath, onOpenRecord }: ImportReportProps) {
  const t = useT();
  const link = (id: string, label: string) => (
    <Link to={{ pathname: `${tablePath}/${id}`, search: window.location.search }} onClick={onOpenRecord}>
      {label}
    </Link>
  );
  return (
    <div className="import-report" data-testid="import-report">
      <ImportSummary report={report} />
      <div className="import-table-scroll">
        <table className="import-table">
          <thead>
            <tr>
              <th>{t('base.import.row')}</th>
              <th>{t('base.import.action')}</th>
              <th>{t('base.import.record')}</th>
              <th>{t('base.import.matches')}</th>
              <th>{t('base.import.warnings')}</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.slice(0, SHOWN).map((r) => (
              <tr key={r.row} data-testid="import-report-row" data-action={r.action}>
                <td>{r.row}</td>
                <td>
                  <span className={`import-action is-${r.action}`}>{t(`base.import.action.${r.action}`)}</span>
                </td>
                <td>{r.record_id ? link(r.record_id, t('base.import.open')) : ''}</td>
                <td>
                  {r.matches.map((m, i) => (
                    <div key={`${m.record_id}:${i}`} className="import-match">
                      {link(m.record_id, `${Math.round(m.score * 100)}%`)} <span className="muted small">{m.reasons.join('; ')}</span>
                    </div>
                  ))}
                </td>
                <td className="small">{[...r.warnings, ...(r.error ? [r.error] : [])].join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.rows.length > SHOWN && <p className="muted small">{t('base.import.moreRows', { shown: SHOWN, total: report.rows.length })}</p>}
    </div>
  );
}

/** Saves the full report as JSON (the same shape as the CLI's `--report`). */
export function downloadReport(report: TableImportReport, filename: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename.replace(/\.[^.]+$/, '') + '.report.json';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
