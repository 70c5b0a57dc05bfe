import { useMemo, useState } from 'react';
import type { RecordDto, TableDto, ViewDto } from '@concord/contracts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { Button } from '../../../../ui/button.tsx';
import { EmptyState } from '../../../../ui/empty-state.tsx';
import { ErrorNotice } from '../../../../ui/error-notice.tsx';
import { PageSpinner } from '../../../../ui/spinner.tsx';
import { viewKeys } from '../api/view-keys.ts';
import { pageItems, pagesTotal, useRecordPages } from '../api/view-records.ts';
import { RecordCardBody } from '../shared/record-card-body.tsx';
import { RecordModal } from '../shared/record-modal.tsx';
import { useViewRealtime } from '../shared/use-view-realtime.ts';
import { cardFields, queryShape, withViewFilter } from '../shared/view-fields.ts';
import '../views.css';

export interface GalleryViewProps {
  table: TableDto;
  view: ViewDto;
}

/** Records as cards in a responsive grid: the title large, a few fields below; a card opens the record. */
export function GalleryView({ table, view }: GalleryViewProps) {
  const t = useT();
  useViewRealtime(table.id);
  const filter = withViewFilter(view, null);
  const pages = useRecordPages(viewKeys.gallery(table.id, view.id, queryShape(filter, view)), {
    tableId: table.id,
    viewId: view.id,
    filter,
    sort: view.config.sort,
  });
  const fields = useMemo(() => cardFields(table, view, 4), [table, view]);
  const [open, setOpen] = useState<RecordDto | null>(null);
  const records = pageItems(pages.data);
  const total = pagesTotal(pages.data);

  if (pages.isPending) return <PageSpinner label={t('common.loading')} />;
  if (pages.error) return <ErrorNotice error={pages.error} onRetry={() => void pages.refetch()} />;
  return (
    <div className="bv-gallery-wrap" data-testid="gallery-view" data-view-id={view.id}>
      {records.length === 0 ? (
        <EmptyState title={t('base.views.noRecords')} />
      ) : (
        <ul className="bv-gallery">
          {records.map((r) => (
            <li key={r.id}>
              <article
                className="bv-card bv-gallery-card"
                role="button"
                tabIndex={0}
                data-testid="gallery-card"
                data-record-id={r.id}
                onClick={() => setOpen(r)}
                onKeyDown={(e) => {
                  if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return;
                  e.preventDefault();
                  setOpen(r);
                }}
              >
                <RecordCardBody record={r} fields={fields} labels />
              </article>
            </li>
          ))}
        </ul>
      )}
      {pages.hasNextPage && (
        <div className="bv-more">
          <Button busy={pages.isFetchingNextPage} testId="gallery-more" onClick={() => void pages.fetchNextPage()}>
            {t('common.loadMore')} ({total - records.length})
          </Button>
        </div>
      )}
      {open && <RecordModal table={table} view={view} record={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
