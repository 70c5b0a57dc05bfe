import { useParams, useSearchParams } from 'react-router-dom';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { PageSpinner } from '../../../ui/spinner.tsx';
import { useBase } from '../api/get-base.ts';
import { useTable } from '../api/get-table.ts';
import { TableWorkspace } from '../components/table-workspace.tsx';
import { ViewBar } from '../components/view-bar.tsx';
import { viewComponents } from '../views/index.ts';

/** /base/:baseId/:tableId?view=…: the view bar and the chosen view (the first one by default): our grid, or a kanban, gallery, calendar or form. */
export function TableRoute() {
  const t = useT();
  const { baseId = '', tableId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const base = useBase(baseId);
  const table = useTable(tableId);
  if (table.isPending || base.isPending) return <PageSpinner label={t('common.loading')} />;
  if (table.error) return <ErrorNotice error={table.error} onRetry={() => void table.refetch()} />;
  if (base.error) return <ErrorNotice error={base.error} />;
  const views = table.data.views;
  const view = views.find((v) => v.id === params.get('view')) ?? views.find((v) => v.type === 'grid') ?? views[0];
  const Other = view && view.type !== 'grid' ? viewComponents[view.type] : undefined;
  const canEdit = base.data.role === 'owner' || base.data.role === 'editor';
  const select = (viewId: string) =>
    setParams((p) => {
      p.set('view', viewId);
      return p;
    });
  return (
    <div className="table-page" data-testid="table-page" data-table-id={tableId}>
      {view && <ViewBar table={table.data} activeViewId={view.id} canEdit={canEdit} onSelect={select} />}
      {view?.type === 'grid' && (
        <TableWorkspace key={`${tableId}:${view.id}`} base={base.data} table={table.data} view={view} tablePath={`/base/${baseId}/${tableId}`} />
      )}
      {view && Other && (
        <div className="table-other-view">
          <Other key={view.id} table={table.data} view={view} />
        </div>
      )}
    </div>
  );
}
