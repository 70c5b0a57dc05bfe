import type { ConversionPreview } from '@concord/contracts';
import { useI18n } from '../../../../lib/i18n/i18n.tsx';
import { ConfirmDialog } from '../../../../ui/confirm-dialog.tsx';
import { ErrorNotice } from '../../../../ui/error-notice.tsx';

export interface ConversionPreviewDialogProps {
  fieldName: string;
  typeLabel: string;
  preview: ConversionPreview;
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Before a type change: how many values convert, which would be cleared, and which options would be created. */
export function ConversionPreviewDialog({ fieldName, typeLabel, preview, busy, error, onConfirm, onCancel }: ConversionPreviewDialogProps) {
  const { t, locale } = useI18n();
  const n = (x: number) => x.toLocaleString(locale);
  const lossy = preview.failureCount > 0;
  return (
    <ConfirmDialog
      title={t('base.field.previewTitle', { name: fieldName, type: typeLabel })}
      confirmLabel={lossy ? t('base.field.previewConfirmLoss', { n: n(preview.failureCount) }) : t('base.field.previewConfirm')}
      cancelLabel={t('common.cancel')}
      closeLabel={t('common.close')}
      danger={lossy}
      busy={busy}
      error={error ? <ErrorNotice error={error} /> : undefined}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <div className="conversion-preview" data-testid="conversion-preview" data-failures={preview.failureCount}>
        <p>{t('base.field.previewConverted', { converted: n(preview.converted), total: n(preview.total) })}</p>
        {lossy ? (
          <>
            <p className="text-warning">{t('base.field.previewFailures', { n: n(preview.failureCount) })}</p>
            <ul className="conversion-failures">
              {preview.failures.map((f) => (
                <li key={f.recordId}>
                  <code>{f.value}</code>
                </li>
              ))}
              {preview.failureCount > preview.failures.length && <li className="muted">…</li>}
            </ul>
          </>
        ) : (
          <p className="muted">{t('base.field.previewClean')}</p>
        )}
        {preview.newOptions.length > 0 && <p>{t('base.field.previewNewOptions', { names: preview.newOptions.join('、') })}</p>}
      </div>
    </ConfirmDialog>
  );
}
