import { Link } from 'react-router-dom';
import type { AutomationDto } from '@concord/contracts';
import { useI18n } from '../../../lib/i18n/i18n.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { PageSpinner } from '../../../ui/spinner.tsx';
import { useAutomationRuns } from './api/automation-runs.ts';

export interface RunLogProps {
  automation: AutomationDto;
  baseId: string;
  /** Called when the user opens a run's record (the dialog closes). */
  onOpenRecord: () => void;
}

/** What fired, when, each step's outcome and any failure (with the next retry), newest first. */
export function RunLog({ automation, baseId, onOpenRecord }: RunLogProps) {
  const { t, locale } = useI18n();
  const runs = useAutomationRuns(automation);
  if (runs.error) return <ErrorNotice error={runs.error} onRetry={() => void runs.refetch()} />;
  if (!runs.data) return <PageSpinner label={t('common.loading')} />;
  if (runs.data.items.length === 0) return <p className="muted">{t('base.auto.run.empty')}</p>;
  const time = (iso: string) => new Date(iso).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <table className="auto-runs" data-testid="automation-runs">
      <thead>
        <tr>
          <th>{t('base.auto.run.time')}</th>
          <th>{t('base.auto.run.trigger')}</th>
          <th>{t('base.auto.run.status')}</th>
          <th>{t('base.auto.run.steps')}</th>
        </tr>
      </thead>
      <tbody>
        {runs.data.items.map((run) => (
          <tr key={run.id} data-status={run.status}>
            <td>{time(run.createdAt)}</td>
            <td>
              {run.trigger}
              {run.recordId && (
                <div>
                  <Link className="small" to={`/base/${baseId}/${automation.tableId}/${run.recordId}`} onClick={onOpenRecord}>
                    {t('base.auto.run.record')}
                  </Link>
                </div>
              )}
            </td>
            <td>
              <span className={`auto-status auto-status-${run.status}`}>{t(`base.auto.status.${run.status}`)}</span>
              {run.attempts > 1 && <div className="muted small">{t('base.auto.run.attempts', { n: run.attempts })}</div>}
              {run.nextAttemptAt && run.error && <div className="muted small">{t('base.auto.run.retryAt', { time: time(run.nextAttemptAt) })}</div>}
            </td>
            <td>
              <ol className="auto-steps">
                {run.steps.map((s, i) => (
                  <li key={i} className={`auto-step-${s.status}`}>
                    {t(`base.auto.action.${s.kind}`)}: {s.detail}
                  </li>
                ))}
              </ol>
              {run.error && <div className="auto-error">{run.error}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
