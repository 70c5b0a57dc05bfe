import { useState } from 'react';
import type { ImportReport, Locale } from '@concord/contracts';
import { useI18n } from '../../../lib/i18n/i18n.tsx';
import { Alert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { SelectField } from '../../../ui/select-field.tsx';
import { useImportDirectory, type ImportKind } from '../api/import-directory.ts';
import { ImportReportView } from '../components/import-report-view.tsx';

const TEMPLATES: Record<Locale, Record<ImportKind, string>> = {
  'zh-CN': {
    people: '姓名,邮箱,手机,职位,部门,直属上级\n张伟,zhang.wei@example.com,13800138000,工程师,技术中心/平台研发部,\n',
    departments: '部门名称,上级部门,负责人,排序\n技术中心,,,1\n平台研发部,技术中心,,1\n',
  },
  en: {
    people: 'name,email,mobile,title,department,manager\nWei Zhang,wei.zhang@example.com,+8613800138000,Engineer,Engineering/Platform,\n',
    departments: 'name,parent,head,order\nEngineering,,,1\nPlatform,Engineering,,1\n',
  },
};

/** A CSV template as a data URL; the BOM makes Excel read the UTF-8 Chinese correctly. */
function templateHref(locale: Locale, kind: ImportKind): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent('\ufeff' + TEMPLATES[locale][kind])}`;
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Import departments or people from CSV/XLSX: preview (dry run) first, then import; both show the per-row report. */
export function AdminImportRoute() {
  const { t, locale } = useI18n();
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
          <span className="field-label">{t('import.file')}</span>
          <div className="file-pick">
            {/* The native input stays in the page (tests and keyboards use it); the label is its localized face. */}
            <input
              id="import-file"
              className="visually-hidden"
              name="file"
              type="file"
              data-testid="import-file"
              accept=".csv,.xlsx,.xls,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => handleFile(e.target.files?.[0] ?? null)}
            />
            <label htmlFor="import-file" className="btn btn-secondary">
              {t('import.chooseFile')}
            </label>
            <span className={file ? 'file-name' : 'muted'}>{file ? `${file.name} · ${formatSize(file.size)}` : t('import.noFile')}</span>
          </div>
          <p className="field-hint">
            {t('import.fileHint')}{' '}
            <a href={templateHref(locale, kind)} download={`${kind}-template.csv`}>
              {t('import.template')}
            </a>
          </p>
        </div>
        <div className="button-row">
          <Button
            variant={previewed ? 'secondary' : 'primary'}
            disabled={!file}
            busy={mutation.isPending && mutation.variables?.dryRun}
            testId="import-preview"
            onClick={() => run(true)}
          >
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
