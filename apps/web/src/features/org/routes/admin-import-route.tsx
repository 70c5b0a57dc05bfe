import { useState } from 'react';
import type { ImportReport } from '@concord/contracts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { Alert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { SelectField } from '../../../ui/select-field.tsx';
import { useImportDirectory, type ImportKind } from '../api/import-directory.ts';
import { ImportReportView } from '../components/import-report-view.tsx';

/** Import departments or people from CSV/XLSX: preview (dry run) first, then import; both show the per-row report. */
export function AdminImportRoute() {
  const t = useT();
  const [kind, setKind] = useState<ImportKind>('people');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const mutation = useImportDirectory();

  function reset() {
    setReport(null);
    mutation.reset();
  }

  function handleFile(next: File | null) {
    setFile(next);
    reset();
  }

  function run(dryRun: boolean) {
    if (!file) return;
    mutation.mutate({ kind, file, dryRun }, { onSuccess: setReport });
  }

  const previewed = report?.dryRun === true;
  const imported = report?.dryRun === false;
  return (
    <section className="panel panel-pad import-page">
      <p className="muted">{t('import.intro')}</p>
      <div className="form import-form">
        <SelectField
          label={t('import.kind')}
          name="kind"
          value={kind}
          options={[
            { value: 'people', label: t('import.kind.people') },
            { value: 'departments', label: t('import.kind.departments') },
          ]}
          onChange={(v) => {
            setKind(v === 'departments' ? 'departments' : 'people');
            reset();
          }}
          hint={kind === 'people' ? t('import.columns.people') : t('import.columns.departments')}
        />
        <div className="field">
          <label htmlFor="import-file">{t('import.file')}</label>
          <input
            id="import-file"
            name="file"
            type="file"
            data-testid="import-file"
            accept=".csv,.xlsx,.xls,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => handleFile(e.target.files?.[0] ?? null)}
          />
          <p className="field-hint">{t('import.fileHint')}</p>
        </div>
        <div className="button-row">
          <Button variant={previewed ? 'secondary' : 'primary'} disabled={!file} busy={mutation.isPending && mutation.variables?.dryRun} testId="import-preview" onClick={() => run(true)}>
            {t('import.preview')}
          </Button>
          <Button
            variant="primary"
            disabled={!previewed || (report?.errors ?? 0) > 0}
            busy={mutation.isPending && mutation.variables?.dryRun === false}
            testId="import-run"
            onClick={() => run(false)}
          >
            {t('import.run')}
          </Button>
        </div>
      </div>
      {mutation.error && <ErrorNotice error={mutation.error} />}
      {previewed && report.errors > 0 && <Alert tone="warning">{t('import.fixErrors', { n: report.errors })}</Alert>}
      {previewed && report.errors === 0 && <Alert tone="info">{t('import.previewOk', { created: report.created, updated: report.updated })}</Alert>}
      {imported && report.errors > 0 && <Alert tone="error">{t('import.rolledBack', { n: report.errors })}</Alert>}
      {imported && report.errors === 0 && (
        <Alert tone="success" title={t('import.done')}>
          {t('import.doneBody', { created: report.created, updated: report.updated, skipped: report.skipped })}
        </Alert>
      )}
      {report && <ImportReportView key={`${report.dryRun}`} report={report} />}
    </section>
  );
}
