import { useRef, useState } from 'react';
import type { TableDto } from '@concord/contracts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { Popover } from '../components/popover.tsx';
import { ImportWizard } from '../import/import-wizard.tsx';
import { useDuplicatePairs } from './api/duplicate-pairs.ts';
import { DedupRuleDialog } from './dedup-rule-dialog.tsx';
import { DuplicatesReview } from './duplicates-review.tsx';

type Dialog = 'import' | 'rules' | 'review' | 'export';

export interface TableDataActionsProps {
  table: TableDto;
  viewId: string;
  canEdit: boolean;
  tablePath: string;
  /** Records changed in bulk (import, merge, undo): reload the grid. */
  onChanged: () => void;
}

/** Toolbar buttons for getting data in and out and keeping it clean: import, duplicate rules, the duplicates review, export. */
export function TableDataActions({ table, viewId, canEdit, tablePath, onChanged }: TableDataActionsProps) {
  const t = useT();
  const [open, setOpen] = useState<Dialog | null>(null);
  const pairs = useDuplicatePairs(table.id);
  const exportRef = useRef<HTMLButtonElement>(null);
  const total = pairs.data?.total ?? 0;
  const exportUrl = (format: 'csv' | 'xlsx') =>
    `/api/v1/base/tables/${encodeURIComponent(table.id)}/export?viewId=${encodeURIComponent(viewId)}&format=${format}`;
  const r = exportRef.current?.getBoundingClientRect();
  const close = () => setOpen(null);

  return (
    <>
      {canEdit && (
        <button type="button" className="toolbar-btn" data-testid="toolbar-import" onClick={() => setOpen('import')}>
          ⇪ {t('base.dedup.import')}
        </button>
      )}
      <button
        ref={exportRef}
        type="button"
        className="toolbar-btn"
        data-testid="toolbar-export"
        data-popover-toggle
        aria-expanded={open === 'export'}
        onClick={() => setOpen(open === 'export' ? null : 'export')}
      >
        ⇩ {t('base.dedup.export')}
      </button>
      {canEdit && (
        <button type="button" className="toolbar-btn" data-testid="toolbar-dedup-rules" onClick={() => setOpen('rules')}>
          {t('base.dedup.rules')}
        </button>
      )}
      <button
        type="button"
        className={`toolbar-btn${total > 0 ? ' is-active' : ''}`}
        data-testid="toolbar-duplicates"
        data-count={total}
        onClick={() => setOpen('review')}
      >
        {total > 0 ? t('base.dedup.reviewCount', { n: total }) : t('base.dedup.review')}
      </button>
      {open === 'export' && r && (
        <Popover anchor={{ left: r.left, top: r.top, bottom: r.bottom }} onClose={close} className="base-menu" testId="export-menu">
          <a className="base-menu-item" href={exportUrl('csv')} download data-testid="export-csv" onClick={close}>
            {t('base.dedup.exportCsv')}
          </a>
          <a className="base-menu-item" href={exportUrl('xlsx')} download data-testid="export-xlsx" onClick={close}>
            {t('base.dedup.exportXlsx')}
          </a>
        </Popover>
      )}
      {open === 'import' && <ImportWizard table={table} tablePath={tablePath} onImported={onChanged} onClose={close} />}
      {open === 'rules' && <DedupRuleDialog table={table} onClose={close} />}
      {open === 'review' && <DuplicatesReview table={table} onChanged={onChanged} onClose={close} />}
    </>
  );
}
