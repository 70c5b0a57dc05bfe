import { NavLink, useNavigate } from 'react-router-dom';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { useToast } from '../../components/toast.tsx';
import { useCreateDashboard } from '../api/dashboard-mutations.ts';
import { useDashboards } from '../api/list-dashboards.ts';

export interface DashboardTabsProps {
  baseId: string;
  activeDashboardId: string | undefined;
  canEdit: boolean;
}

/** The base's dashboards as tabs after its tables, with “new dashboard” for editors. */
export function DashboardTabs({ baseId, activeDashboardId, canEdit }: DashboardTabsProps) {
  const t = useT();
  const toast = useToast();
  const navigate = useNavigate();
  const list = useDashboards(baseId);
  const create = useCreateDashboard(baseId);
  const items = list.data ?? [];

  function handleCreate() {
    create.mutate(
      { name: t('base.dashboard.defaultName', { n: items.length + 1 }) },
      { onSuccess: (d) => navigate(`/base/${baseId}/dashboards/${d.id}`), onError: (err) => toast(err.message, 'error') },
    );
  }

  if (items.length === 0 && !canEdit) return null;
  return (
    <div className="table-tabs dash-tabs" role="tablist" aria-label={t('base.dashboard.tab')}>
      <span className="dash-tabs-sep" aria-hidden="true" />
      {items.map((d) => (
        <span key={d.id} className={`table-tab-wrap${d.id === activeDashboardId ? ' is-active' : ''}`}>
          <NavLink
            to={`/base/${baseId}/dashboards/${d.id}`}
            className="table-tab"
            role="tab"
            aria-selected={d.id === activeDashboardId}
            data-testid="dashboard-tab"
          >
            <span aria-hidden="true">▦ </span>
            {d.name}
          </NavLink>
        </span>
      ))}
      {canEdit && (
        <button
          type="button"
          className="tab-add"
          onClick={handleCreate}
          disabled={create.isPending}
          title={t('base.dashboard.new')}
          aria-label={t('base.dashboard.new')}
          data-testid="dashboard-new"
        >
          ▦+
        </button>
      )}
    </div>
  );
}
