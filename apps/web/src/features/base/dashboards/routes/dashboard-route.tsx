import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type { DashboardFilterValue, FieldDto, TableDto, WidgetDto, WidgetLayout } from '@concord/contracts';
import { useQueries } from '@tanstack/react-query';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { Button } from '../../../../ui/button.tsx';
import { ConfirmDialog } from '../../../../ui/confirm-dialog.tsx';
import { EmptyState } from '../../../../ui/empty-state.tsx';
import { ErrorNotice } from '../../../../ui/error-notice.tsx';
import { PageSpinner } from '../../../../ui/spinner.tsx';
import { useBase } from '../../api/get-base.ts';
import { tableQueryOptions } from '../../api/get-table.ts';
import { InlineRename } from '../../components/inline-rename.tsx';
import { useDashboardData } from '../api/dashboard-data.ts';
import { useDeleteDashboard, useDeleteWidget, useSaveWidget, useUpdateDashboard } from '../api/dashboard-mutations.ts';
import { useDashboard } from '../api/get-dashboard.ts';
import { FilterBar } from '../components/filter-bar.tsx';
import { FiltersDialog } from '../components/filters-dialog.tsx';
import { WidgetCard } from '../components/widget-card.tsx';
import { WidgetDialog } from '../components/widget-dialog.tsx';
import { nextLayout } from '../components/widget-draft.ts';
import { useDashboardRealtime } from '../hooks/use-dashboard-realtime.ts';
import '../dashboard.css';

type Editing = { widget: WidgetDto | null; layout: WidgetLayout } | null;

/** /base/:baseId/dashboards/:dashboardId: the widget grid, its filters, and (for editors) adding and editing widgets. */
export function DashboardRoute() {
  const t = useT();
  const navigate = useNavigate();
  const { baseId = '', dashboardId = '' } = useParams();
  const base = useBase(baseId);
  const dashboard = useDashboard(dashboardId);
  const [filters, setFilters] = useState<Record<string, DashboardFilterValue>>({});
  const data = useDashboardData(dashboardId, filters);
  const widgets = dashboard.data?.widgets ?? [];
  const tableIds = [...new Set(widgets.map((w) => w.tableId))];
  useDashboardRealtime(baseId, dashboardId, tableIds);
  const tables = useQueries({ queries: tableIds.map((id) => tableQueryOptions(id)) });
  const fieldsOf = new Map<string, FieldDto[]>(tables.flatMap((q) => (q.data ? [[q.data.id, q.data.fields] as [string, FieldDto[]]] : [])));
  const save = useSaveWidget(baseId, dashboardId);
  const removeWidget = useDeleteWidget(baseId, dashboardId);
  const update = useUpdateDashboard(baseId, dashboardId);
  const remove = useDeleteDashboard(baseId, dashboardId);
  const [editing, setEditing] = useState<Editing>(null);
  const [deletingWidget, setDeletingWidget] = useState<WidgetDto | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const [editingFilters, setEditingFilters] = useState(false);

  if (dashboard.isPending || base.isPending) return <PageSpinner label={t('common.loading')} />;
  if (dashboard.error) return <ErrorNotice error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  if (base.error) return <ErrorNotice error={base.error} />;
  const d = dashboard.data;
  const results = new Map((data.data?.widgets ?? []).map((r) => [r.widgetId, r]));

  return (
    <div className="dash-page" data-testid="dashboard-page" data-dashboard-id={d.id}>
      <div className="dash-toolbar">
        {renaming ? (
          <InlineRename
            value={d.name}
            label={t('base.dashboard.rename')}
            testId="dashboard-rename"
            onSave={(name) => update.mutate({ name })}
            onDone={() => setRenaming(false)}
          />
        ) : (
          <h2 className="dash-name" onDoubleClick={() => d.canEdit && setRenaming(true)}>
            {d.name}
          </h2>
        )}
        <FilterBar filters={d.filters} values={filters} onChange={setFilters} />
        {d.canEdit && (
          <span className="dash-toolbar-actions">
            <Button size="sm" variant="primary" testId="widget-add" onClick={() => setEditing({ widget: null, layout: nextLayout(widgets, 'bar') })}>
              {t('base.dashboard.addWidget')}
            </Button>
            <Button size="sm" testId="filters-edit" onClick={() => setEditingFilters(true)}>
              {t('base.dashboard.filters.edit')}
            </Button>
            <Button size="sm" onClick={() => setRenaming(true)}>
              {t('base.dashboard.rename')}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setDeleting(true)}>
              {t('base.dashboard.delete')}
            </Button>
          </span>
        )}
      </div>
      {data.error && <ErrorNotice error={data.error} onRetry={() => void data.refetch()} />}
      {widgets.length === 0 ? (
        <EmptyState title={t('base.dashboard.empty')} />
      ) : (
        <div className="dash-grid" aria-busy={data.isFetching || undefined}>
          {widgets.map((w) => (
            <WidgetCard
              key={w.id}
              widget={w}
              result={results.get(w.id)}
              fields={fieldsOf.get(w.tableId) ?? []}
              canEdit={d.canEdit}
              onEdit={() => setEditing({ widget: w, layout: w.layout })}
              onDelete={() => setDeletingWidget(w)}
              onDropWidget={(fromId) => {
                const from = widgets.find((x) => x.id === fromId);
                if (from)
                  update.mutate({
                    layout: [
                      { widgetId: from.id, layout: w.layout },
                      { widgetId: w.id, layout: from.layout },
                    ],
                  });
              }}
            />
          ))}
        </div>
      )}
      {editing && (
        <WidgetDialog
          base={base.data}
          widget={editing.widget}
          layout={editing.layout}
          busy={save.isPending}
          error={save.error}
          onClose={() => {
            save.reset();
            setEditing(null);
          }}
          onSave={(spec) => {
            // A new widget's height suits its kind: a number needs two rows, a chart five.
            const sized = editing.widget ? spec : { ...spec, layout: { ...spec.layout, h: nextLayout(widgets, spec.kind).h } };
            save.mutate({ widgetId: editing.widget?.id ?? null, spec: sized }, { onSuccess: () => setEditing(null) });
          }}
        />
      )}
      {editingFilters && (
        <FiltersDialog
          filters={d.filters}
          tables={tables.flatMap((q) => (q.data ? [q.data as TableDto] : []))}
          busy={update.isPending}
          error={update.error}
          onClose={() => {
            update.reset();
            setEditingFilters(false);
          }}
          onSave={(next) =>
            update.mutate(
              { filters: next },
              {
                onSuccess: () => {
                  // Values of removed filters would only be ignored; drop them so the bar matches.
                  setFilters((v) => Object.fromEntries(Object.entries(v).filter(([id]) => next.some((f) => f.id === id))));
                  setEditingFilters(false);
                },
              },
            )
          }
        />
      )}
      {deletingWidget && (
        <ConfirmDialog
          title={t('base.dashboard.deleteWidget')}
          confirmLabel={t('common.delete')}
          cancelLabel={t('common.cancel')}
          closeLabel={t('common.close')}
          danger
          busy={removeWidget.isPending}
          onCancel={() => setDeletingWidget(null)}
          onConfirm={() => removeWidget.mutate(deletingWidget.id, { onSuccess: () => setDeletingWidget(null) })}
        >
          {t('base.dashboard.deleteWidgetConfirm', { title: deletingWidget.title })}
        </ConfirmDialog>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('base.dashboard.delete')}
          confirmLabel={t('common.delete')}
          cancelLabel={t('common.cancel')}
          closeLabel={t('common.close')}
          danger
          busy={remove.isPending}
          onCancel={() => setDeleting(false)}
          onConfirm={() => remove.mutate(undefined, { onSuccess: () => navigate(`/base/${baseId}`, { replace: true }) })}
        >
          {t('base.dashboard.deleteConfirm', { name: d.name })}
        </ConfirmDialog>
      )}
    </div>
  );
}
