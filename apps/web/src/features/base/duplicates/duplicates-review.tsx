import { useState } from 'react';
import type { TableDto } from '@concord/contracts';
import { useI18n } from '../../../lib/i18n/i18n.tsx';
import { Alert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { Modal } from '../../../ui/modal.tsx';
import { PageSpinner } from '../../../ui/spinner.tsx';
import { useToast } from '../components/toast.tsx';
import { cellText } from '../fields/format.ts';
import { useDuplicatePairs, useUndoMerge, type DuplicatePairDto } from './api/duplicate-pairs.ts';
import { MergeDialog } from './merge-dialog.tsx';
import { reasonText } from './reason-text.ts';
import './duplicates.css';

export interface DuplicatesReviewProps {
  table: TableDto;
  onChanged: () => void;
  onClose: () => void;
}

/** The open "possible duplicate" pairs; each opens a side-by-side merge. A merge can be undone right here. */
export function DuplicatesReview({ table, onChanged, onClose }: DuplicatesReviewProps) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const pairs = useDuplicatePairs(table.id);
  const undo = useUndoMerge(table.id);
  const [open, setOpen] = useState<DuplicatePairDto | null>(null);
  const [merged, setMerged] = useState(false);
  const primary = table.fields.find((f) => f.isPrimary);
  const title = (fields: Record<string, unknown>) => (primary ? cellText(primary, fields[primary.id]) : '') || '—';

  if (open)
    return (
      <MergeDialog
        table={table}
        pair={open}
        onClose={() => setOpen(null)}
        onMerged={() => {
          setOpen(null);
          setMerged(true);
          onChanged();
        }}
        onDismissed={() => {
          setOpen(null);
          toast(t('base.merge.dismissed'), 'success');
        }}
      />
    );

  return (
    <Modal title={t('base.review.title')} closeLabel={t('common.close')} wide onClose={onClose}>
      <div className="duplicates-review" data-testid="duplicates-review">
        {merged && (
          <Alert tone="success">
            <span data-testid="merge-done">{t('base.merge.merged')}</span>{' '}
            <Button
              size="sm"
              busy={undo.isPending}
              testId="merge-undo"
              onClick={() =>
                undo.mutate(undefined, {
                  onSuccess: () => {
                    setMerged(false);
                    onChanged();
                    toast(t('base.merge.undone'), 'success');
                  },
                })
              }
            >
              {t('base.merge.undo')}
            </Button>
          </Alert>
        )}
        {undo.error && <ErrorNotice error={undo.error} />}
        {pairs.isPending && <PageSpinner label={t('common.loading')} />}
        {pairs.error && <ErrorNotice error={pairs.error} onRetry={() => void pairs.refetch()} />}
        {pairs.data && pairs.data.items.length === 0 && <p className="muted">{t('base.review.empty')}</p>}
        {pairs.data && pairs.data.items.length > 0 && (
          <>
            <p className="muted small">{t('base.review.total', { n: pairs.data.total })}</p>
            <ul className="pair-list">
              {pairs.data.items.map((p) => (
                <li key={p.id} className="pair-item" data-testid="duplicate-pair" data-pair-id={p.id}>
                  <div className="pair-names">
                    <strong>{title(p.a.fields)}</strong> ⇄ <strong>{title(p.b.fields)}</strong>{' '}
                    <span className="duplicate-score">{Math.round(p.score * 100)}%</span>
                    <div className="muted small">{reasonText(p.reasons, locale)}</div>
                  </div>
                  <Button size="sm" testId="pair-compare" onClick={() => setOpen(p)}>
                    {t('base.review.compare')}
                  </Button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </Modal>
  );
}
