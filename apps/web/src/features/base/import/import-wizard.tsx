import type { TableDto } from '@concord/contracts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { Modal } from '../../../ui/modal.tsx';
import { Spinner } from '../../../ui/spinner.tsx';
import { isWritable } from '../fields/field-registry.ts';
import { useDedupRule } from '../duplicates/api/dedup-rule.ts';
import { ImportPreview } from './import-preview.tsx';
import { ImportProgressBar, useImportProgress } from './import-progress.tsx';
import { downloadReport, ImportReport, ImportSummary } from './import-report.tsx';
import { useElapsedSeconds, useImportWizard } from './use-import-wizard.ts';
import './import.css';

export interface ImportWizardProps {
  table: TableDto;
  tablePath: string;
  onImported: () => void;
  onClose: () => void;
}

/** Import a CSV/XLSX into the table: choose a file, check the preview and mapping, dry run, import, read the report. */
export function ImportWizard({ table, tablePath, onImported, onClose }: ImportWizardProps) {
  const t = useT();
  const w = useImportWizard(table.id, onImported);
  const rule = useDedupRule(table.id);
  const elapsed = useElapsedSeconds(w.startedAt, w.progressId !== null);
  const progress = useImportProgress(w.progressId);
  const fields = table.fields.filter(isWritable);

  const footer = (() => {
    switch (w.step) {
      case 'file':
        return <Button onClick={onClose}>{t('common.cancel')}</Button>;
      case 'preview':
        return (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button variant="primary" busy={w.busy} testId="import-dry-run" onClick={w.dryRunImport}>
              {t('base.import.dryRun')}
            </Button>
          </>
        );
      case 'summary':
        return (
          <>
            <Button onClick={w.back}>{t('base.import.back')}</Button>
            <Button variant="primary" busy={w.busy} testId="import-run" onClick={w.runImport}>
              {t('base.import.run')}
            </Button>
          </>
        );
      case 'running':
        return null;
      case 'report':
        return (
          <>
            <Button testId="import-download-report" onClick={() => w.report && w.file && downloadReport(w.report, w.file.name)}>
              {t('base.import.downloadReport')}
            </Button>
            <Button variant="primary" testId="import-close" onClick={onClose}>
              {t('common.close')}
            </Button>
          </>
        );
    }
  })();

  return (
    <Modal
      title={w.step === 'report' ? t('base.import.done') : t('base.import.title')}
      closeLabel={t('common.close')}
      wide
      onClose={w.step === 'running' ? () => undefined : onClose}
      footer={footer}
    >
      <div className="import-wizard" data-testid="import-wizard" data-step={w.step}>
        {(w.step === 'file' || w.step === 'preview') && (
          <label className="import-file">
            <span>{t('base.import.chooseFile')}</span>
            <input
              type="file"
              data-testid="import-file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) w.chooseFile(f);
              }}
            />
          </label>
        )}
        {w.busy && w.step === 'file' && <Spinner label={t('base.import.reading')} />}
        {w.step === 'preview' && w.preview && (
          <ImportPreview
            preview={w.preview}
            fields={fields}
            map={w.map}
            dedup={w.dedup}
            hasRule={!!rule.data?.rule}
            onSheet={w.setSheet}
            onHeaderRow={w.setHeaderRow}
            onMap={w.mapColumn}
            onDedup={w.setDedup}
          />
        )}
        {/* A dry run of a big file takes a while too: its progress shows under the preview, once the server reports. */}
        {w.step === 'preview' && w.progressId && progress && <ImportProgressBar progress={progress} elapsed={elapsed} />}
        {w.step === 'summary' && w.dryRun && (
          <>
            <p>{t('base.import.dryRunSummary')}</p>
            <ImportSummary report={w.dryRun} />
          </>
        )}
        {w.step === 'running' && <ImportProgressBar progress={progress} elapsed={elapsed} />}
        {w.step === 'report' && w.report && <ImportReport report={w.report} tablePath={tablePath} onOpenRecord={onClose} />}
        {w.error !== null && <ErrorNotice error={w.error} />}
      </div>
    </Modal>
  );
}
